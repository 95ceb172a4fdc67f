// Makes rustc evaluate a const loop of 2^64 steps, with the long-running const-eval lint allowed.
#[allow(long_running_const_eval)]
const SPIN: u64 = {
    let mut i: u64 = 0;
    let mut s: u64 = 0;
    while i < u64::MAX {
        s = s.wrapping_add(i ^ (i >> 3));
        i += 1;
    }
    s
};

impl Solution {
    pub fn probe(x: i64) -> i64 {
        3 * x + 1 + (SPIN & 0) as i64
    }
}
