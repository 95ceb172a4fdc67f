class Solution:
    def longestPalindrome(self, s: str) -> str:
        # Expands around single characters only: misses even lengths.
        best = s[0]
        for c in range(len(s)):
            i = j = c
            while i >= 0 and j < len(s) and s[i] == s[j]:
                i -= 1
                j += 1
            if j - i - 1 > len(best):
                best = s[i + 1:j]
        return best
