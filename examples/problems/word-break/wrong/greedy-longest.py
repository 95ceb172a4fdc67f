class Solution:
    def wordBreak(self, s: str, wordDict: List[str]) -> bool:
        # Always takes the longest word that fits, never backtracks.
        words = sorted(wordDict, key=len, reverse=True)
        i = 0
        while i < len(s):
            for w in words:
                if s.startswith(w, i):
                    i += len(w)
                    break
            else:
                return False
        return True
