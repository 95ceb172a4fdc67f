impl Solution {
    /// Peels the matrix ring by ring: top row, right column, bottom row
    /// backwards, left column upwards.
    pub fn spiral_order(matrix: Vec<Vec<i32>>) -> Vec<i32> {
        let mut out = Vec::new();
        if matrix.is_empty() || matrix[0].is_empty() {
            return out;
        }
        let (mut top, mut bottom) = (0i32, matrix.len() as i32 - 1);
        let (mut left, mut right) = (0i32, matrix[0].len() as i32 - 1);
        let at = |i: i32, j: i32| matrix[i as usize][j as usize];
        while top <= bottom && left <= right {
            out.extend((left..=right).map(|j| at(top, j)));
            out.extend((top + 1..=bottom).map(|i| at(i, right)));
            if top < bottom && left < right {
                out.extend((left..right).rev().map(|j| at(bottom, j)));
                out.extend((top + 1..bottom).rev().map(|i| at(i, left)));
            }
            top += 1;
            bottom -= 1;
            left += 1;
            right -= 1;
        }
        out
    }
}
