//go:build linux

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"syscall"
)

// ioFlag runs judge-init as the harness of an io-mode problem (stdin and
// stdout, as in ICPC): it runs the user's program once per test, with the
// test's input on its standard input, and reports what it wrote as the test's
// value. It runs as the run's user, after the sandbox has dropped every
// privilege: it is a harness like any other, and only reports.
//
//	judge-init io -- command [args...]
//
// Its standard input is one JSON line, as for the languages' harnesses (see
// package harness): {"nonce", "tests": [[INPUT], ...], "output_limit"},
// where each INPUT is a JSON string. Its records go to its standard output
// behind the nonce's marker; the program's standard output goes to a pipe of
// its own, so nothing it writes can be taken for a record.
const ioFlag = "io"

// ioInput is the part of harness.Input that io mode reads.
type ioInput struct {
	Nonce       string              `json:"nonce"`
	Tests       [][]json.RawMessage `json:"tests"`
	OutputLimit int                 `json:"output_limit"`
}

// ioRecord is a harness record (see harness.Record).
type ioRecord struct {
	Kind   string `json:"k"`
	Test   *int   `json:"i,omitempty"`
	Value  any    `json:"v,omitempty"`
	Micros int64  `json:"us,omitempty"`
	Error  string `json:"err,omitempty"`
	// MaxRSSKB is, on done, the largest peak resident memory of a test's
	// program.
	MaxRSSKB int64 `json:"rss,omitempty"`
}

// outputLimitMessage starts the error of a test whose program wrote more
// than the output limit, as harness.OutputLimitMessage.
const outputLimitMessage = "output limit exceeded"

// stderrKeep is how much of a failing program's stderr its error keeps.
const stderrKeep = 4 << 10

func ioMain(args []string) int {
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "judge-init io: no command")
		return 97
	}
	line, err := bufio.NewReaderSize(os.Stdin, 1<<20).ReadBytes('\n')
	if err != nil && !(errors.Is(err, io.EOF) && len(line) > 0) {
		fmt.Fprintf(os.Stderr, "judge-init io: read tests: %v\n", err)
		return 97
	}
	var in ioInput
	if err := json.Unmarshal(line, &in); err != nil || in.Nonce == "" {
		fmt.Fprintln(os.Stderr, "judge-init io: malformed input")
		return 97
	}
	if in.OutputLimit <= 0 {
		in.OutputLimit = 1 << 20
	}
	out := bufio.NewWriter(os.Stdout)
	emit := func(r ioRecord) {
		b, _ := json.Marshal(r)
		fmt.Fprintf(out, "@@judge:%s %s\n", in.Nonce, b)
		out.Flush()
	}
	emit(ioRecord{Kind: "start"})
	emit(ioRecord{Kind: "ready"})
	var maxRSS int64
	for i, t := range in.Tests {
		var input string
		if len(t) != 1 || json.Unmarshal(t[0], &input) != nil {
			fmt.Fprintf(os.Stderr, "judge-init io: test %d: want one string\n", i)
			return 97
		}
		i := i
		value, micros, rss, msg := runTest(args, input, in.OutputLimit)
		maxRSS = max(maxRSS, rss)
		if msg != "" {
			emit(ioRecord{Kind: "error", Test: &i, Error: msg})
			continue
		}
		emit(ioRecord{Kind: "result", Test: &i, Value: value, Micros: micros})
	}
	emit(ioRecord{Kind: "done", MaxRSSKB: maxRSS})
	return 0
}

// runTest runs the program on input. It returns what the program wrote, its
// CPU time in µs and its peak memory in KiB, or why the test failed: a
// non-zero exit, a signal, too much output, or a program that cannot start.
func runTest(argv []string, input string, limit int) (out string, micros, rssKB int64, why string) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdin = strings.NewReader(input)
	var stderr tail
	stderr.keep = stderrKeep
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return "", 0, 0, "cannot run the program: " + err.Error()
	}
	// Its own process group, so that what it forks goes with it; and it
	// dies with this process. In the sandbox judge-init kills everything
	// anyway, but a run on the host (problem validate --local, tests) has
	// only this to stop a program whose harness was killed.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return "", 0, 0, "cannot run the program: " + err.Error()
	}
	var buf bytes.Buffer
	n, _ := io.Copy(&buf, io.LimitReader(stdout, int64(limit)+1))
	over := n > int64(limit)
	if over {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	io.Copy(io.Discard, stdout)
	err = cmd.Wait()
	// Whatever the program left running must not meet the next test.
	syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	if over {
		return "", 0, 0, fmt.Sprintf("%s: the program wrote more than %d bytes", outputLimitMessage, limit)
	}
	st := cmd.ProcessState
	micros = (st.UserTime() + st.SystemTime()).Microseconds()
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		rssKB = ru.Maxrss
	}
	if err != nil {
		how := err.Error()
		if ws, ok := st.Sys().(syscall.WaitStatus); ok {
			switch {
			case ws.Signaled():
				how = fmt.Sprintf("the program was killed by signal %d (%v)", ws.Signal(), ws.Signal())
			case ws.Exited():
				how = fmt.Sprintf("the program exited with status %d", ws.ExitStatus())
			}
		}
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			how = msg + "\n" + how
		}
		return "", micros, rssKB, how
	}
	return buf.String(), micros, rssKB, ""
}

// tail keeps the last keep bytes written to it.
type tail struct {
	keep int
	buf  []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.buf = append(t.buf, p...)
	if len(t.buf) > 2*t.keep {
		t.buf = append(t.buf[:0], t.buf[len(t.buf)-t.keep:]...)
	}
	return len(p), nil
}

func (t *tail) String() string {
	if len(t.buf) > t.keep {
		return "..." + string(t.buf[len(t.buf)-t.keep:])
	}
	return string(t.buf)
}
