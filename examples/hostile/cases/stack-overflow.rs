// Recurses without end, each frame holding a 4 KiB buffer, until the stack gives out.
fn dive(depth: i64) -> i64 {
    let frame = [depth as u8; 4096];
    let frame = std::hint::black_box(frame);
    dive(depth + 1) + frame[(depth as usize * 7) % 4096] as i64
}

impl Solution {
    pub fn probe(x: i64) -> i64 {
        dive(x)
    }
}
