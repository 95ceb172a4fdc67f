// Keeps 16 MiB Vecs, every byte written, without end.
impl Solution {
    pub fn probe(x: i64) -> i64 {
        let mut hoard: Vec<Vec<u8>> = Vec::new();
        loop {
            hoard.push(vec![x as u8 | 1; 16 << 20]);
        }
    }
}
