//go:build ignore

package main

func minDistance(word1 string, word2 string) int {
	prev := make([]int, len(word2)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(word1); i++ {
		cur := make([]int, len(word2)+1)
		cur[0] = i
		for j := 1; j <= len(word2); j++ {
			if word1[i-1] == word2[j-1] {
				cur[j] = prev[j-1]
			} else {
				cur[j] = 1 + min3(prev[j-1], prev[j], cur[j-1])
			}
		}
		prev = cur
	}
	return prev[len(word2)]
}

func min3(a, b, c int) int {
	if b < a {
		a = b
	}
	if c < a {
		a = c
	}
	return a
}
