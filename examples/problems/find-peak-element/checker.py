# Any index of a peak is accepted: an element strictly greater than its
# neighbours, with nums[-1] = nums[n] = -infinity.


def check(input, expected, actual):
    nums = input["nums"]
    n = len(nums)
    if not isinstance(actual, int) or isinstance(actual, bool):
        return "expected an index"
    if not 0 <= actual < n:
        return "index %d is outside the array (length %d)" % (actual, n)
    if actual > 0 and nums[actual - 1] >= nums[actual]:
        return "nums[%d] = %d is not a peak: nums[%d] = %d" % (actual, nums[actual], actual - 1, nums[actual - 1])
    if actual < n - 1 and nums[actual + 1] >= nums[actual]:
        return "nums[%d] = %d is not a peak: nums[%d] = %d" % (actual, nums[actual], actual + 1, nums[actual + 1])
    return True
