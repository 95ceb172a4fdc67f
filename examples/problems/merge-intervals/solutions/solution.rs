impl Solution {
    /// Sorted by start, an interval overlaps the last merged one or starts a
    /// new one.
    pub fn merge(intervals: Vec<Vec<i32>>) -> Vec<Vec<i32>> {
        let mut intervals = intervals;
        intervals.sort_unstable();
        let mut out: Vec<Vec<i32>> = Vec::new();
        for iv in intervals {
            match out.last_mut() {
                Some(last) if iv[0] <= last[1] => last[1] = last[1].max(iv[1]),
                _ => out.push(iv),
            }
        }
        out
    }
}
