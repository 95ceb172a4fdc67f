//go:build ignore

package main

func wordBreak(s string, wordDict []string) bool {
	words := map[string]bool{}
	longest := 0
	for _, w := range wordDict {
		words[w] = true
		if len(w) > longest {
			longest = len(w)
		}
	}
	// Byte offsets: a word's UTF-8 bytes only match at a character boundary.
	ok := make([]bool, len(s)+1)
	ok[0] = true
	for i := 1; i <= len(s); i++ {
		for j := i - 1; j >= 0 && j >= i-longest && !ok[i]; j-- {
			ok[i] = ok[j] && words[s[j:i]]
		}
	}
	return ok[len(s)]
}
