impl Solution {
    /// One pass: remember where each value was seen and look up the
    /// complement of each new one. The complement is computed in i64, as
    /// target - x may leave the i32 range.
    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {
        let mut seen: HashMap<i64, usize> = HashMap::new();
        for (i, &x) in nums.iter().enumerate() {
            if let Some(&j) = seen.get(&(target as i64 - x as i64)) {
                return vec![j as i32, i as i32];
            }
            seen.insert(x as i64, i);
        }
        vec![]
    }
}
