class Solution {
    public String longestPalindrome(String s) {
        int n = s.length(), lo = 0, hi = 1;
        for (int start = 0; start < n; ) {
            // A run of equal characters is the centre of any palindrome
            // through it: expand from the whole run at once.
            int end = start;
            while (end + 1 < n && s.charAt(end + 1) == s.charAt(start)) {
                end++;
            }
            int i = start - 1, j = end + 1;
            while (i >= 0 && j < n && s.charAt(i) == s.charAt(j)) {
                i--;
                j++;
            }
            if (j - i - 1 > hi - lo) {
                lo = i + 1;
                hi = j;
            }
            start = end + 1;
        }
        return s.substring(lo, hi);
    }
}
