// Sleeps forever inside the test.
impl Solution {
    pub fn probe(x: i64) -> i64 {
        loop {
            std::thread::sleep(std::time::Duration::from_secs(3600 + x as u64 % 2));
        }
    }
}
