# Grows a list of touched 16 MiB bytearrays until memory runs out.
class Solution:
    def probe(self, x: int) -> int:
        hoard = []
        while True:
            hoard.append(bytearray(b"\x01" * (16 << 20)))
