class Solution:
    def findPeakElement(self, nums: List[int]) -> int:
        for i in range(len(nums)):
            if nums[i] > nums[i + 1]:
                return i
