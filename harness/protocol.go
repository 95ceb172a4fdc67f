// Package harness holds the per-language harness sources, generates code stubs
// from a problem's signature, and defines the protocol between a harness
// running inside the sandbox and the daemon.
//
// The run script (see package runtimes) writes the user's code and the
// harness to files, compiles them if the language is compiled, and starts the
// harness. The daemon writes the arguments of every test to the harness's
// standard input, as JSON or as tokens (see NewRun), but never the expected
// values. The harness loads the code, calls the function once per test, and
// writes one Record per event to its standard output, each on its own line
// behind a marker that carries a per-run nonce. The user's own writes to
// standard output are captured per test and travel inside the record, so they
// can never be taken for a record. A harness only reports values; the daemon
// checks them, so a submission that forges records gains nothing.
package harness

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/judgehq/judge/problems"
)

// Input is what a FormatJSON harness reads from standard input, as one line.
type Input struct {
	// Nonce marks this run's records.
	Nonce string `json:"nonce"`
	// Function is the function's name in the language's convention.
	Function string `json:"function"`
	// Params are the parameter types in order, as type names.
	Params []string `json:"params"`
	// Returns is the return type name.
	Returns string `json:"returns"`
	// Tests holds each test's arguments, in parameter order.
	Tests [][]json.RawMessage `json:"tests"`
	// OutputLimit caps the captured standard output per test, in bytes.
	OutputLimit int `json:"output_limit"`
}

// DefaultOutputLimit caps what a test's captured stdout keeps.
const DefaultOutputLimit = 64 << 10

// Run is one harness run's standard input and the nonce its records carry.
type Run struct {
	Nonce string
	Stdin []byte
}

// NewRun builds the standard input of a harness in lang running tests of a
// problem with signature sig. Expected values are never part of it.
func NewRun(lang *Lang, sig problems.Signature, tests []problems.Test) Run {
	nonce := newNonce()
	if lang.Format == FormatTokens {
		var b strings.Builder
		fmt.Fprintf(&b, "%s %d %d\n", nonce, len(tests), DefaultOutputLimit)
		for _, t := range tests {
			for i, p := range sig.Params {
				if i > 0 {
					b.WriteByte(' ')
				}
				EncodeTokens(&b, p.Type, t.Args[i])
			}
			b.WriteByte('\n')
		}
		return Run{Nonce: nonce, Stdin: []byte(b.String())}
	}
	in := Input{
		Nonce:       nonce,
		Function:    lang.Function(sig.Function),
		Returns:     sig.Returns.String(),
		OutputLimit: DefaultOutputLimit,
	}
	for _, p := range sig.Params {
		in.Params = append(in.Params, p.Type.String())
	}
	for _, t := range tests {
		args := make([]json.RawMessage, len(t.Args))
		for i, a := range t.Args {
			args[i] = problems.Encode(a)
		}
		in.Tests = append(in.Tests, args)
	}
	return Run{Nonce: nonce, Stdin: marshalLine(in)}
}

// marshalLine encodes v as one JSON line, leaving <, > and & as they are.
func marshalLine(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // only strings and raw JSON values
	}
	return buf.Bytes()
}

// EncodeTokens writes canonical value v of type t in the token format:
//
//	int, long   decimal: -12
//	double      shortest decimal or exponent form: 2.5, 1e-09
//	bool        1 or 0
//	string      byte length, then the UTF-8 bytes in lower-case hex if any:
//	            "hi" is 2 6869, "" is 0
//	T[]         length, then the elements: [[1],[]] as int[][] is 2 1 1 0
//	ListNode    length, then the values
//	TreeNode    length, then the level-order entries, ints or null
//
// Tokens are separated by single spaces.
func EncodeTokens(b *strings.Builder, t problems.Type, v any) {
	switch t.Kind {
	case problems.Int, problems.Long:
		b.WriteString(strconv.FormatInt(v.(int64), 10))
	case problems.Double:
		b.WriteString(strconv.FormatFloat(v.(float64), 'g', -1, 64))
	case problems.Bool:
		if v.(bool) {
			b.WriteByte('1')
		} else {
			b.WriteByte('0')
		}
	case problems.String:
		s := v.(string)
		b.WriteString(strconv.Itoa(len(s)))
		if len(s) > 0 {
			b.WriteByte(' ')
			b.WriteString(hex.EncodeToString([]byte(s)))
		}
	case problems.Array, problems.ListNode, problems.TreeNode:
		a := v.([]any)
		b.WriteString(strconv.Itoa(len(a)))
		elem := problems.Type{Kind: problems.Int}
		if t.Kind == problems.Array {
			elem = *t.Elem
		}
		for _, e := range a {
			b.WriteByte(' ')
			if e == nil {
				b.WriteString("null")
				continue
			}
			EncodeTokens(b, elem, e)
		}
	default:
		panic(fmt.Sprintf("EncodeTokens: type %v", t))
	}
}

func newNonce() string {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

// Record kinds.
const (
	// KindStart: the harness runs and has read its input; it comes before
	// any user code is loaded, so a run without it is the judge's fault.
	KindStart = "start"
	// KindCompiled: the code compiled (written by the run script of a
	// compiled language). From here on, the user's code may run.
	KindCompiled = "compiled"
	// KindReady: the code is loaded and the first test starts.
	KindReady = "ready"
	// KindResult: a test returned; Value holds the return value.
	KindResult = "result"
	// KindError: a test raised or crashed; Error says how.
	KindError = "error"
	// KindCompile: the code does not compile or lacks the function. Error
	// holds the message; or, from a run script, Status holds the compiler's
	// exit status and the message is on standard error.
	KindCompile = "compile"
	// KindDone: every test ran.
	KindDone = "done"
	// KindLimit: the sandbox's init process killed the run for passing a
	// limit that it enforces itself; Error names it ("memory" or "files").
	KindLimit = "limit"
	// KindUsage: the sandbox's init process reports, last, what the whole
	// run used: peak memory, CPU time and the command's exit status.
	KindUsage = "usage"
	// KindCheck: a custom checker judged case Test; Error says why it
	// rejected the answer, empty when it accepted it.
	KindCheck = "check"
)

// Record is one line of harness output.
type Record struct {
	Kind string `json:"k"`
	// Test is the index of the test the record is about.
	Test int `json:"i"`
	// Value is the serialized return value of a result.
	Value json.RawMessage `json:"v,omitempty"`
	// Micros is the time the call took.
	Micros int64 `json:"us,omitempty"`
	// Stdout is what the user's code printed during the test.
	Stdout string `json:"out,omitempty"`
	// Error is the error message or trace.
	Error string `json:"err,omitempty"`
	// MaxRSSKB is the harness's peak resident set size, on done; on limit
	// and usage the peak of all the run's processes together.
	MaxRSSKB int64 `json:"rss,omitempty"`
	// CPUMillis is the CPU time of all the run's processes, on usage.
	CPUMillis int64 `json:"cpu,omitempty"`
	// Status is the compiler's exit status on a failed compile, the run's
	// on usage.
	Status int `json:"status,omitempty"`
}

// Marker returns the prefix of every record line of the run with nonce.
func Marker(nonce string) string { return "@@judge:" + nonce + " " }

// Reader reads a harness's output stream and yields the records of one run,
// skipping lines that do not carry the run's marker.
type Reader struct {
	sc     *bufio.Scanner
	marker []byte
}

// NewReader returns a Reader of records with nonce from r. A line longer than
// maxLine bytes ends the stream with an error.
func NewReader(r io.Reader, nonce string, maxLine int) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, min(64<<10, maxLine)), maxLine)
	return &Reader{sc: sc, marker: []byte(Marker(nonce))}
}

// Next returns the next record, or io.EOF at the end of the stream.
func (r *Reader) Next() (Record, error) {
	for r.sc.Scan() {
		line := r.sc.Bytes()
		rest, ok := bytes.CutPrefix(line, r.marker)
		if !ok {
			continue
		}
		var rec Record
		if err := json.Unmarshal(rest, &rec); err != nil {
			return Record{}, fmt.Errorf("malformed record: %w", err)
		}
		return rec, nil
	}
	if err := r.sc.Err(); err != nil {
		return Record{}, err
	}
	return Record{}, io.EOF
}
