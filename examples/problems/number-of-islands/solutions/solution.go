//go:build ignore

package main

func numIslands(grid [][]string) int {
	m, n := len(grid), len(grid[0])
	seen := make([][]bool, m)
	for i := range seen {
		seen[i] = make([]bool, n)
	}
	count := 0
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			if grid[i][j] != "1" || seen[i][j] {
				continue
			}
			count++
			seen[i][j] = true
			stack := [][2]int{{i, j}}
			for len(stack) > 0 {
				cell := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				for _, d := range [][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
					x, y := cell[0]+d[0], cell[1]+d[1]
					if x >= 0 && x < m && y >= 0 && y < n && grid[x][y] == "1" && !seen[x][y] {
						seen[x][y] = true
						stack = append(stack, [2]int{x, y})
					}
				}
			}
		}
	}
	return count
}
