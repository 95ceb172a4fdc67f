//go:build ignore

package main

func subsets(nums []int) [][]int {
	out := [][]int{{}}
	for _, x := range nums {
		for _, s := range out {
			out = append(out, append(append([]int(nil), s...), x))
		}
	}
	return out
}
