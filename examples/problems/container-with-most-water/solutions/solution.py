class Solution:
    def maxArea(self, height: List[int]) -> int:
        i, j, best = 0, len(height) - 1, 0
        while i < j:
            hi, hj = height[i], height[j]
            if hi < hj:
                best = max(best, (j - i) * hi)
                i += 1
            else:
                best = max(best, (j - i) * hj)
                j -= 1
        return best
