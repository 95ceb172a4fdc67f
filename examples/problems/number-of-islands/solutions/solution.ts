function numIslands(grid: string[][]): number {
    const m = grid.length, n = grid[0].length;
    const seen: boolean[][] = grid.map((row) => new Array<boolean>(row.length).fill(false));
    const steps = [[1, 0], [-1, 0], [0, 1], [0, -1]];
    let count = 0;
    for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
            if (grid[i][j] !== "1" || seen[i][j]) {
                continue;
            }
            count++;
            seen[i][j] = true;
            const stack: number[][] = [[i, j]];
            while (stack.length > 0) {
                const [a, b] = stack.pop()!;
                for (const [da, db] of steps) {
                    const x = a + da, y = b + db;
                    if (x >= 0 && x < m && y >= 0 && y < n && grid[x][y] === "1" && !seen[x][y]) {
                        seen[x][y] = true;
                        stack.push([x, y]);
                    }
                }
            }
        }
    }
    return count;
};
