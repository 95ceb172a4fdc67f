class Solution:
    def trap(self, height: List[int]) -> int:
        # Looks for the highest wall on both sides of every cell: O(n^2).
        n, water = len(height), 0
        for i in range(n):
            left = right = 0
            for j in range(i, -1, -1):
                if height[j] > left:
                    left = height[j]
            for j in range(i, n):
                if height[j] > right:
                    right = height[j]
            water += min(left, right) - height[i]
        return water
