class Solution:
    def threeSum(self, nums: List[int]) -> List[List[int]]:
        nums = sorted(nums)
        n, out = len(nums), []
        for i in range(n - 2):
            x = nums[i]
            if x > 0:
                break
            if i and x == nums[i - 1]:
                continue
            lo, hi = i + 1, n - 1
            while lo < hi:
                s = x + nums[lo] + nums[hi]
                if s < 0:
                    lo += 1
                elif s > 0:
                    hi -= 1
                else:
                    out.append([x, nums[lo], nums[hi]])
                    lo += 1
                    while lo < hi and nums[lo] == nums[lo - 1]:
                        lo += 1
                    hi -= 1
        return out
