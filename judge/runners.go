package judge

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
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
// goes to the runner with the most room left, and waits when all are full.
// A runner whose sandbox fails is passed over for a while as long as another
// has room.
type Runners struct {
	mu      sync.Mutex
	free    chan struct{} // signalled when a run ends
	runners []*runnerState
}

type runnerState struct {
	Runner
	busy   int
	failed time.Time
	runs   int
}

// failPause is how long a failing runner is passed over.
const failPause = 30 * time.Second

// NewRunners returns the runners as one Sandbox.
func NewRunners(rs ...Runner) *Runners {
	r := &Runners{free: make(chan struct{}, 1)}
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

// pick reserves a place on the best runner with room, or returns nil.
func (r *Runners) pick() *runnerState {
	r.mu.Lock()
	defer r.mu.Unlock()
	var best *runnerState
	score := func(x *runnerState) float64 {
		s := float64(x.Capacity-x.busy) / float64(x.Capacity)
		if time.Since(x.failed) < failPause {
			s -= 2 // only when nothing healthy has room
		}
		return s
	}
	for _, x := range r.runners {
		if x.busy < x.Capacity && (best == nil || score(x) > score(best)) {
			best = x
		}
	}
	if best != nil {
		best.busy++
		best.runs++
	}
	return best
}

func (r *Runners) done(x *runnerState, err error) {
	r.mu.Lock()
	x.busy--
	if err != nil && !errors.Is(err, context.Canceled) {
		x.failed = time.Now()
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
		x := r.pick()
		if x != nil {
			res, err := x.Sandbox.Run(ctx, req)
			r.done(x, err)
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
