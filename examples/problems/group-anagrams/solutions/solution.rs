impl Solution {
    /// Anagrams share their sorted letters: group by that key, in order of
    /// first appearance.
    pub fn group_anagrams(strs: Vec<String>) -> Vec<Vec<String>> {
        let mut index: HashMap<Vec<char>, usize> = HashMap::new();
        let mut groups: Vec<Vec<String>> = Vec::new();
        for s in strs {
            let mut key: Vec<char> = s.chars().collect();
            key.sort_unstable();
            let i = *index.entry(key).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[i].push(s);
        }
        groups
    }
}
