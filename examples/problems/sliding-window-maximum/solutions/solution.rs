impl Solution {
    /// A deque of indices whose values decrease: its front is the window's
    /// maximum, and smaller values behind a new one can never be.
    pub fn max_sliding_window(nums: Vec<i32>, k: i32) -> Vec<i32> {
        let k = k as usize;
        let mut window: VecDeque<usize> = VecDeque::new();
        let mut out = Vec::with_capacity(nums.len().saturating_sub(k) + 1);
        for (i, &x) in nums.iter().enumerate() {
            while window.back().map_or(false, |&j| nums[j] <= x) {
                window.pop_back();
            }
            window.push_back(i);
            if window[0] + k <= i {
                window.pop_front();
            }
            if i + 1 >= k {
                out.push(nums[window[0]]);
            }
        }
        out
    }
}
