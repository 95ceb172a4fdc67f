function knightProbability(n: number, k: number, row: number, column: number): number {
    // dp[c]: the probability of staying on the board for the remaining
    // moves, starting from cell c = i * n + j.
    const moves = [[1, 2], [2, 1], [-1, 2], [-2, 1], [1, -2], [2, -1], [-1, -2], [-2, -1]];
    const reach: number[][] = [];
    for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
            const cells: number[] = [];
            for (const [di, dj] of moves) {
                const a = i + di, b = j + dj;
                if (a >= 0 && a < n && b >= 0 && b < n) {
                    cells.push(a * n + b);
                }
            }
            reach.push(cells);
        }
    }
    let dp = new Float64Array(n * n).fill(1);
    let next = new Float64Array(n * n);
    for (let step = 0; step < k; step++) {
        for (let c = 0; c < n * n; c++) {
            let sum = 0;
            for (const d of reach[c]) {
                sum += dp[d];
            }
            next[c] = sum / 8;
        }
        [dp, next] = [next, dp];
    }
    return dp[row * n + column];
};
