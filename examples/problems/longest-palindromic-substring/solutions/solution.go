//go:build ignore

package main

func longestPalindrome(s string) string {
	n, lo, hi := len(s), 0, 1
	for start := 0; start < n; {
		// A run of equal characters is the centre of any palindrome
		// through it: expand from the whole run at once.
		end := start
		for end+1 < n && s[end+1] == s[start] {
			end++
		}
		i, j := start-1, end+1
		for i >= 0 && j < n && s[i] == s[j] {
			i--
			j++
		}
		if j-i-1 > hi-lo {
			lo, hi = i+1, j
		}
		start = end + 1
	}
	return s[lo:hi]
}
