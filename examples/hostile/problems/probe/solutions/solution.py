class Solution:
    def probe(self, x: int) -> int:
        return 3 * x + 1
