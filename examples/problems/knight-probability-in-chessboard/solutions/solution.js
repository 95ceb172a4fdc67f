/**
 * @param {number} n
 * @param {number} k
 * @param {number} row
 * @param {number} column
 * @return {number}
 */
var knightProbability = function(n, k, row, column) {
    // dp[c]: probability of staying on the board for the remaining moves,
    // starting from cell c = i * n + j.
    const moves = [[1, 2], [2, 1], [-1, 2], [-2, 1], [1, -2], [2, -1], [-1, -2], [-2, -1]];
    const cells = n * n;
    const reach = [];
    for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
            const to = [];
            for (const [di, dj] of moves) {
                const a = i + di, b = j + dj;
                if (a >= 0 && a < n && b >= 0 && b < n) to.push(a * n + b);
            }
            reach.push(to);
        }
    }
    let dp = new Float64Array(cells).fill(1);
    let next = new Float64Array(cells);
    for (let step = 0; step < k; step++) {
        for (let c = 0; c < cells; c++) {
            let sum = 0;
            for (const t of reach[c]) sum += dp[t];
            next[c] = sum / 8;
        }
        [dp, next] = [next, dp];
    }
    return dp[row * n + column];
};
