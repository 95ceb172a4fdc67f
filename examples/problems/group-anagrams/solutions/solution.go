//go:build ignore

package main

import "sort"

func groupAnagrams(strs []string) [][]string {
	index := map[string]int{}
	var out [][]string
	for _, s := range strs {
		key := []rune(s)
		sort.Slice(key, func(i, j int) bool { return key[i] < key[j] })
		i, ok := index[string(key)]
		if !ok {
			i = len(out)
			index[string(key)] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], s)
	}
	return out
}
