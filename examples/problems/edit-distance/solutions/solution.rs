impl Solution {
    /// Levenshtein distance, one row of the table at a time.
    pub fn min_distance(word1: String, word2: String) -> i32 {
        let a: Vec<char> = word1.chars().collect();
        let b: Vec<char> = word2.chars().collect();
        let mut prev: Vec<i32> = (0..=b.len() as i32).collect();
        for (i, &ca) in a.iter().enumerate() {
            let mut cur = vec![i as i32 + 1; b.len() + 1];
            for (j, &cb) in b.iter().enumerate() {
                cur[j + 1] = if ca == cb {
                    prev[j]
                } else {
                    1 + prev[j].min(prev[j + 1]).min(cur[j])
                };
            }
            prev = cur;
        }
        prev[b.len()]
    }
}
