//go:build ignore

package main

import "unicode"

func isPalindrome(s string) bool {
	var t []rune
	for _, c := range s {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			t = append(t, unicode.ToLower(c))
		}
	}
	for i, j := 0, len(t)-1; i < j; i, j = i+1, j-1 {
		if t[i] != t[j] {
			return false
		}
	}
	return true
}
