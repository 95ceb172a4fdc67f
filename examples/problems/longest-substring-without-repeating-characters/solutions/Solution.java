class Solution {
    public int lengthOfLongestSubstring(String s) {
        int[] cs = s.codePoints().toArray();
        Map<Integer, Integer> last = new HashMap<>();
        int best = 0, start = 0;
        for (int i = 0; i < cs.length; i++) {
            Integer prev = last.put(cs[i], i);
            if (prev != null && prev >= start) {
                start = prev + 1;
            }
            best = Math.max(best, i - start + 1);
        }
        return best;
    }
}
