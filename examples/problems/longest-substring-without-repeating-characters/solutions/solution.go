//go:build ignore

package main

func lengthOfLongestSubstring(s string) int {
	last := map[rune]int{}
	best, start := 0, 0
	for i, c := range []rune(s) {
		if prev, ok := last[c]; ok && prev >= start {
			start = prev + 1
		}
		last[c] = i
		if i-start+1 > best {
			best = i - start + 1
		}
	}
	return best
}
