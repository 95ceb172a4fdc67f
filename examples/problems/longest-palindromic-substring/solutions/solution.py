class Solution:
    def longestPalindrome(self, s: str) -> str:
        n = len(s)
        lo, hi = 0, 1
        start = 0
        while start < n:
            # A run of equal characters is the centre of any palindrome
            # through it: expand from the whole run at once.
            end = start
            while end + 1 < n and s[end + 1] == s[start]:
                end += 1
            i, j = start - 1, end + 1
            while i >= 0 and j < n and s[i] == s[j]:
                i -= 1
                j += 1
            if j - i - 1 > hi - lo:
                lo, hi = i + 1, j
            start = end + 1
        return s[lo:hi]
