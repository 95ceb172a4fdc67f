impl Solution {
    /// Exponentiation by squaring; a negative power inverts x first.
    pub fn my_pow(x: f64, n: i32) -> f64 {
        let (mut base, mut e) = if n < 0 { (1.0 / x, -(n as i64)) } else { (x, n as i64) };
        let mut result = 1.0;
        while e > 0 {
            if e & 1 == 1 {
                result *= base;
            }
            base *= base;
            e >>= 1;
        }
        result
    }
}
