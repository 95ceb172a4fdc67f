package judge

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/judgehq/judge/runtimes"
)

// countingSandbox records how many runs it has at once.
type countingSandbox struct {
	now, peak, total atomic.Int32
	delay            time.Duration
	err              error
}

func (c *countingSandbox) Run(ctx context.Context, req runtimes.RunRequest) (*runtimes.RunResult, error) {
	n := c.now.Add(1)
	defer c.now.Add(-1)
	c.total.Add(1)
	for {
		p := c.peak.Load()
		if n <= p || c.peak.CompareAndSwap(p, n) {
			break
		}
	}
	select {
	case <-time.After(c.delay):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if c.err != nil {
		return nil, c.err
	}
	return &runtimes.RunResult{}, nil
}

func runMany(t *testing.T, r *Runners, n int) {
	t.Helper()
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.Run(context.Background(), runtimes.RunRequest{})
		}()
	}
	wg.Wait()
}

func TestRunners_capacity(t *testing.T) {
	a := &countingSandbox{delay: 20 * time.Millisecond}
	b := &countingSandbox{delay: 20 * time.Millisecond}
	r := NewRunners(Runner{Name: "a", Sandbox: a, Capacity: 1}, Runner{Name: "b", Sandbox: b, Capacity: 3})
	if r.Capacity() != 4 {
		t.Errorf("capacity %d, want 4", r.Capacity())
	}
	runMany(t, r, 40)
	if a.peak.Load() > 1 || b.peak.Load() > 3 {
		t.Errorf("peaks %d and %d runs at once, over capacities 1 and 3", a.peak.Load(), b.peak.Load())
	}
	if a.total.Load() == 0 || b.total.Load() == 0 || a.total.Load()+b.total.Load() != 40 {
		t.Errorf("runs %d and %d, want both used and 40 in all", a.total.Load(), b.total.Load())
	}
	if got := r.Runs(); got["a"] != int(a.total.Load()) || got["b"] != int(b.total.Load()) {
		t.Errorf("Runs() = %v", got)
	}
}

func TestRunners_avoidsFailingRunner(t *testing.T) {
	bad := &countingSandbox{err: errors.New("podman service gone")}
	good := &countingSandbox{delay: time.Millisecond}
	r := NewRunners(Runner{Name: "bad", Sandbox: bad, Capacity: 4}, Runner{Name: "good", Sandbox: good, Capacity: 1})
	var failures int
	for range 10 {
		if _, err := r.Run(context.Background(), runtimes.RunRequest{}); err != nil {
			failures++
		}
	}
	// The bad runner has the most room and gets the first run; after its
	// failure the good one takes the rest.
	if failures != 1 || bad.total.Load() != 1 {
		t.Errorf("%d failures, %d runs on the failing runner: want 1 and 1", failures, bad.total.Load())
	}
}

func TestRunners_waitsForRoom(t *testing.T) {
	a := &countingSandbox{delay: time.Second}
	r := NewRunners(Runner{Name: "a", Sandbox: a, Capacity: 1})
	go r.Run(context.Background(), runtimes.RunRequest{})
	time.Sleep(50 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, err := r.Run(ctx, runtimes.RunRequest{}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("run on a full runner: %v, want to wait until the context ends", err)
	}
}

func TestParseRunner(t *testing.T) {
	for _, c := range []struct {
		in   string
		uri  string
		cap  int
		fail bool
	}{
		{in: "unix:///run/podman/podman.sock", uri: "unix:///run/podman/podman.sock", cap: 2},
		{in: "tcp://10.0.0.2:8888=8", uri: "tcp://10.0.0.2:8888", cap: 8},
		{in: "ssh://judge@host/run/user/1001/podman/podman.sock?secure=true=3", uri: "ssh://judge@host/run/user/1001/podman/podman.sock?secure=true", cap: 3},
		{in: "ssh://judge@host/run/podman.sock?secure=true", uri: "ssh://judge@host/run/podman.sock?secure=true", cap: 2},
		{in: "/run/podman/podman.sock", fail: true},
		{in: "http://host", fail: true},
		{in: "tcp://host:1=0", fail: true},
	} {
		uri, cap, err := ParseRunner(c.in, 2)
		if c.fail {
			if err == nil {
				t.Errorf("ParseRunner(%q) = %q, %d: want an error", c.in, uri, cap)
			}
			continue
		}
		if err != nil || uri != c.uri || cap != c.cap {
			t.Errorf("ParseRunner(%q) = %q, %d, %v: want %q, %d", c.in, uri, cap, err, c.uri, c.cap)
		}
	}
}
