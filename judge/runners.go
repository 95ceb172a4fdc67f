package judge

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/judgehq/judge/runtimes"
)

// Runner is one place runs go: a sandbox (a Podman host) and how many runs it
// takes at once.
type Runner struct {
	Name     string
	Sandbox  Sandbox
	Capacity int
}

// ParseRunner reads a runner address, "URI" or "URI=N" with N its capacity
// (def when absent).
func ParseRunner(s string, def int) (uri string, capacity int, err error) {
	uri, capacity = s, def
	if i := strings.LastIndexByte(s, '='); i > 0 && strings.Contains(s[:i], "://") {
		if n, err := strconv.Atoi(s[i+1:]); err == nil {
			uri, capacity = s[:i], n
		}
	}
	if !strings.HasPrefix(uri, "unix://") && !strings.HasPrefix(uri, "tcp://") && !strings.HasPrefix(uri, "ssh://") {
		return "", 0, fmt.Errorf("runner %q: want unix:///path, tcp://host:port or ssh://user@host/path, with =N for its capacity", s)
	}
	if capacity < 1 {
		return "", 0, fmt.Errorf("runner %q: capacity must be at least 1", s)
	}
	return uri, capacity, nil
}

// Runners spreads runs over several runners, each up to its capacity: a run
// goes to the working runner with the most room left, and waits when all are
// full.
//
// A runner whose sandbox fails is left out while another works, even a full
// one: a runner that fails at once (its Podman service is gone) would
// otherwise take every run the others have no room for, and fail each. After
// failPause it gets one run at a time when the working ones are full, and
// works again once a run started after its failure goes well. When every
// runner has failed, runs go to the one that failed longest ago. A run that
// has not ended stopGrace after its context did (its host is gone from the
// network, and Podman's calls hang) is given up, and its runner taken as
// failed; its place stays taken until the run returns.
type Runners struct {
	mu      sync.Mutex
	free    chan struct{} // signalled when a run ends
	runners []*runnerState
	// pause and grace are failPause and stopGrace, shorter in tests.
	pause, grace time.Duration
}

type runnerState struct {
	Runner
	busy int
	runs int
	// failed is when the runner last failed; zero while it works.
	failed time.Time
	// probing is set while a run tests a failed runner.
	probing bool
}

// failPause is how long a failed runner is left out while others work.
const failPause = 30 * time.Second

// stopGrace is how long a run may take to end once its context has: longer
// than a sandbox takes to stop a run on a host that answers, even slowly
// (Podman's kill, the output closing, and the exit status have 50 s in all).
const stopGrace = time.Minute

// NewRunners returns the runners as one Sandbox.
func NewRunners(rs ...Runner) *Runners {
	r := &Runners{free: make(chan struct{}, 1), pause: failPause, grace: stopGrace}
	for _, x := range rs {
		r.runners = append(r.runners, &runnerState{Runner: x})
	}
	return r
}

// Capacity is the runs the runners take at once.
func (r *Runners) Capacity() int {
	n := 0
	for _, x := range r.runners {
		n += x.Capacity
	}
	return n
}

// Runs returns how many runs each runner has taken, by name.
func (r *Runners) Runs() map[string]int {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := map[string]int{}
	for _, x := range r.runners {
		out[x.Name] += x.runs
	}
	return out
}

// pick reserves a place on the best runner with room, or returns nil. probe
// says that the run tests a failed runner.
func (r *Runners) pick() (best *runnerState, probe bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	working := false
	for _, x := range r.runners {
		if !x.failed.IsZero() {
			continue
		}
		working = true
		if x.busy < x.Capacity && (best == nil || room(x) > room(best)) {
			best = x
		}
	}
	if best == nil {
		for _, x := range r.runners {
			if x.failed.IsZero() || x.busy >= x.Capacity {
				continue
			}
			test := time.Since(x.failed) >= r.pause && !x.probing
			if (test || !working) && (best == nil || x.failed.Before(best.failed)) {
				best, probe = x, working
			}
		}
	}
	if best != nil {
		best.busy++
		best.runs++
		best.probing = best.probing || probe
	}
	return best, probe
}

func room(x *runnerState) float64 { return float64(x.Capacity-x.busy) / float64(x.Capacity) }

// done ends a run on x that started at start.
func (r *Runners) done(x *runnerState, probe bool, start time.Time, err error) {
	r.mu.Lock()
	x.busy--
	if probe {
		x.probing = false
	}
	switch {
	case err != nil && !errors.Is(err, context.Canceled):
		x.failed = time.Now()
	case err == nil && start.After(x.failed):
		x.failed = time.Time{}
	}
	r.mu.Unlock()
	select {
	case r.free <- struct{}{}:
	default:
	}
}

// Run runs req on a runner with room, waiting for one if needed.
func (r *Runners) Run(ctx context.Context, req runtimes.RunRequest) (*runtimes.RunResult, error) {
	if len(r.runners) == 0 {
		return nil, errors.New("no runners configured")
	}
	for {
		if x, probe := r.pick(); x != nil {
			res, err := r.run(ctx, x, probe, req)
			if err != nil {
				err = fmt.Errorf("runner %s: %w", x.Name, err)
			}
			return res, err
		}
		select {
		case <-r.free:
		case <-time.After(100 * time.Millisecond):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// run runs req on x, giving it up stopGrace after ctx ends.
func (r *Runners) run(ctx context.Context, x *runnerState, probe bool, req runtimes.RunRequest) (*runtimes.RunResult, error) {
	type result struct {
		res *runtimes.RunResult
		err error
	}
	out := make(chan result, 1)
	start := time.Now()
	// A run given up may still write: its output goes nowhere then.
	w := &cutWriter{w: req.Stdout}
	req.Stdout = w
	go func() {
		res, err := x.Sandbox.Run(ctx, req)
		r.done(x, probe, start, err)
		out <- result{res, err}
	}()
	select {
	case o := <-out:
		return o.res, o.err
	case <-ctx.Done():
	}
	select {
	case o := <-out:
		return o.res, o.err
	case <-time.After(r.grace):
	}
	w.cut.Store(true)
	r.mu.Lock()
	x.failed = time.Now()
	r.mu.Unlock()
	return nil, fmt.Errorf("the run did not end within %v of being stopped: the host does not answer", r.grace)
}

// cutWriter passes writes on until it is cut.
type cutWriter struct {
	w   io.Writer
	cut atomic.Bool
}

func (c *cutWriter) Write(p []byte) (int, error) {
	if c.cut.Load() {
		return 0, io.ErrClosedPipe
	}
	return c.w.Write(p)
}
