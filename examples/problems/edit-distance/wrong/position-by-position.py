class Solution:
    def minDistance(self, word1: str, word2: str) -> int:
        # Compares the words position by position: only replacements,
        # then insertions or deletions at the end.
        same = sum(a == b for a, b in zip(word1, word2))
        return max(len(word1), len(word2)) - same
