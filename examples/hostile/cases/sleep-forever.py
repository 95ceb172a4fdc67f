# Sleeps forever inside the test.
import time


class Solution:
    def probe(self, x: int) -> int:
        while True:
            time.sleep(3600)
