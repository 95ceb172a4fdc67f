//go:build ignore

package main

func topKFrequent(nums []int, k int) []int {
	count := map[int]int{}
	for _, x := range nums {
		count[x]++
	}
	buckets := make([][]int, len(nums)+1)
	for value, c := range count {
		buckets[c] = append(buckets[c], value)
	}
	var out []int
	for c := len(nums); c > 0 && len(out) < k; c-- {
		out = append(out, buckets[c]...)
	}
	return out[:k]
}
