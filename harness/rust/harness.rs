// The fixed part of the judge's Rust harness.
//
// harness/rust.go puts this text into the module `judge_harness` of the
// generated harness.rs, after the user's code (which sits at the crate root,
// where LeetCode puts it), and adds the glue for the problem's signature:
// `run_test`, which reads one test's arguments, calls the solution through
// `call` and returns its Outcome.
//
// The tests' arguments arrive on stdin as whitespace-separated tokens
// (harness/README.md): first NONCE NTESTS OUTPUT_LIMIT, then each test's
// arguments in parameter order. Every record goes to the original stdout as
// one line, "@@judge:NONCE " and a JSON object. What the solution prints goes
// to fd 1, which points at a capture file while the tests run; each test's
// capture travels inside its record, so it can never pass for one.
//
// Only the standard library is available (no crates). The runtime's rustc is
// Debian trixie's 1.85, but this code keeps to what rustc 1.63 (bookworm's)
// has, so that an organiser may build the image from either suite.

use std::any::Any;
use std::fmt::Write as _;
use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::os::raw::{c_int, c_long};
use std::os::unix::io::{AsRawFd, FromRawFd};
use std::panic::{self, AssertUnwindSafe};
use std::str::SplitAsciiWhitespace;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Instant;

extern "C" {
    fn dup(fd: c_int) -> c_int;
    fn dup2(oldfd: c_int, newfd: c_int) -> c_int;
    fn getrusage(who: c_int, usage: *mut RUsage) -> c_int;
}

/// struct rusage of 64-bit Linux: two struct timevals, then 14 longs of
/// which ru_maxrss (in KiB) is the first.
#[repr(C)]
struct RUsage {
    utime: [c_long; 2],
    stime: [c_long; 2],
    maxrss: c_long,
    rest: [c_long; 13],
}

const RUSAGE_SELF: c_int = 0;

/// The most tree nodes a return value may have: more means a cycle (an Rc
/// pointing back up) or a runaway tree, and serializing stops there.
pub const MAX_NODES: usize = 1 << 20;

/// What became of one test: the return value as JSON and the time the call
/// took, or the error (a panic, or a value that cannot be serialized).
pub type Outcome = Result<Returned, String>;

/// A test's return value, serialized.
pub struct Returned {
    json: String,
    micros: u128,
}

/// The input tokens. Malformed input is the judge's fault, not the
/// solution's, so it panics outside the solution's code: the harness stops
/// with the message on stderr.
pub struct Tokens<'a> {
    it: SplitAsciiWhitespace<'a>,
}

impl<'a> Tokens<'a> {
    fn new(input: &'a str) -> Self {
        Tokens { it: input.split_ascii_whitespace() }
    }

    /// Returns the next token.
    pub fn next(&mut self) -> &'a str {
        self.it.next().expect("judge harness: the input ended early")
    }

    /// Parses the next token as a T.
    pub fn parse<T: std::str::FromStr>(&mut self) -> T {
        let tok = self.next();
        match tok.parse() {
            Ok(v) => v,
            Err(_) => panic!("judge harness: bad token {:?} for {}", tok, std::any::type_name::<T>()),
        }
    }
}

/// A type the harness can build from input tokens.
pub trait FromTokens: Sized {
    fn read(t: &mut Tokens) -> Self;
}

/// A type the harness can return as JSON. Serializing fails for values JSON
/// cannot carry (a NaN) and for trees with a cycle or a node left borrowed.
pub trait ToJson {
    fn write_json(&self, out: &mut String) -> Result<(), String>;

    /// Drops the value. Linked structures override it to take themselves
    /// apart iteratively: the derived, recursive drop of a long list
    /// overflows the stack.
    fn release(self)
    where
        Self: Sized,
    {
    }
}

/// Reads the next argument of type T.
pub fn read<T: FromTokens>(t: &mut Tokens) -> T {
    T::read(t)
}

impl FromTokens for i32 {
    fn read(t: &mut Tokens) -> Self {
        t.parse()
    }
}

impl FromTokens for i64 {
    fn read(t: &mut Tokens) -> Self {
        t.parse()
    }
}

impl FromTokens for f64 {
    fn read(t: &mut Tokens) -> Self {
        t.parse()
    }
}

impl FromTokens for bool {
    fn read(t: &mut Tokens) -> Self {
        match t.next() {
            "1" => true,
            "0" => false,
            tok => panic!("judge harness: bad bool token {:?}", tok),
        }
    }
}

impl FromTokens for String {
    /// A byte length, then the bytes in hex unless the length is 0.
    fn read(t: &mut Tokens) -> Self {
        let n: usize = t.parse();
        if n == 0 {
            return String::new();
        }
        let hex = t.next().as_bytes();
        assert!(hex.len() == 2 * n, "judge harness: string of {} bytes with {} hex digits", n, hex.len());
        let digit = |c: u8| match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            _ => panic!("judge harness: bad hex digit {:?}", c as char),
        };
        let bytes: Vec<u8> = hex.chunks(2).map(|p| digit(p[0]) << 4 | digit(p[1])).collect();
        String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

impl<T: FromTokens> FromTokens for Vec<T> {
    /// A length, then the elements.
    fn read(t: &mut Tokens) -> Self {
        let n: usize = t.parse();
        (0..n).map(|_| T::read(t)).collect()
    }
}

impl ToJson for i32 {
    fn write_json(&self, out: &mut String) -> Result<(), String> {
        write!(out, "{}", self).unwrap();
        Ok(())
    }
}

impl ToJson for i64 {
    fn write_json(&self, out: &mut String) -> Result<(), String> {
        write!(out, "{}", self).unwrap();
        Ok(())
    }
}

impl ToJson for f64 {
    /// Rust prints the shortest decimal that reads back as the same double.
    /// Display never uses an exponent (1e300 would be 301 digits) and
    /// LowerExp always does (0.5 would be 5e-1), so each takes the range
    /// where it reads best; both are valid JSON.
    fn write_json(&self, out: &mut String) -> Result<(), String> {
        let x = *self;
        if !x.is_finite() {
            return Err(format!("{} is not a finite double and has no JSON form", x));
        }
        let a = x.abs();
        if a == 0.0 || (1e-5..1e16).contains(&a) {
            write!(out, "{}", x).unwrap();
        } else {
            write!(out, "{:e}", x).unwrap();
        }
        Ok(())
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) -> Result<(), String> {
        out.push_str(if *self { "true" } else { "false" });
        Ok(())
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) -> Result<(), String> {
        write_json_str(out, self);
        Ok(())
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) -> Result<(), String> {
        out.push('[');
        for (i, e) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            e.write_json(out)?;
        }
        out.push(']');
        Ok(())
    }

    fn release(self) {
        for e in self {
            e.release();
        }
    }
}

/// Writes s as a JSON string: quotes, backslashes and control characters
/// escaped, everything else as UTF-8.
pub fn write_json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => write!(out, "\\u{:04x}", c as u32).unwrap(),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Set while the solution runs on the main thread: its panics are the test's
/// error; the harness's own panics are bugs and go to stderr as usual.
static IN_SOLUTION: AtomicBool = AtomicBool::new(false);
/// The message of the solution's last panic, taken by `call`.
static PANIC_MESSAGE: Mutex<Option<String>> = Mutex::new(None);

/// The name of the thread the tests run on.
const MAIN_THREAD: &str = "main";

/// Installs a panic hook that keeps the solution's panic messages for the
/// error record instead of printing them.
fn install_panic_hook() {
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        // A panic on a thread the solution spawned is that thread's
        // business, reported as usual; it reaches the test if joined.
        let on_main = std::thread::current().name() == Some(MAIN_THREAD);
        if !on_main || !IN_SOLUTION.load(Ordering::Relaxed) {
            default(info);
            return;
        }
        let mut msg = String::from("panicked");
        if let Some(loc) = info.location() {
            write!(msg, " at {}:{}:{}", loc.file(), loc.line(), loc.column()).unwrap();
        }
        msg.push_str(":\n");
        msg.push_str(&payload_text(info.payload()));
        *PANIC_MESSAGE.lock().unwrap_or_else(|e| e.into_inner()) = Some(msg);
    }));
}

/// The text of a panic's payload: the message of panic!("...") and of the
/// standard library's panics, which are a &str or a String.
fn payload_text(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "Box<dyn Any>".to_string()
    }
}

/// Calls the solution through f, timing it and catching its panic, then
/// serializes what it returned.
pub fn call<R: ToJson>(f: impl FnOnce() -> R) -> Outcome {
    IN_SOLUTION.store(true, Ordering::Relaxed);
    let start = Instant::now();
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    let micros = start.elapsed().as_micros();
    IN_SOLUTION.store(false, Ordering::Relaxed);
    match result {
        Ok(value) => {
            let mut json = String::new();
            let written = value.write_json(&mut json);
            value.release();
            match written {
                Ok(()) => Ok(Returned { json, micros }),
                Err(e) => Err(format!("cannot serialize the return value: {}", e)),
            }
        }
        Err(payload) => {
            let msg = PANIC_MESSAGE
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .take()
                .unwrap_or_else(|| format!("panicked:\n{}", payload_text(&*payload)));
            // A payload of the solution's own type may panic on drop.
            let _ = panic::catch_unwind(AssertUnwindSafe(move || drop(payload)));
            Err(msg)
        }
    }
}

/// The harness's ends of stdout: the original one for records, and the
/// capture file that fd 1 points at for the solution's output.
struct Output {
    records: File,
    capture: File,
    marker: String,
    limit: usize,
}

impl Output {
    /// Moves fd 1 to a fresh capture file and fd 0 to /dev/null, keeping a
    /// duplicate of the original stdout for records.
    fn new(nonce: &str, limit: usize) -> io::Result<Self> {
        io::stdout().flush()?;
        // The working directory is the run's own fresh directory.
        let path = format!("judge-stdout-{}", std::process::id());
        let capture = OpenOptions::new().read(true).write(true).create_new(true).open(&path)?;
        std::fs::remove_file(&path)?;
        let null = File::open("/dev/null")?;
        // SAFETY: plain descriptor calls on descriptors this process owns;
        // from_raw_fd takes the fresh duplicate that dup returned.
        let records = unsafe {
            let fd = dup(1);
            if fd < 0 || dup2(capture.as_raw_fd(), 1) < 0 || dup2(null.as_raw_fd(), 0) < 0 {
                return Err(io::Error::last_os_error());
            }
            File::from_raw_fd(fd)
        };
        Ok(Output { records, capture, marker: format!("@@judge:{} ", nonce), limit })
    }

    /// Writes one record, a JSON object, as one line.
    fn emit(&mut self, json: &str) {
        let line = format!("{}{}\n", self.marker, json);
        if let Err(e) = self.records.write_all(line.as_bytes()) {
            eprintln!("judge harness: write record: {}", e);
            std::process::exit(2);
        }
    }

    /// Returns and clears what the solution printed since the last call, cut
    /// to the output limit.
    fn take(&mut self) -> String {
        let _ = io::stdout().flush();
        // One byte more than the limit tells whether there was more.
        let mut buf = vec![0u8; self.limit + 1];
        let mut n = 0;
        let mut read = self.capture.seek(SeekFrom::Start(0)).map(|_| ());
        while read.is_ok() && n < buf.len() {
            match self.capture.read(&mut buf[n..]) {
                Ok(0) => break,
                Ok(k) => n += k,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => read = Err(e),
            }
        }
        let read = read.and_then(|_| self.capture.set_len(0)).and_then(|_| self.capture.seek(SeekFrom::Start(0)));
        if let Err(e) = read {
            return format!("[the judge could not read the output: {}]", e);
        }
        let truncated = n > self.limit;
        buf.truncate(n.min(self.limit));
        let mut text = String::from_utf8_lossy(&buf).into_owned();
        if truncated {
            text.push_str("\n[output truncated]");
        }
        text
    }
}

/// The peak resident set size of the harness, in KiB: VmHWM of
/// /proc/self/status, which starts afresh at exec. getrusage's ru_maxrss, the
/// fallback without /proc, keeps the peak of the process before its exec (the
/// container runtime's init, say), which can dwarf the harness's own.
fn max_rss_kb() -> i64 {
    let hwm = std::fs::read_to_string("/proc/self/status").ok().and_then(|status| {
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line["VmHWM:".len()..].trim().trim_end_matches("kB").trim().parse().ok()
    });
    if let Some(kb) = hwm {
        return kb;
    }
    let mut u = RUsage { utime: [0; 2], stime: [0; 2], maxrss: 0, rest: [0; 13] };
    // SAFETY: getrusage fills the struct rusage that RUsage lays out.
    if unsafe { getrusage(RUSAGE_SELF, &mut u) } != 0 {
        return 0;
    }
    u.maxrss as i64
}

/// Runs every test and writes the records.
pub fn main() {
    let mut input = String::new();
    io::stdin().read_to_string(&mut input).expect("judge harness: read the tests from stdin");
    let mut tokens = Tokens::new(&input);
    let nonce = tokens.next();
    let ntests: usize = tokens.parse();
    let limit: usize = tokens.parse();
    let mut out = Output::new(nonce, limit).expect("judge harness: redirect stdout");
    out.emit(r#"{"k":"start"}"#);
    install_panic_hook();
    // The solution is compiled in: it is loaded, and the first test starts.
    out.emit(r#"{"k":"ready"}"#);
    for i in 0..ntests {
        let outcome = run_test(&mut tokens);
        let printed = out.take();
        let mut rec = String::new();
        match outcome {
            Ok(r) => {
                write!(rec, r#"{{"k":"result","i":{},"v":{},"us":{},"out":"#, i, r.json, r.micros).unwrap();
            }
            Err(e) => {
                write!(rec, r#"{{"k":"error","i":{},"err":"#, i).unwrap();
                write_json_str(&mut rec, &e);
                rec.push_str(r#","out":"#);
            }
        }
        write_json_str(&mut rec, &printed);
        rec.push('}');
        out.emit(&rec);
    }
    out.emit(&format!(r#"{{"k":"done","rss":{}}}"#, max_rss_kb()));
}
