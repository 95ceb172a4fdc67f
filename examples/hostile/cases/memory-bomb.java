// Keeps 8 MiB long arrays, filled, in a list without end.
class Solution {
    public long probe(long x) {
        List<long[]> hoard = new ArrayList<>();
        for (long i = x;; i++) {
            long[] block = new long[1 << 20];
            Arrays.fill(block, i);
            hoard.add(block);
        }
    }
}
