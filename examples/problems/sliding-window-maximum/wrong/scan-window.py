class Solution:
    def maxSlidingWindow(self, nums: List[int], k: int) -> List[int]:
        out = []
        for i in range(len(nums) - k + 1):
            best = nums[i]
            for j in range(i + 1, i + k):
                if nums[j] > best:
                    best = nums[j]
            out.append(best)
        return out
