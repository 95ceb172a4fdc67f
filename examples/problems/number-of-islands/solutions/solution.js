/**
 * @param {string[][]} grid
 * @return {number}
 */
var numIslands = function(grid) {
    const m = grid.length, n = grid[0].length;
    const seen = new Uint8Array(m * n);
    const land = (x, y) => x >= 0 && x < m && y >= 0 && y < n && grid[x][y] === "1" && !seen[x * n + y];
    let count = 0;
    const stack = [];
    for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
            if (!land(i, j)) continue;
            count++;
            seen[i * n + j] = 1;
            stack.push(i * n + j);
            while (stack.length > 0) {
                const c = stack.pop();
                const a = Math.floor(c / n), b = c % n;
                for (const [x, y] of [[a + 1, b], [a - 1, b], [a, b + 1], [a, b - 1]]) {
                    if (land(x, y)) {
                        seen[x * n + y] = 1;
                        stack.push(x * n + y);
                    }
                }
            }
        }
    }
    return count;
};
