//go:build ignore

package main

func maxSlidingWindow(nums []int, k int) []int {
	var out []int
	var window []int // indices, their values decreasing
	for i, x := range nums {
		for len(window) > 0 && nums[window[len(window)-1]] <= x {
			window = window[:len(window)-1]
		}
		window = append(window, i)
		if window[0] <= i-k {
			window = window[1:]
		}
		if i >= k-1 {
			out = append(out, nums[window[0]])
		}
	}
	return out
}
