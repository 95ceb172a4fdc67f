impl Solution {
    /// Keeps the lowest price so far; the best profit sells at some later day.
    pub fn max_profit(prices: Vec<i32>) -> i32 {
        let mut low = i32::MAX;
        let mut best = 0;
        for p in prices {
            low = low.min(p);
            best = best.max(p - low);
        }
        best
    }
}
