# Leaves a daemon behind: double fork and setsid, ignoring SIGTERM, SIGHUP and SIGINT, living forever; then answers right.
import os
import signal
import time


class Solution:
    def probe(self, x: int) -> int:
        pid = os.fork()
        if pid == 0:
            try:
                os.setsid()
                if os.fork() == 0:
                    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGPIPE):
                        signal.signal(sig, signal.SIG_IGN)
                    while True:
                        time.sleep(0.5)
            finally:
                os._exit(0)
        os.waitpid(pid, 0)
        return 3 * x + 1
