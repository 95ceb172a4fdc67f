impl Solution {
    /// Kadane: the best sum ending here either extends the previous one or
    /// starts afresh.
    pub fn max_sub_array(nums: Vec<i32>) -> i32 {
        let mut cur = nums[0];
        let mut best = cur;
        for &x in &nums[1..] {
            cur = x.max(cur + x);
            best = best.max(cur);
        }
        best
    }
}
