package judge

import (
	"bytes"
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

// flakySandbox fails every run while broken is set, at once.
type flakySandbox struct {
	countingSandbox
	broken atomic.Bool
}

func (f *flakySandbox) Run(ctx context.Context, req runtimes.RunRequest) (*runtimes.RunResult, error) {
	if f.broken.Load() {
		f.total.Add(1)
		return nil, errors.New("podman service gone")
	}
	return f.countingSandbox.Run(ctx, req)
}

func TestRunners_deadRunnerUnderLoad(t *testing.T) {
	// The dead runner has room whenever the good one is full, and fails at
	// once: it must not take the runs the good one has no room for.
	dead := &flakySandbox{}
	dead.broken.Store(true)
	good := &countingSandbox{delay: 5 * time.Millisecond}
	r := NewRunners(Runner{Name: "dead", Sandbox: dead, Capacity: 2}, Runner{Name: "good", Sandbox: good, Capacity: 1})
	var failures atomic.Int32
	var wg sync.WaitGroup
	for range 30 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := r.Run(context.Background(), runtimes.RunRequest{}); err != nil {
				failures.Add(1)
			}
		}()
	}
	wg.Wait()
	// Runs picked before the first failure was known may fail: at most the
	// dead runner's capacity.
	if failures.Load() > 2 || dead.total.Load() > 2 || good.total.Load() < 28 {
		t.Errorf("%d failures, %d runs on the dead runner, %d on the good one: want at most 2, 2, and at least 28",
			failures.Load(), dead.total.Load(), good.total.Load())
	}
}

func TestRunners_failedRunnerComesBack(t *testing.T) {
	a := &flakySandbox{countingSandbox: countingSandbox{delay: 20 * time.Millisecond}}
	b := &countingSandbox{delay: 20 * time.Millisecond}
	r := NewRunners(Runner{Name: "a", Sandbox: a, Capacity: 1}, Runner{Name: "b", Sandbox: b, Capacity: 1})
	r.pause = 100 * time.Millisecond
	a.broken.Store(true)
	if _, err := r.Run(context.Background(), runtimes.RunRequest{}); err == nil {
		t.Fatal("run on the broken runner: no error")
	}
	a.broken.Store(false)
	// Within the pause, runs wait for b, even with a free.
	runMany(t, r, 4)
	if a.total.Load() != 1 || b.total.Load() != 4 {
		t.Fatalf("within the pause: %d runs on a, %d on b; want 1 (the failure) and 4", a.total.Load(), b.total.Load())
	}
	// After it, a full b lets a take one run at a time, and a works again
	// once one went well.
	time.Sleep(r.pause)
	runMany(t, r, 10)
	if a.total.Load() < 3 || a.peak.Load() > 1 {
		t.Errorf("after the pause: %d runs on a (peak %d at once), want it back in use", a.total.Load()-1, a.peak.Load())
	}
	if r.runners[0].failed != (time.Time{}) || r.runners[0].probing {
		t.Errorf("runner a still marked: failed %v, probing %t", r.runners[0].failed, r.runners[0].probing)
	}
}

func TestRunners_allFailed(t *testing.T) {
	// With one runner, a failure leaves it in use: there is no other.
	a := &flakySandbox{countingSandbox: countingSandbox{delay: 20 * time.Millisecond}}
	r := NewRunners(Runner{Name: "a", Sandbox: a, Capacity: 2})
	a.broken.Store(true)
	r.Run(context.Background(), runtimes.RunRequest{})
	a.broken.Store(false)
	runMany(t, r, 6)
	if a.total.Load() != 7 || a.peak.Load() != 2 {
		t.Errorf("%d runs, peak %d at once: want 7 and 2", a.total.Load(), a.peak.Load())
	}
}

// hungSandbox's runs ignore their context and end when release closes, as
// Podman's calls do when the host is gone from the network.
type hungSandbox struct{ release chan struct{} }

func (h *hungSandbox) Run(ctx context.Context, req runtimes.RunRequest) (*runtimes.RunResult, error) {
	<-h.release
	req.Stdout.Write([]byte("late"))
	return &runtimes.RunResult{}, nil
}

func TestRunners_givesUpHungRun(t *testing.T) {
	hung := &hungSandbox{release: make(chan struct{})}
	good := &countingSandbox{}
	r := NewRunners(Runner{Name: "hung", Sandbox: hung, Capacity: 1}, Runner{Name: "good", Sandbox: good, Capacity: 1})
	r.grace = 50 * time.Millisecond
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	var out bytes.Buffer
	start := time.Now()
	_, err := r.Run(ctx, runtimes.RunRequest{Stdout: &out})
	if err == nil || time.Since(start) > time.Second {
		t.Fatalf("hung run: %v after %v, want an error soon after the grace", err, time.Since(start))
	}
	// The hung runner is failed, and full until its run returns.
	runMany(t, r, 3)
	if good.total.Load() != 3 {
		t.Errorf("%d of 3 runs on the good runner", good.total.Load())
	}
	close(hung.release)
	time.Sleep(20 * time.Millisecond)
	if out.Len() != 0 {
		t.Errorf("the run given up wrote %q after it", out.String())
	}
	r.mu.Lock()
	busy := r.runners[0].busy
	r.mu.Unlock()
	if busy != 0 {
		t.Errorf("hung runner busy %d after its run returned", busy)
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
