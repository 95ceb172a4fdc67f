# Writes to stderr without end, ignoring write errors.
import os


class Solution:
    def probe(self, x: int) -> int:
        line = b"flood " * 1000 + b"\n"
        while True:
            try:
                os.write(2, line)
            except OSError:
                pass
