//go:build ignore

package main

func knightProbability(n int, k int, row int, column int) float64 {
	moves := [][2]int{{1, 2}, {2, 1}, {-1, 2}, {-2, 1}, {1, -2}, {2, -1}, {-1, -2}, {-2, -1}}
	// dp[i][j]: the probability of staying on the board for the remaining
	// moves, starting from (i, j).
	dp := make([][]float64, n)
	for i := range dp {
		dp[i] = make([]float64, n)
		for j := range dp[i] {
			dp[i][j] = 1
		}
	}
	for step := 0; step < k; step++ {
		next := make([][]float64, n)
		for i := range next {
			next[i] = make([]float64, n)
			for j := range next[i] {
				sum := 0.0
				for _, m := range moves {
					a, b := i+m[0], j+m[1]
					if a >= 0 && a < n && b >= 0 && b < n {
						sum += dp[a][b]
					}
				}
				next[i][j] = sum / 8
			}
		}
		dp = next
	}
	return dp[row][column]
}
