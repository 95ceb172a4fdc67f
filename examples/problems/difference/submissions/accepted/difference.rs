use std::io::{self, BufWriter, Read, Write};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut out = BufWriter::new(io::stdout().lock());
    let nums: Vec<i64> = input.split_ascii_whitespace().map(|t| t.parse().unwrap()).collect();
    for pair in nums.chunks(2) {
        writeln!(out, "{}", (pair[0] - pair[1]).abs()).unwrap();
    }
}
