class Solution:
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        # Tries every segmentation: exponential without memoization.
        if not s:
            return True
        return any(s.startswith(w) and self.wordBreak(s[len(w):], wordDict) for w in wordDict)
