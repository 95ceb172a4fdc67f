//go:build ignore

package main

func transpose(matrix [][]int) [][]int {
	out := make([][]int, len(matrix[0]))
	for j := range out {
		out[j] = make([]int, len(matrix))
		for i := range matrix {
			out[j][i] = matrix[i][j]
		}
	}
	return out
}
