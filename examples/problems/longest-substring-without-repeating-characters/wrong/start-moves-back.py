class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        best = start = 0
        last = {}
        for i, c in enumerate(s):
            if c in last:
                # May move the window's start back to before a later repeat.
                start = last[c] + 1
            last[c] = i
            best = max(best, i - start + 1)
        return best
