//go:build ignore

package main

func trap(height []int) int {
	i, j := 0, len(height)-1
	left, right, water := 0, 0, 0
	for i < j {
		if height[i] < height[j] {
			if height[i] > left {
				left = height[i]
			}
			water += left - height[i]
			i++
		} else {
			if height[j] > right {
				right = height[j]
			}
			water += right - height[j]
			j--
		}
	}
	return water
}
