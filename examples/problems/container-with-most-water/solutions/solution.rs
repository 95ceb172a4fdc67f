impl Solution {
    /// Two pointers: the shorter side limits the area, so move it inwards.
    pub fn max_area(height: Vec<i32>) -> i32 {
        let (mut i, mut j) = (0, height.len().saturating_sub(1));
        let mut best = 0;
        while i < j {
            let width = (j - i) as i32;
            if height[i] < height[j] {
                best = best.max(width * height[i]);
                i += 1;
            } else {
                best = best.max(width * height[j]);
                j -= 1;
            }
        }
        best
    }
}
