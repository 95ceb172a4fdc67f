class Solution:
    def subsets(self, nums: List[int]) -> List[List[int]]:
        # Leaves out the empty subset.
        out = []
        for mask in range(1, 1 << len(nums)):
            out.append([x for i, x in enumerate(nums) if mask >> i & 1])
        return out
