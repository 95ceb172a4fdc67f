class Solution:
    def longestPalindrome(self, s: str) -> str:
        best = s[0]
        n = len(s)
        for i in range(n):
            for j in range(i + 1, n):
                a, b = i, j
                while a < b and s[a] == s[b]:
                    a += 1
                    b -= 1
                if a >= b and j + 1 - i > len(best):
                    best = s[i:j + 1]
        return best
