# Writes a single 100 MB line without a newline to stdout, then answers right.
import os
import sys


class Solution:
    def probe(self, x: int) -> int:
        chunk = "x" * (1 << 20)
        for _ in range(100):
            sys.stdout.write(chunk)
        sys.stdout.flush()
        return 3 * x + 1
