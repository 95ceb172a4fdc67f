impl Solution {
    /// Binary search for the largest r with r * r <= x; r never exceeds
    /// 3037000499, the square root of the largest i64, so r * r fits.
    pub fn my_sqrt(x: i64) -> i64 {
        let (mut lo, mut hi) = (0i64, x.min(3_037_000_499));
        while lo < hi {
            let mid = lo + (hi - lo + 1) / 2;
            if mid * mid <= x {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        lo
    }
}
