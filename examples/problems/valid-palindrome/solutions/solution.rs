impl Solution {
    /// Compares the alphanumeric characters, lower-cased, from both ends.
    pub fn is_palindrome(s: String) -> bool {
        let t: Vec<char> = s
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(|c| c.to_lowercase())
            .collect();
        t.iter().eq(t.iter().rev())
    }
}
