class Solution:
    def trap(self, height: List[int]) -> int:
        # Fills every cell up to the highest wall on its left.
        water = highest = 0
        for h in height:
            highest = max(highest, h)
            water += highest - h
        return water
