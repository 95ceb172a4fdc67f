//go:build ignore

package main

func kidsWithCandies(candies []int, extraCandies int) []bool {
	most := 0
	for _, c := range candies {
		if c > most {
			most = c
		}
	}
	out := make([]bool, len(candies))
	for i, c := range candies {
		out[i] = c+extraCandies >= most
	}
	return out
}
