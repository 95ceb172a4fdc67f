// Package local runs programs directly on the host, with no isolation at all.
// It exists for tests of the grading pipeline and for the benchmark's bare
// floor; the daemon never judges submissions with it.
package local

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"syscall"
	"time"

	"github.com/judgehq/judge/runtimes"
)

// Runner runs a request's command as a host process.
type Runner struct {
	// Clean starts the command with the sandbox's environment
	// (runtimes.Env) instead of the host's, so that it finds the same
	// system toolchain as in the runtime images.
	Clean bool
}

// Run implements the judge's Sandbox interface. The request's image is
// ignored.
func (r Runner) Run(ctx context.Context, req runtimes.RunRequest) (*runtimes.RunResult, error) {
	wall := req.Limits.Wall
	if wall <= 0 {
		wall = time.Minute
	}
	rctx, cancel := context.WithTimeout(ctx, wall)
	defer cancel()
	// The run script makes its working directory with mktemp: give it one
	// of its own, removed afterwards.
	tmp, err := os.MkdirTemp("", "judge-local-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.CommandContext(rctx, req.Cmd[0], req.Cmd[1:]...)
	env := os.Environ()
	if r.Clean {
		env = nil
		for k, v := range runtimes.Env {
			env = append(env, k+"="+v)
		}
	}
	cmd.Env = append(env, "TMPDIR="+tmp)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.Stdin = bytes.NewReader(req.Stdin)
	// Output past a limit stops the run, as in the sandbox.
	out := &runtimes.LimitWriter{W: req.Stdout, N: req.Limits.StdoutBytes, Full: cancel}
	var stderr bytes.Buffer
	errw := &runtimes.LimitWriter{W: &stderr, N: req.Limits.StderrBytes, Full: cancel}
	cmd.Stdout, cmd.Stderr = out, errw
	cmd.WaitDelay = time.Second
	start := time.Now()
	err = cmd.Run()
	res := &runtimes.RunResult{
		Stderr:          stderr.Bytes(),
		StdoutTruncated: out.Truncated,
		StderrTruncated: errw.Truncated,
		Duration:        time.Since(start),
	}
	if rctx.Err() != nil {
		res.Killed = true
		res.WallExceeded = ctx.Err() == nil && !out.Truncated && !errw.Truncated
		return res, nil
	}
	if ee, ok := err.(*exec.ExitError); ok {
		res.ExitCode = ee.ExitCode()
		return res, nil
	}
	return res, err
}
