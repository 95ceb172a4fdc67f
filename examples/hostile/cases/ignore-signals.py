# Ignores every catchable signal, then loops forever.
import signal


class Solution:
    def probe(self, x: int) -> int:
        for sig in range(1, signal.NSIG):
            try:
                signal.signal(sig, signal.SIG_IGN)
            except (OSError, ValueError, RuntimeError):
                pass
        while True:
            pass
