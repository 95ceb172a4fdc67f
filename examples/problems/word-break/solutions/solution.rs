impl Solution {
    /// ok[i]: the first i characters split into words. Only the last few
    /// characters, up to the longest word, can be the final word.
    pub fn word_break(s: String, word_dict: Vec<String>) -> bool {
        let words: HashSet<&str> = word_dict.iter().map(|w| w.as_str()).collect();
        let longest = word_dict.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        // Byte offsets of the character boundaries, so slices stay valid UTF-8.
        let bounds: Vec<usize> = s.char_indices().map(|(b, _)| b).chain(std::iter::once(s.len())).collect();
        let n = bounds.len() - 1;
        let mut ok = vec![false; n + 1];
        ok[0] = true;
        for i in 1..=n {
            ok[i] = (i.saturating_sub(longest)..i).any(|j| ok[j] && words.contains(&s[bounds[j]..bounds[i]]));
        }
        ok[n]
    }
}
