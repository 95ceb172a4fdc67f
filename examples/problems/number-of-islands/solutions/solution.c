int numIslands(char*** grid, int gridSize, int* gridColSize) {
    int m = gridSize, n = gridColSize[0], count = 0;
    int* stack = malloc((m * n + 1) * sizeof(int));
    static const int d[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
            if (grid[i][j][0] != '1') continue;
            count++;
            grid[i][j][0] = '0';
            int top = 0;
            stack[top++] = i * n + j;
            while (top > 0) {
                int a = stack[top - 1] / n, b = stack[top - 1] % n;
                top--;
                for (int k = 0; k < 4; k++) {
                    int x = a + d[k][0], y = b + d[k][1];
                    if (x >= 0 && x < m && y >= 0 && y < n && grid[x][y][0] == '1') {
                        grid[x][y][0] = '0';
                        stack[top++] = x * n + y;
                    }
                }
            }
        }
    }
    free(stack);
    return count;
}
