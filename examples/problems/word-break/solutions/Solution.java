class Solution {
    public boolean wordBreak(String s, String[] wordDict) {
        Set<String> words = new HashSet<>(Arrays.asList(wordDict));
        int longest = 0;
        for (String w : wordDict) {
            longest = Math.max(longest, w.length());
        }
        boolean[] ok = new boolean[s.length() + 1];
        ok[0] = true;
        for (int i = 1; i <= s.length(); i++) {
            for (int j = Math.max(0, i - longest); j < i && !ok[i]; j++) {
                ok[i] = ok[j] && words.contains(s.substring(j, i));
            }
        }
        return ok[s.length()];
    }
}
