// Package harness holds the per-language harness sources, generates code stubs
// from a problem's signature, and defines the protocol between a harness
// running inside the sandbox and the daemon.
//
// The daemon writes one Input, a single JSON line, to the harness's standard
// input: the user's code, the signature and the arguments of every test, but
// never the expected values. The harness loads the code, calls the function once
// per test, and writes one Record per event to its standard output, each on its
// own line behind a marker that carries a per-run nonce. The user's own writes to
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

	"github.com/judgehq/judge/problems"
)

// Input is what the harness reads from standard input.
type Input struct {
	// Nonce marks this run's records.
	Nonce string `json:"nonce"`
	// Function is the function's name in the language's convention.
	Function string `json:"function"`
	// Params are the parameter types in order, as type names.
	Params []string `json:"params"`
	// Returns is the return type name.
	Returns string `json:"returns"`
	// Code is the user's source.
	Code string `json:"code"`
	// Tests holds each test's arguments, in parameter order.
	Tests [][]json.RawMessage `json:"tests"`
	// OutputLimit caps the captured standard output per test, in bytes.
	OutputLimit int `json:"output_limit"`
}

// NewInput builds the input for running code against tests.
func NewInput(sig problems.Signature, function, code string, tests []problems.Test) Input {
	in := Input{
		Nonce:       newNonce(),
		Function:    function,
		Returns:     sig.Returns.String(),
		Code:        code,
		OutputLimit: 64 << 10,
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
	return in
}

// Marshal encodes the input as the single line the harness reads.
func (in Input) Marshal() []byte {
	b, err := json.Marshal(in)
	if err != nil {
		panic(err) // only strings and raw JSON values
	}
	return append(b, '\n')
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
	// KindReady: the code is loaded and the first test starts.
	KindReady = "ready"
	// KindResult: a test returned; Value holds the return value.
	KindResult = "result"
	// KindError: a test raised or crashed; Error says how.
	KindError = "error"
	// KindCompile: the code does not compile or lacks the function.
	KindCompile = "compile"
	// KindDone: every test ran.
	KindDone = "done"
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
	// MaxRSSKB is the harness's peak resident set size, on done.
	MaxRSSKB int64 `json:"rss,omitempty"`
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
