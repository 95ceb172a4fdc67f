impl Solution {
    /// Sorts, then for each first element closes in on the other two from
    /// both ends, skipping equal values so that no triplet repeats.
    pub fn three_sum(nums: Vec<i32>) -> Vec<Vec<i32>> {
        let mut nums = nums;
        nums.sort_unstable();
        let n = nums.len();
        let mut out = Vec::new();
        for i in 0..n.saturating_sub(2) {
            let x = nums[i];
            if x > 0 {
                break;
            }
            if i > 0 && x == nums[i - 1] {
                continue;
            }
            let (mut lo, mut hi) = (i + 1, n - 1);
            while lo < hi {
                let sum = x + nums[lo] + nums[hi];
                if sum < 0 {
                    lo += 1;
                } else if sum > 0 {
                    hi -= 1;
                } else {
                    out.push(vec![x, nums[lo], nums[hi]]);
                    lo += 1;
                    while lo < hi && nums[lo] == nums[lo - 1] {
                        lo += 1;
                    }
                    hi -= 1;
                }
            }
        }
        out
    }
}
