class Solution:
    def myPow(self, x: float, n: int) -> float:
        result, n = 1.0, abs(n)
        while n:
            if n & 1:
                result *= x
            x *= x
            n >>= 1
        return result
