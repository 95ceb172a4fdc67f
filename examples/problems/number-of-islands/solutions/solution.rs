impl Solution {
    /// Counts the flood fills needed to cover every land cell.
    pub fn num_islands(grid: Vec<Vec<String>>) -> i32 {
        let m = grid.len();
        let n = grid.first().map_or(0, |r| r.len());
        let mut land: Vec<Vec<bool>> = grid.iter().map(|r| r.iter().map(|c| c == "1").collect()).collect();
        let mut count = 0;
        for i in 0..m {
            for j in 0..n {
                if !land[i][j] {
                    continue;
                }
                count += 1;
                land[i][j] = false;
                let mut stack = vec![(i, j)];
                while let Some((a, b)) = stack.pop() {
                    let around = [(a + 1, b), (a.wrapping_sub(1), b), (a, b + 1), (a, b.wrapping_sub(1))];
                    for (x, y) in around {
                        if x < m && y < n && land[x][y] {
                            land[x][y] = false;
                            stack.push((x, y));
                        }
                    }
                }
            }
        }
        count
    }
}
