impl Solution {
    /// Expands around every centre. A run of equal characters is the centre
    /// of any palindrome through it, so each run is expanded once, whole.
    pub fn longest_palindrome(s: String) -> String {
        let c: Vec<char> = s.chars().collect();
        let n = c.len();
        let (mut lo, mut hi) = (0, n.min(1));
        let mut start = 0;
        while start < n {
            let mut end = start;
            while end + 1 < n && c[end + 1] == c[start] {
                end += 1;
            }
            // The palindrome is c[i+1..j]: widen while both ends match.
            let (mut i, mut j) = (start as isize - 1, end + 1);
            while i >= 0 && j < n && c[i as usize] == c[j] {
                i -= 1;
                j += 1;
            }
            let from = (i + 1) as usize;
            if j - from > hi - lo {
                lo = from;
                hi = j;
            }
            start = end + 1;
        }
        c[lo..hi].iter().collect()
    }
}
