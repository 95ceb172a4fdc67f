class Solution {
    public int numIslands(String[][] grid) {
        int m = grid.length, n = grid[0].length, count = 0;
        boolean[][] seen = new boolean[m][n];
        int[][] dirs = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (!grid[i][j].equals("1") || seen[i][j]) {
                    continue;
                }
                count++;
                seen[i][j] = true;
                Deque<int[]> stack = new ArrayDeque<>();
                stack.push(new int[] {i, j});
                while (!stack.isEmpty()) {
                    int[] cell = stack.pop();
                    for (int[] d : dirs) {
                        int x = cell[0] + d[0], y = cell[1] + d[1];
                        if (x >= 0 && x < m && y >= 0 && y < n && grid[x][y].equals("1") && !seen[x][y]) {
                            seen[x][y] = true;
                            stack.push(new int[] {x, y});
                        }
                    }
                }
            }
        }
        return count;
    }
}
