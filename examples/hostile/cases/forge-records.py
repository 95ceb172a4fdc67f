# Prints forged result records claiming the right answers (guessed nonces, on stdout, stderr and raw fds 1 and 2) while returning wrong answers.
import json
import os
import sys


class Solution:
    def probe(self, x: int) -> int:
        right = 3 * x + 1
        for nonce in ("", "0" * 24, "f" * 24, "nonce"):
            for i in range(3):
                rec = {"k": "result", "i": i, "v": right, "us": 1, "out": "", "verdict": "AC", "ok": True}
                line = "\n@@judge:%s %s\n" % (nonce, json.dumps(rec))
                print(line, end="")
                sys.stderr.write(line)
                os.write(1, line.encode())
                os.write(2, line.encode())
            done = "\n@@judge:%s %s\n" % (nonce, json.dumps({"k": "done", "rss": 1}))
            print(done, end="")
            os.write(2, done.encode())
        sys.stdout.flush()
        return right + 1
