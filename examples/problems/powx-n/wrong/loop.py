class Solution:
    def myPow(self, x: float, n: int) -> float:
        # One multiplication per unit of n: far too slow for n near 2^31.
        result = 1.0
        for _ in range(abs(n)):
            result *= x
        return result if n >= 0 else 1 / result
