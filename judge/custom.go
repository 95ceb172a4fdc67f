package judge

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/judgehq/judge/harness"
	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/problems"
	"github.com/judgehq/judge/runtimes"
)

// customCheck runs the problem's custom checker, in the sandbox with the
// Python runtime, over every result that awaits it, and settles their
// verdicts. The checker is the problem author's code: if it fails, that is
// the judge's failure, not the submission's.
func (g *Grader) customCheck(ctx context.Context, s *scoring) error {
	rt, ok := g.Runtimes["python"]
	if !ok {
		return errors.New("custom checkers run on the python runtime, which this judge lacks")
	}
	p := s.req.Problem
	var idx []int
	var cases []harness.CheckCase
	for i, tr := range s.results {
		if tr.Verdict != pending {
			continue
		}
		t := s.req.Tests[tr.Index-1]
		in := map[string]json.RawMessage{}
		for j, prm := range p.Signature.Params {
			in[prm.Name] = problems.Encode(t.Args[j])
		}
		cases = append(cases, harness.CheckCase{Input: in, Expected: problems.Encode(t.Expected), Actual: problems.Encode(s.actuals[i])})
		idx = append(idx, i)
	}
	run := harness.NewCheckRun(cases)
	checker := *rt
	checker.Source, checker.Harness, checker.Compile = "checker.py", "run_checker.py", nil
	checker.Run = []string{"python3", "-I", "-S", "-B", "run_checker.py"}
	const memoryMB = 256
	limits := runtimes.DefaultLimits()
	limits.MemoryMB = memoryMB + runtimes.MemoryOverheadMB
	limits.Wall = time.Minute
	var out bytes.Buffer
	res, err := g.Sandbox.Run(ctx, runtimes.RunRequest{
		Image:  rt.ImageName(),
		Cmd:    checker.Script(p.CustomChecker, harness.CheckerRunner(), harness.Marker(run.Nonce), memoryMB),
		Stdin:  run.Stdin,
		Stdout: &out,
		Limits: limits,
		Marker: harness.Marker(run.Nonce),
	})
	if err != nil {
		return err
	}
	r := harness.NewReader(&out, run.Nonce, 4<<20)
	judged := 0
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if rec.Kind != harness.KindCheck {
			continue
		}
		if rec.Test < 0 || rec.Test >= len(idx) {
			return fmt.Errorf("checker reported case %d of %d", rec.Test, len(idx))
		}
		tr := &s.results[idx[rec.Test]]
		if rec.Error == "" {
			tr.Verdict = api.Accepted
		} else {
			tr.Verdict, tr.Message = api.WrongAnswer, trim(rec.Error)
		}
		judged++
	}
	if judged != len(idx) {
		return fmt.Errorf("checker judged %d of %d answers (exit %d): %s", judged, len(idx), res.ExitCode, trim(string(res.Stderr)))
	}
	return nil
}
