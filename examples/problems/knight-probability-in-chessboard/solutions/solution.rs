impl Solution {
    /// dp[c] is the probability of staying on the board for the remaining
    /// moves from cell c; each move averages over the eight jumps.
    pub fn knight_probability(n: i32, k: i32, row: i32, column: i32) -> f64 {
        const MOVES: [(i32, i32); 8] = [(1, 2), (2, 1), (-1, 2), (-2, 1), (1, -2), (2, -1), (-1, -2), (-2, -1)];
        let cell = |i: i32, j: i32| (i * n + j) as usize;
        let mut reach = Vec::with_capacity((n * n) as usize);
        for i in 0..n {
            for j in 0..n {
                let cells: Vec<usize> = MOVES
                    .iter()
                    .map(|&(di, dj)| (i + di, j + dj))
                    .filter(|&(a, b)| 0 <= a && a < n && 0 <= b && b < n)
                    .map(|(a, b)| cell(a, b))
                    .collect();
                reach.push(cells);
            }
        }
        let mut dp = vec![1.0f64; (n * n) as usize];
        for _ in 0..k {
            dp = reach.iter().map(|cells| cells.iter().map(|&c| dp[c]).sum::<f64>() / 8.0).collect();
        }
        dp[cell(row, column)]
    }
}
