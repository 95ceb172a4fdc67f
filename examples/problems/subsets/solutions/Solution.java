class Solution {
    public int[][] subsets(int[] nums) {
        List<int[]> out = new ArrayList<>();
        out.add(new int[0]);
        for (int x : nums) {
            for (int i = 0, n = out.size(); i < n; i++) {
                int[] s = Arrays.copyOf(out.get(i), out.get(i).length + 1);
                s[s.length - 1] = x;
                out.add(s);
            }
        }
        return out.toArray(new int[0][]);
    }
}
