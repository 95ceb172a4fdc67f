package judge

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/judgehq/judge/harness"
	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/problems"
	"github.com/judgehq/judge/runtimes"
)

// Sandbox runs one program in a fresh, isolated environment.
type Sandbox interface {
	// Run runs req to its end, streaming its standard output to req.Stdout.
	// When ctx is cancelled the program is killed and the result says so.
	// An error means the sandbox itself failed (the judge's fault), never
	// that the program misbehaved.
	Run(ctx context.Context, req runtimes.RunRequest) (*runtimes.RunResult, error)
}

// Grader runs a submission's code against a problem's tests in a Sandbox and
// decides the verdict from the harness's records.
type Grader struct {
	Sandbox  Sandbox
	Runtimes runtimes.Set
	// Grace is added to a problem's time limit before a test is stopped.
	Grace time.Duration
	// StartTimeout bounds the time from starting the sandbox to the harness
	// being ready to run the first test.
	StartTimeout time.Duration
}

// GradeRequest is one piece of code to grade.
type GradeRequest struct {
	Problem  *problems.Problem
	Language string
	Code     string
	// Tests are the tests to run, in order.
	Tests []problems.Test
	// AllTests runs every test and reports each (run mode); otherwise
	// grading stops at the first failure.
	AllTests bool
	// Progress, if set, is told as each test finishes.
	Progress func(done, total int)
}

// ErrUnknownLanguage is returned for a language without a runtime.
var ErrUnknownLanguage = errors.New("unknown language")

const maxMessage = 4000

// Grade judges req. An error means the judge failed and the grading should be
// retried; everything the code does is expressed in the result's verdict.
func (g *Grader) Grade(ctx context.Context, req GradeRequest) (*api.Result, error) {
	rt, ok := g.Runtimes[req.Language]
	if !ok {
		return nil, fmt.Errorf("%w %q", ErrUnknownLanguage, req.Language)
	}
	hl, ok := harness.Get(req.Language)
	if !ok {
		return nil, fmt.Errorf("%w %q", ErrUnknownLanguage, req.Language)
	}
	p := req.Problem
	var harnessSrc, code string
	var run harness.Run
	if p.Mode == problems.ModeIO {
		// The code is a whole program; judge-init runs it once per test.
		if rt, ok = rt.ForIO(); !ok {
			return nil, fmt.Errorf("%w %q for stdin/stdout problems", ErrUnknownLanguage, req.Language)
		}
		run = harness.NewIORun(req.Tests)
		code = hl.IOPrelude() + req.Code
	} else {
		var err error
		if harnessSrc, err = hl.Harness(p.Signature); err != nil {
			return nil, fmt.Errorf("harness for %s: %w", req.Language, err)
		}
		run = harness.NewRun(hl, p.Signature, req.Tests)
		code = hl.Prelude + req.Code
	}
	cmd := rt.Script(code, harnessSrc, harness.Marker(run.Nonce), p.Limits.MemoryMB)

	grace := g.Grace
	if grace == 0 {
		grace = 500 * time.Millisecond
	}
	startTimeout := g.StartTimeout
	if startTimeout == 0 {
		startTimeout = 15 * time.Second
	}
	compiles := len(rt.Compile) > 0
	if compiles {
		startTimeout += rt.CompileTimeout()
	}
	perTest := p.Limits.Time + grace
	limits := runtimes.DefaultLimits()
	if p.Mode == problems.ModeIO {
		// Every test starts the program afresh (a JVM, an interpreter),
		// and its limit is CPU time: the wall clock gets twice as long.
		perTest = 2*p.Limits.Time + grace
		limits.StdoutBytes += len(req.Tests) * 2 * harness.IOOutputLimit
	}
	limits.MemoryMB = max(p.Limits.MemoryMB, rt.CompileMemoryMB) + runtimes.MemoryOverheadMB
	limits.Wall = startTimeout + time.Duration(len(req.Tests))*perTest

	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	pr, pw := io.Pipe()
	type runDone struct {
		res *runtimes.RunResult
		err error
	}
	done := make(chan runDone, 1)
	go func() {
		res, err := g.Sandbox.Run(runCtx, runtimes.RunRequest{
			Image:  rt.ImageName(),
			Cmd:    cmd,
			Stdin:  run.Stdin,
			Stdout: pw,
			Limits: limits,
			Marker: harness.Marker(run.Nonce),
		})
		pw.Close()
		done <- runDone{res, err}
	}()

	records := make(chan harness.Record)
	readErr := make(chan error, 1)
	go func() {
		r := harness.NewReader(pr, run.Nonce, 4<<20)
		for {
			rec, err := r.Next()
			if err != nil {
				readErr <- err
				io.Copy(io.Discard, pr) // keep the sandbox's writer moving
				close(records)
				return
			}
			records <- rec
		}
	}()

	s := &scoring{req: req, rt: rt, res: &api.Result{Total: len(req.Tests)}}
	timer := time.NewTimer(startTimeout)
	defer timer.Stop()
	// over is set once no further record can change the result.
	timedOut, started, ready, over := false, false, false, false
	compiled, compileFailed, compileMsg := false, false, ""
loop:
	for {
		select {
		case rec, ok := <-records:
			if !ok {
				break loop
			}
			if over {
				continue // draining after a decision
			}
			switch rec.Kind {
			case harness.KindStart:
				started = true
			case harness.KindCompiled:
				started, compiled = true, true
			case harness.KindReady:
				ready = true
				timer.Reset(perTest)
			case harness.KindCompile:
				started, compileFailed = true, true
				compileMsg = rec.Error
				over = true
			case harness.KindResult, harness.KindError:
				switch {
				case !ready && rec.Kind == harness.KindError:
					// The code raised while it was being loaded.
					s.stop(s.crash(rec.Error, 0), trim(rec.Error))
					over = true
				case !ready || rec.Test != s.next || s.next >= len(req.Tests):
					s.stop(api.RuntimeError, "the program wrote output that breaks the judge's protocol")
					over = true
				default:
					s.record(rec, p.Limits.Time)
					timer.Reset(perTest)
				}
			case harness.KindDone:
				s.res.MemoryKB = rec.MaxRSSKB
			case harness.KindUsage:
				// The sandbox's measure of every process beats the
				// harness's of itself.
				s.res.MemoryKB, s.res.CPUTimeMS = rec.MaxRSSKB, rec.CPUMillis
			case harness.KindLimit:
				var v api.Verdict
				msg := "the program created more than " + strconv.Itoa(limits.TmpFiles) + " files"
				switch rec.Error {
				case "memory":
					v, msg = api.MemoryLimit, fmt.Sprintf("the program used more than %d MiB", p.Limits.MemoryMB)
				default:
					v = api.OutputLimit
				}
				switch {
				case compiles && !compiled:
					compileFailed = true
					compileMsg = "the compiler created more than " + strconv.Itoa(limits.TmpFiles) + " files"
					if rec.Error == "memory" {
						compileMsg = fmt.Sprintf("the compiler used more than %d MiB", limits.MemoryMB)
					}
				case s.next < len(req.Tests):
					s.stop(v, msg)
				}
				s.res.MemoryKB, s.res.CPUTimeMS = rec.MaxRSSKB, rec.CPUMillis
				started, over = true, true
			}
			if s.bad && !req.AllTests {
				over = true
			}
			if over {
				cancel()
			}
		case <-timer.C:
			timedOut = true
			cancel()
		}
	}
	rd := <-done
	if err := ctx.Err(); err != nil {
		return nil, err // the judge was stopped: no verdict
	}
	if rd.err != nil {
		return nil, fmt.Errorf("sandbox: %w", rd.err)
	}
	rerr := <-readErr
	res := rd.res
	if compileFailed {
		if compileMsg == "" {
			compileMsg = string(res.Stderr)
		}
		if strings.TrimSpace(compileMsg) == "" {
			compileMsg = "the compiler failed without a message"
		}
		return &api.Result{Verdict: api.CompileError, Total: len(req.Tests), Message: trim(compileMsg)}, nil
	}
	if compiles && !compiled && timedOut {
		return &api.Result{Verdict: api.CompileError, Total: len(req.Tests),
			Message: fmt.Sprintf("compilation took longer than %v", rt.CompileTimeout())}, nil
	}
	if !started && !over {
		// Nothing of the user's ran yet: the image or the harness is broken.
		return nil, fmt.Errorf("harness did not start (exit %d, timed out %t): %s",
			res.ExitCode, timedOut, trim(string(res.Stderr)))
	}
	if !over && s.next < len(req.Tests) {
		// The run ended before every test reported: say why.
		var v api.Verdict
		var msg string
		switch {
		case res.StdoutTruncated || res.StderrTruncated || errors.Is(rerr, bufio.ErrTooLong):
			v, msg = api.OutputLimit, "the program wrote too much output"
		case timedOut && ready:
			v, msg = api.TimeLimit, fmt.Sprintf("test %d ran longer than %v", s.next+1, p.Limits.Time)
		case timedOut:
			v, msg = api.TimeLimit, fmt.Sprintf("the program did not start within %v", startTimeout)
		case res.OOMKilled:
			v, msg = api.MemoryLimit, fmt.Sprintf("the program used more than %d MiB", p.Limits.MemoryMB)
		case res.WallExceeded:
			v, msg = api.TimeLimit, "the run exceeded its wall-clock limit"
		case abortLike(res.ExitCode) && s.atMemoryBound():
			// A runtime that meets its memory rlimit does not always say
			// so: V8, for one, may abort in its garbage collector when it
			// cannot make a page writable. An abort at the bound is the
			// bound's doing. (A segfault there is a stack overflow: the
			// stack may grow to the memory limit.)
			v, msg = api.MemoryLimit, fmt.Sprintf("the program used more than %d MiB", p.Limits.MemoryMB)
		default:
			msg = strings.TrimSpace(string(res.Stderr))
			v = s.crash(msg, res.ExitCode)
			how := fmt.Sprintf("the program exited with status %d during test %d", res.ExitCode, s.next+1)
			if sig := signalName(res.ExitCode); sig != "" {
				how = fmt.Sprintf("the program was killed by %s during test %d", sig, s.next+1)
			}
			if msg == "" {
				msg = how
			} else {
				msg = trim(msg) + "\n" + how
			}
		}
		s.stop(v, msg)
	}
	if len(s.actuals) > 0 {
		if err := g.customCheck(ctx, s); err != nil {
			return nil, fmt.Errorf("custom checker of %s: %w", p.Slug, err)
		}
	}
	s.finish()
	return s.res, nil
}

// signalName names the signal behind a shell-style exit status (128+n).
func signalName(status int) string {
	names := map[int]string{4: "SIGILL", 6: "SIGABRT (abort)", 7: "SIGBUS", 8: "SIGFPE (arithmetic error)",
		9: "SIGKILL", 11: "SIGSEGV (invalid memory access)", 24: "SIGXCPU", 25: "SIGXFSZ (file too large)"}
	if status > 128 {
		return names[status-128]
	}
	return ""
}

// pending marks a test result that awaits the custom checker.
const pending api.Verdict = "pending"

// scoring accumulates per-test results into a Result.
type scoring struct {
	req  GradeRequest
	rt   *runtimes.Runtime
	res  *api.Result
	next int // index of the next test expected
	// results holds every test reported so far, in order, and the reason
	// the run stopped early, if it did.
	results []api.TestResult
	// actuals holds the canonical value each pending result returned.
	actuals map[int]any
	// bad is set once a result is known to fail.
	bad bool
}

// crash is the verdict of a run or test that failed with msg (an error or
// stderr) and exit status: out of memory and out of file size are limits the
// sandbox set, the rest is the program's error.
func (s *scoring) crash(msg string, status int) api.Verdict {
	switch {
	case s.rt.OutOfMemory(msg):
		return api.MemoryLimit
	case status == 128+int(syscall.SIGXFSZ) || strings.Contains(msg, "File too large") ||
		strings.HasPrefix(msg, harness.OutputLimitMessage):
		return api.OutputLimit
	}
	return api.RuntimeError
}

// abortLike says whether a run's exit status is an exit or an abort, a trap
// or a kill, as a runtime ends when an allocation fails, rather than a fault.
func abortLike(status int) bool {
	switch status {
	case 0:
		return false
	case 128 + int(syscall.SIGTRAP), 128 + int(syscall.SIGABRT), 128 + int(syscall.SIGKILL):
		return true
	}
	return status < 128
}

// atMemoryBound says whether the run's peak memory came within a tenth of
// the memory rlimit that the run script sets (the problem's limit plus the
// runtime's overhead).
func (s *scoring) atMemoryBound() bool {
	bound := int64(s.req.Problem.Limits.MemoryMB+runtimes.MemoryOverheadMB) << 10
	return s.res.MemoryKB >= bound-bound/10
}

// stop records why the run ended at the next test: it crashed, timed out,
// or broke the protocol.
func (s *scoring) stop(v api.Verdict, msg string) {
	s.results = append(s.results, api.TestResult{Index: s.next + 1, Verdict: v, Message: msg})
	s.bad = true
}

func (s *scoring) shown(i int) bool { return s.req.AllTests || s.req.Tests[i].Sample }

func (s *scoring) record(rec harness.Record, limit time.Duration) {
	i := s.next
	s.next++
	if s.req.Progress != nil {
		s.req.Progress(s.next, len(s.req.Tests))
	}
	t := s.req.Tests[i]
	p := s.req.Problem
	tr := api.TestResult{Index: i + 1, TimeMS: float64(rec.Micros) / 1000, Stdout: rec.Stdout}
	show := s.shown(i)
	if show {
		tr.Input = map[string]json.RawMessage{}
		for j, prm := range p.Signature.Params {
			tr.Input[prm.Name] = problems.Encode(t.Args[j])
		}
		tr.Expected = problems.Encode(t.Expected)
	}
	if tr.TimeMS > s.res.TimeMS {
		s.res.TimeMS = tr.TimeMS
	}
	switch {
	case rec.Kind == harness.KindError:
		tr.Verdict = s.crash(rec.Error, 0)
		tr.Message = trim(rec.Error)
	case time.Duration(rec.Micros)*time.Microsecond > limit:
		tr.Verdict = api.TimeLimit
		tr.Message = fmt.Sprintf("took %.0f ms, limit %v", tr.TimeMS, limit)
	default:
		if show {
			tr.Actual = rec.Value
		}
		actual, err := p.Signature.Returns.Decode(rec.Value)
		switch {
		case err != nil:
			tr.Verdict = api.WrongAnswer
			tr.Message = "the returned value is not a " + p.Signature.Returns.String() + ": " + err.Error()
		case p.Checker == nil:
			tr.Verdict = pending
			if s.actuals == nil {
				s.actuals = map[int]any{}
			}
			s.actuals[len(s.results)] = actual
		default:
			if why := p.Checker.Check(p.Signature.Returns, t.Expected, actual); why != "" {
				tr.Verdict = api.WrongAnswer
				tr.Message = why
			} else {
				tr.Verdict = api.Accepted
			}
		}
	}
	if tr.Verdict != api.Accepted && tr.Verdict != pending {
		s.bad = true
	}
	s.results = append(s.results, tr)
}

// finish decides the verdict from the results in test order: the first test
// that failed decides it.
func (s *scoring) finish() {
	// Passed counts the tests passed before the first failure, as a judge
	// that stops there would; in run mode, every test.
	for _, tr := range s.results {
		if tr.Verdict == api.Accepted {
			s.res.Passed++
		} else if !s.req.AllTests {
			break
		}
	}
	if s.req.AllTests {
		s.res.Tests = s.results
	}
	for _, tr := range s.results {
		if tr.Verdict == api.Accepted {
			continue
		}
		i := tr.Index - 1
		msg := tr.Message
		if i < len(s.req.Tests) && !s.shown(i) {
			// Hidden tests keep their data hidden; a crash's own message
			// is the user's, and shown.
			msg = fmt.Sprintf("failed on test %d of %d", tr.Index, len(s.req.Tests))
			if tr.Verdict != api.WrongAnswer && tr.Message != "" {
				msg += ":\n" + tr.Message
			}
			tr.Input, tr.Expected, tr.Actual = nil, nil, nil
		}
		failed := tr
		s.res.Verdict, s.res.Message, s.res.Failed = tr.Verdict, msg, &failed
		return
	}
	s.res.Verdict = api.Accepted
}

// trim shortens a compiler or runtime message to a readable size, keeping its
// end, where the error usually is.
func trim(s string) string {
	s = strings.TrimSpace(s)
	if len(s) <= maxMessage {
		return s
	}
	return "...\n" + s[len(s)-maxMessage:]
}
