class Solution:
    def threeSum(self, nums: List[int]) -> List[List[int]]:
        # Finds every triplet but never skips equal values.
        nums = sorted(nums)
        n, out = len(nums), []
        for i in range(n - 2):
            lo, hi = i + 1, n - 1
            while lo < hi:
                s = nums[i] + nums[lo] + nums[hi]
                if s < 0:
                    lo += 1
                elif s > 0:
                    hi -= 1
                else:
                    out.append([nums[i], nums[lo], nums[hi]])
                    lo += 1
                    hi -= 1
        return out
