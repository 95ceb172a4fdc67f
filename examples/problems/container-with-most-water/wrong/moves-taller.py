class Solution:
    def maxArea(self, height: List[int]) -> int:
        i, j, best = 0, len(height) - 1, 0
        while i < j:
            best = max(best, (j - i) * min(height[i], height[j]))
            # Moves the taller line, which can never help.
            if height[i] > height[j]:
                i += 1
            else:
                j -= 1
        return best
