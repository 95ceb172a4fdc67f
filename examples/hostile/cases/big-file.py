# Writes a 1 GB file in /tmp, then answers right.
class Solution:
    def probe(self, x: int) -> int:
        chunk = b"\x00" * (1 << 20)
        with open("/tmp/big.bin", "wb") as f:
            for _ in range(1024):
                f.write(chunk)
        return 3 * x + 1
