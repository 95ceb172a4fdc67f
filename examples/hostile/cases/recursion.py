# Recurses without end until the stack gives out.
class Solution:
    def probe(self, x: int) -> int:
        return self.probe(x + 1) + 1
