# Recurses without end until the stack gives out. The call goes through C
# (argument unpacking), so every level takes real stack, and the 64 MiB of
# the harness's thread run out within a fraction of a second.
class Solution:
    def probe(self, x: int) -> int:
        return self.probe(*[x + 1]) + 1
