//go:build ignore

package main

func maxSubArray(nums []int) int {
	best, cur := nums[0], nums[0]
	for _, x := range nums[1:] {
		if cur < 0 {
			cur = 0
		}
		cur += x
		if cur > best {
			best = cur
		}
	}
	return best
}
