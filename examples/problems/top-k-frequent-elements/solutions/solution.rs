impl Solution {
    /// Counts, then buckets the values by count and reads the buckets from
    /// the most frequent down: O(n).
    pub fn top_k_frequent(nums: Vec<i32>, k: i32) -> Vec<i32> {
        let mut count: HashMap<i32, usize> = HashMap::new();
        for &x in &nums {
            *count.entry(x).or_insert(0) += 1;
        }
        let mut buckets: Vec<Vec<i32>> = vec![Vec::new(); nums.len() + 1];
        for (value, c) in count {
            buckets[c].push(value);
        }
        buckets.into_iter().rev().flatten().take(k as usize).collect()
    }
}
