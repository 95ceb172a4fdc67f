//go:build ignore

package main

func mySqrt(x int64) int64 {
	// 3037000499 is the largest number whose square fits in an int64.
	lo, hi := int64(0), x
	if hi > 3037000499 {
		hi = 3037000499
	}
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if mid*mid <= x {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}
