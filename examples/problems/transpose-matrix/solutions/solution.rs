impl Solution {
    /// Row i of the transpose is column i of the matrix.
    pub fn transpose(matrix: Vec<Vec<i32>>) -> Vec<Vec<i32>> {
        let cols = matrix.first().map_or(0, |r| r.len());
        (0..cols).map(|j| matrix.iter().map(|row| row[j]).collect()).collect()
    }
}
