use std::io::{self, BufWriter, Read, Write};

fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).unwrap();
    let mut tokens = input.split_ascii_whitespace();
    let mut out = BufWriter::new(io::stdout().lock());
    // Solve the problem: read the input with tokens.next(), write the
    // answer with writeln!(out, ...).
    let _ = (&mut tokens, &mut out);
    out.flush().unwrap();
}
