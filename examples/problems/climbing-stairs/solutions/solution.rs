impl Solution {
    /// The ways to reach step n are Fibonacci numbers: from n-1 or from n-2.
    pub fn climb_stairs(n: i32) -> i64 {
        let (mut a, mut b) = (1i64, 1i64);
        for _ in 0..n {
            let next = a + b;
            a = b;
            b = next;
        }
        a
    }
}
