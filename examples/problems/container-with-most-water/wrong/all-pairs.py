class Solution:
    def maxArea(self, height: List[int]) -> int:
        best = 0
        for i in range(len(height)):
            for j in range(i + 1, len(height)):
                a = (j - i) * min(height[i], height[j])
                if a > best:
                    best = a
        return best
