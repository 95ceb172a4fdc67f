impl Solution {
    /// Two pointers: the lower side's water is bounded by its own running
    /// maximum, since the other side has a wall at least as high.
    pub fn trap(height: Vec<i32>) -> i32 {
        let (mut i, mut j) = (0, height.len().saturating_sub(1));
        let (mut left, mut right, mut water) = (0, 0, 0);
        while i < j {
            if height[i] < height[j] {
                left = left.max(height[i]);
                water += left - height[i];
                i += 1;
            } else {
                right = right.max(height[j]);
                water += right - height[j];
                j -= 1;
            }
        }
        water
    }
}
