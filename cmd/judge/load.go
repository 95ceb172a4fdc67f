package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/judgehq/judge/examples"
	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/client"
	"github.com/judgehq/judge/problems"
	"github.com/judgehq/judge/runtimes/podman"
)

// usersNice is the simulated users' nice value, the judged code's.
const usersNice = 10

// healthzTarget is the longest /healthz may take under load.
const healthzTarget = 100 * time.Millisecond

type loadOptions struct {
	Users        int
	Duration     time.Duration
	SubmitEvery  time.Duration
	PollEvery    time.Duration
	DrainTimeout time.Duration
	Workers      int
	Warm         int
	LogLevel     string
	// Backup takes a backup in the middle of the load and checks it.
	Backup bool
}

func newBenchLoadCmd(f *Factory) *cobra.Command {
	var o loadOptions
	cmd := &cobra.Command{
		Use:   "load",
		Short: "Load-test the daemon with many simulated users on loopback",
		Long: `Start a daemon (this binary's 'judge serve', on loopback, with a fresh
database and the local Podman service), add --users users, and let each of
them, for --duration, poll (the problem list with their status, their
history, their last submission) about every --poll-every and submit a
Python two-sum solution about every --submit-every, as contestants do. A
prober asks /healthz every 20 ms throughout.

Then it waits for the queue to drain and checks that every submission the
daemon accepted (202) was judged, and prints: requests per second and their
latency by kind, status codes, /healthz latency under load against the same
daemon idle (measured first, in the same run), the queue wait, and the
daemon's peak memory.

With --backup, at half time it also takes a backup through the daemon's API,
as 'judge backup' does, and after the load restores it into a new data
directory, as 'judge restore' does. It checks that every submission
acknowledged (202) before the backup began is in the restored database with
its problem, language and user, then starts a daemon on it and waits until
the submissions that were queued or running in the backup are judged. It
exits 1 if any is missing.`,
		Example: `  judge bench load
  judge bench load --users 1000 --duration 60s --submit-every 60s
  judge bench load --backup`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return loadTest(cmd.Context(), f, o)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&o.Users, "users", 1000, "simulated users")
	fl.DurationVar(&o.Duration, "duration", time.Minute, "how long the users poll and submit")
	fl.DurationVar(&o.SubmitEvery, "submit-every", time.Minute, "each user submits about this often (the default rate limit allows five a minute)")
	fl.DurationVar(&o.PollEvery, "poll-every", time.Second, "each user sends a read request about this often")
	fl.DurationVar(&o.DrainTimeout, "drain-timeout", 20*time.Minute, "how long to wait for the queue to drain afterwards")
	fl.IntVar(&o.Workers, "workers", 0, "the daemon's --workers (default: its runners' capacity)")
	fl.IntVar(&o.Warm, "warm", 2, "the daemon's --warm")
	fl.StringVar(&o.LogLevel, "log-level", "warn", "the daemon's --log-level")
	fl.BoolVar(&o.Backup, "backup", false, "take a backup at half time, restore it afterwards and check that it holds every submission acknowledged before it")
	return cmd
}

// newBenchProbeCmd is the /healthz prober of `judge bench load`, a process
// of its own so that the simulated users' priority and CPU use do not count
// in what it measures. It also serves a /healthz of its own, a control with
// nothing behind it, and probes both in turn, printing "d" (the daemon) or
// "c" (the control) and a latency in microseconds, or "fail", per line,
// until its standard input closes.
func newBenchProbeCmd(f *Factory) *cobra.Command {
	var interval time.Duration
	cmd := &cobra.Command{
		Use:    "probe URL",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx, cancel := context.WithCancel(cmd.Context())
			defer cancel()
			go func() { io.Copy(io.Discard, f.IO.In); cancel() }()
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				return err
			}
			control := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				io.WriteString(w, `{"status":"ok"}`+"\n")
			})}
			go control.Serve(ln)
			defer control.Close()
			targets := []struct{ name, url string }{{"d", args[0]}, {"c", "http://" + ln.Addr().String()}}
			h := &http.Client{Timeout: 5 * time.Second}
			tick := time.NewTicker(interval / 2)
			defer tick.Stop()
			for n := 0; ; n++ {
				t := targets[n%2]
				start := time.Now()
				resp, err := h.Get(t.url + "/healthz")
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				switch {
				case ctx.Err() != nil:
					return nil
				case err != nil || resp.StatusCode != http.StatusOK:
					fmt.Fprintln(f.IO.Out, t.name, "fail")
				default:
					fmt.Fprintln(f.IO.Out, t.name, time.Since(start).Microseconds())
				}
				select {
				case <-ctx.Done():
					return nil
				case <-tick.C:
				}
			}
		},
	}
	cmd.Flags().DurationVar(&interval, "interval", 20*time.Millisecond, "time between probes of each server")
	return cmd
}

// probeResult is what the prober measured of one server.
type probeResult struct {
	lat    []time.Duration
	failed int
}

// startProbe starts the prober process against url; stop ends it and returns
// what it measured of the daemon and of its control server.
func startProbe(url string) (stop func() (daemon, control probeResult), err error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe, "bench", "probe", url)
	// Apart from the simulated users' process group and its priority.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM, Setpgid: true}
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	var out strings.Builder
	cmd.Stdout = &out
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return func() (daemon, control probeResult) {
		in.Close()
		cmd.Wait()
		for _, line := range strings.Split(out.String(), "\n") {
			name, v, ok := strings.Cut(line, " ")
			r := &daemon
			if name == "c" {
				r = &control
			}
			if !ok {
				continue
			}
			if us, err := strconv.ParseInt(v, 10, 64); err == nil {
				r.lat = append(r.lat, time.Duration(us)*time.Microsecond)
			} else {
				r.failed++
			}
		}
		return daemon, control
	}, nil
}

// loadStats collects latencies and status codes by request kind.
type loadStats struct {
	mu       sync.Mutex
	lat      map[string][]time.Duration
	statuses map[string]map[int]int
	errors   map[string]int
}

func (s *loadStats) add(kind string, d time.Duration, err error) {
	status := 0 // answered as asked
	var ae *api.Error
	switch {
	case errors.As(err, &ae):
		status = ae.Status
	case err != nil:
		s.mu.Lock()
		s.errors[kind]++
		s.mu.Unlock()
		return
	}
	s.mu.Lock()
	s.lat[kind] = append(s.lat[kind], d)
	if s.statuses[kind] == nil {
		s.statuses[kind] = map[int]int{}
	}
	s.statuses[kind][status]++
	s.mu.Unlock()
}

// daemonProc is a `judge serve` child process.
type daemonProc struct {
	cmd   *exec.Cmd
	url   string
	token string
	data  string
}

func startDaemonProc(ctx context.Context, dir string, o loadOptions) (*daemonProc, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := l.Addr().String()
	l.Close()
	data := filepath.Join(dir, "data")
	logf, err := os.Create(filepath.Join(dir, "daemon.log"))
	if err != nil {
		return nil, err
	}
	args := []string{"serve", "--listen", addr, "--data", data, "--log-level", o.LogLevel,
		"--warm", strconv.Itoa(o.Warm), "--workers", strconv.Itoa(o.Workers)}
	cmd := exec.Command(exe, args...)
	cmd.Stdout, cmd.Stderr = logf, logf
	// A process group of its own, apart from the simulated users'.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM, Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	d := &daemonProc{cmd: cmd, url: "http://" + addr, data: data}
	deadline := time.Now().Add(60 * time.Second)
	for {
		if raw, err := os.ReadFile(filepath.Join(data, adminTokenFile)); err == nil {
			d.token = strings.TrimSpace(string(raw))
			if client.New(d.url, "").Health(ctx) == nil {
				return d, nil
			}
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			log, _ := os.ReadFile(logf.Name())
			return nil, fmt.Errorf("the daemon did not start within 60s:\n%s", log)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (d *daemonProc) stop() {
	d.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { d.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		d.cmd.Process.Kill()
		<-done
	}
}

// rssKB reads a process's resident and peak resident memory.
func rssKB(pid int) (rss, peak int64) {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		n, _ := strconv.ParseInt(f[1], 10, 64)
		switch f[0] {
		case "VmRSS:":
			rss = n
		case "VmHWM:":
			peak = n
		}
	}
	return rss, peak
}

func loadTest(ctx context.Context, f *Factory, o loadOptions) error {
	out := f.IO.Out
	if o.Users < 1 || o.Duration <= 0 || o.SubmitEvery <= 0 || o.PollEvery <= 0 {
		return &exitError{code: exitUsage, err: errors.New("--users, --duration, --submit-every and --poll-every must be positive")}
	}
	// Each user holds a connection, and the daemon one for each.
	var lim syscall.Rlimit
	if syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim) == nil && lim.Cur < lim.Max {
		lim.Cur = lim.Max
		syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim)
	}
	if need := uint64(2*o.Users + 200); lim.Cur < need {
		return fmt.Errorf("open files limit %d is too low for %d users; raise it to %d (ulimit -n)", lim.Cur, o.Users, need)
	}
	ps, err := problems.LoadAll(examples.Problems, "problems")
	if err != nil {
		return err
	}
	right, wrong := twoSumPython(ps)
	dir, err := os.MkdirTemp("", "judge-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	fmt.Fprintln(f.IO.ErrOut, "starting the daemon...")
	d, err := startDaemonProc(ctx, dir, o)
	if err != nil {
		return err
	}
	defer d.stop()
	pool := &http.Client{Timeout: 90 * time.Second, Transport: &http.Transport{
		MaxIdleConns: 2 * o.Users, MaxIdleConnsPerHost: 2 * o.Users, IdleConnTimeout: 2 * time.Minute,
	}}
	admin := client.New(d.url, d.token).WithHTTPClient(pool)

	// The same daemon idle: the baseline of /healthz.
	stopProbe, err := startProbe(d.url)
	if err != nil {
		return err
	}
	time.Sleep(4 * time.Second)
	idleD, idleC := stopProbe()
	idle := idleD.lat

	fmt.Fprintf(f.IO.ErrOut, "adding %d users...\n", o.Users)
	users := make([]*client.Client, o.Users)
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(16)
	for i := range users {
		g.Go(func() error {
			res, err := admin.AddUser(gctx, api.NewUserRequest{Name: fmt.Sprintf("user%05d", i)})
			if err != nil {
				return fmt.Errorf("add user %d: %w", i, err)
			}
			users[i] = client.New(d.url, res.Token.Token).WithHTTPClient(pool)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}

	// The simulated users stand for machines elsewhere: on this host they
	// run at the judged code's nice value, so that their own CPU use does
	// not count against the daemon. (PRIO_PGRP reaches every thread.)
	if err := syscall.Setpgid(0, 0); err == nil {
		syscall.Setpriority(syscall.PRIO_PGRP, 0, usersNice)
	}
	fmt.Fprintf(f.IO.ErrOut, "%d users polling and submitting for %v...\n", o.Users, o.Duration)
	daemonPID := strconv.Itoa(d.cmd.Process.Pid)
	cpu0, daemon0 := readCPU(), procCPU(daemonPID)
	stats := &loadStats{lat: map[string][]time.Duration{}, statuses: map[string]map[int]int{}, errors: map[string]int{}}
	var accepted sync.Map // submission id -> want verdict
	var nAccepted atomic.Int64
	var bk *loadBackup
	if o.Backup {
		bk = &loadBackup{file: filepath.Join(dir, "backup.db"), done: make(chan struct{})}
	}
	lctx, stopLoad := context.WithTimeout(ctx, o.Duration)
	defer stopLoad()
	if stopProbe, err = startProbe(d.url); err != nil {
		return err
	}
	var peakRSS atomic.Int64
	go func() {
		for lctx.Err() == nil {
			if rss, _ := rssKB(d.cmd.Process.Pid); rss > peakRSS.Load() {
				peakRSS.Store(rss)
			}
			time.Sleep(500 * time.Millisecond)
		}
	}()
	start := time.Now()
	if bk != nil {
		go bk.take(ctx, admin, start.Add(o.Duration/2))
	}
	record := func(kind string, t0 time.Time, err error) {
		d := time.Since(t0)
		stats.add(kind, d, err)
		if bk != nil {
			bk.request(t0, d)
		}
	}
	var wg sync.WaitGroup
	for i, c := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(i), 42))
			jitter := func(d time.Duration) time.Duration { return d/2 + time.Duration(rng.Int64N(int64(d))) }
			nextSubmit := time.Now().Add(time.Duration(rng.Int64N(int64(o.SubmitEvery))))
			var last int64
			for n := 0; ; n++ {
				select {
				case <-lctx.Done():
					return
				case <-time.After(jitter(o.PollEvery)):
				}
				t0 := time.Now()
				switch {
				case t0.After(nextSubmit):
					nextSubmit = t0.Add(jitter(o.SubmitEvery))
					code, want := right, api.Accepted
					if rng.IntN(3) == 0 {
						code, want = wrong, api.WrongAnswer
					}
					resp, err := c.Submit(lctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: code})
					if lctx.Err() != nil {
						return
					}
					record("submit", t0, err)
					if err == nil {
						accepted.Store(resp.ID, want)
						nAccepted.Add(1)
						if bk != nil {
							bk.ack(loadAck{id: resp.ID, user: fmt.Sprintf("user%05d", i), want: want, at: time.Now()})
						}
						last = resp.ID
					}
				case last != 0 && n%2 == 0:
					_, err := c.Submission(lctx, last, 0)
					if lctx.Err() == nil {
						record("status", t0, err)
					}
				case n%3 == 0:
					_, err := c.Submissions(lctx, map[string][]string{"per_page": {"10"}})
					if lctx.Err() == nil {
						record("history", t0, err)
					}
				default:
					_, err := c.Problems(lctx, map[string][]string{"per_page": {"20"}})
					if lctx.Err() == nil {
						record("problems", t0, err)
					}
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	cpu1, daemon1 := readCPU(), procCPU(daemonPID)
	loadedD, loadedC := stopProbe()
	loaded, healthFailed := loadedD.lat, loadedD.failed
	_, loadPeak := rssKB(d.cmd.Process.Pid)

	fmt.Fprintf(f.IO.ErrOut, "waiting for the %d accepted submissions to be judged...\n", nAccepted.Load())
	db, err := sql.Open("sqlite", "file:"+filepath.Join(d.data, "judge.db")+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer db.Close()
	drainStart := time.Now()
	for {
		var left int
		if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM submissions WHERE state != 'done'`).Scan(&left); err != nil {
			return fmt.Errorf("read the queue: %w", err)
		}
		if left == 0 {
			break
		}
		if time.Since(drainStart) > o.DrainTimeout {
			return fmt.Errorf("%d submissions still not judged after %v", left, o.DrainTimeout)
		}
		time.Sleep(time.Second)
	}
	drained := time.Since(drainStart)
	// Every accepted submission is stored, judged, with its own verdict.
	lost, wrongVerdict := 0, 0
	var waits []time.Duration
	accepted.Range(func(k, v any) bool {
		var verdict, created, started string
		err := db.QueryRowContext(ctx, `SELECT verdict, created_at, COALESCE(started_at, '') FROM submissions WHERE id = ? AND state = 'done'`, k).
			Scan(&verdict, &created, &started)
		if err != nil {
			lost++
			return true
		}
		if api.Verdict(verdict) != v.(api.Verdict) {
			wrongVerdict++
		}
		c, err1 := time.Parse(time.RFC3339Nano, created)
		s, err2 := time.Parse(time.RFC3339Nano, started)
		if err1 == nil && err2 == nil {
			waits = append(waits, s.Sub(c))
		}
		return true
	})
	var stored int
	db.QueryRowContext(ctx, `SELECT COUNT(*) FROM submissions`).Scan(&stored)

	fmt.Fprintf(out, "judge load test: %d users for %v on loopback, each polling about every %v and submitting about every %v\n",
		o.Users, elapsed.Round(time.Second), o.PollEvery, o.SubmitEvery)
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "request\tcount\tper s\tp50\tp99\tmax\tanswers\ttransport errors\t")
	kinds := []string{"problems", "history", "status", "submit"}
	total := 0
	for _, k := range kinds {
		lat := stats.lat[k]
		total += len(lat) + stats.errors[k]
		var codes []string
		for code, n := range stats.statuses[k] {
			name := strconv.Itoa(code)
			if code == 0 {
				name = "ok"
			}
			codes = append(codes, fmt.Sprintf("%s:%d", name, n))
		}
		slices.Sort(codes)
		fmt.Fprintf(tw, "%s\t%d\t%.0f\t%s\t%s\t%s\t%s\t%d\t\n", k, len(lat), float64(len(lat))/elapsed.Seconds(),
			pct(lat, 50), pct(lat, 99), pct(lat, 100), strings.Join(codes, " "), stats.errors[k])
	}
	tw.Flush()
	fmt.Fprintf(out, "all requests: %d, %.0f/s\n", total, float64(total)/elapsed.Seconds())
	fmt.Fprintf(out, "/healthz idle:        p50 %s  p99 %s  max %s  (%d probes)\n", pct(idle, 50), pct(idle, 99), pct(idle, 100), len(idle))
	fmt.Fprintf(out, "/healthz under load:  p50 %s  p99 %s  max %s  (%d probes, %d failed); p99 %.1fx idle\n",
		pct(loaded, 50), pct(loaded, 99), pct(loaded, 100), len(loaded), healthFailed, ratio(loaded, idle, 99))
	overs := func(ls []time.Duration) int {
		n := 0
		for _, l := range ls {
			if l >= healthzTarget {
				n++
			}
		}
		return n
	}
	over := overs(loaded)
	fmt.Fprintf(out, "control /healthz (a bare server in the prober's process, nothing behind it): idle p99 %s max %s; under load p50 %s p99 %s max %s, %d of %d over %v\n",
		pct(idleC.lat, 99), pct(idleC.lat, 100), pct(loadedC.lat, 50), pct(loadedC.lat, 99), pct(loadedC.lat, 100),
		overs(loadedC.lat), len(loadedC.lat), healthzTarget)
	fmt.Fprintf(out, "submissions: %d accepted (202), %d lost, %d with a wrong verdict; %d stored in all (the rest were cut off by the end of the load before their answer); queue drained %v after the load\n",
		nAccepted.Load(), lost, wrongVerdict, stored, drained.Round(time.Second))
	fmt.Fprintf(out, "queue wait (stored to taken by a worker): p50 %s  p99 %s  max %s\n", pct(waits, 50), pct(waits, 99), pct(waits, 100))
	core := func(d time.Duration) string { return fmt.Sprintf("%.2f cores", d.Seconds()/elapsed.Seconds()) }
	fmt.Fprintf(out, "CPU during the load (of %d): machine %s, daemon %s, its Podman service %s, simulated users %s (at nice %d)\n",
		runtime.NumCPU(), core(cpu1.total-cpu0.total), core(daemon1-daemon0), core(cpu1.podman-cpu0.podman), core(cpu1.judge-cpu0.judge), usersNice)
	fmt.Fprintf(out, "daemon memory: peak RSS %d MiB during the load (%d MiB sampled)\n", loadPeak>>10, peakRSS.Load()>>10)
	if on, known := autogroups(); known {
		prio := podman.SandboxCgroupCPU()
		if prio == "" {
			prio = "none (the containers are ordered after the daemon by nice values only)"
		}
		enabled := 0
		if on {
			enabled = 1
		}
		fmt.Fprintf(out, "host: kernel.sched_autogroup_enabled=%d; the containers' cgroup %s: %s\n", enabled, podman.SandboxCgroup, prio)
	}
	fmt.Fprintf(out, "target /healthz under %v throughout: %s (%d of %d probes over, none failed: %t)\n",
		healthzTarget, met(over == 0 && healthFailed == 0), over, len(loaded), healthFailed == 0)
	fmt.Fprintf(out, "target nothing lost: %s\n", met(lost == 0 && wrongVerdict == 0 && int64(stored) >= nAccepted.Load()))
	if bk == nil {
		return nil
	}
	<-bk.done
	db.Close()
	// The restored database gets a daemon of its own, at the first one's
	// nice value (the simulated users' is not for daemons).
	bk.nice = niceOf(d.cmd.Process.Pid)
	d.stop()
	if !bk.check(ctx, f, o, dir, start, d) {
		return silentExit(exitNotAccepted)
	}
	return nil
}

// twoSumPython returns the bundled Python solution of two-sum and its
// known-wrong one (Wrong Answer), which the load benchmarks submit.
func twoSumPython(ps []*problems.Problem) (right, wrong string) {
	for _, p := range ps {
		if p.Slug != "two-sum" {
			continue
		}
		for _, s := range p.Solutions {
			if s.Ext == "py" {
				right = s.Code
			}
		}
		for _, s := range p.Wrong {
			if s.Ext == "py" && s.Verdict == string(api.WrongAnswer) {
				wrong = s.Code
			}
		}
	}
	return right, wrong
}

// met says whether a target was met.
func met(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT met"
}

// pct returns the p-th percentile of ds, rounded for printing.
func pct(ds []time.Duration, p int) string {
	if len(ds) == 0 {
		return "-"
	}
	return percentile(ds, p).Round(100 * time.Microsecond).String()
}

// ratio is a's p-th percentile over b's.
func ratio(a, b []time.Duration, p int) float64 {
	if y := percentile(b, p); y > 0 {
		return float64(percentile(a, p)) / float64(y)
	}
	return 0
}

// loadBackup is the backup that `judge bench load --backup` takes in the
// middle of the load, and what it needs to check it afterwards.
type loadBackup struct {
	file string
	done chan struct{} // closed once the backup ended

	mu   sync.Mutex
	acks []loadAck
	reqs []loadReq

	// Set by take: when it began, when the download ended, when the
	// checked file was in place.
	began, downloaded, ended time.Time
	res                      *backupResult
	err                      error

	// nice is the daemons' nice value.
	nice int
}

// loadAck is a submission the daemon acknowledged (202).
type loadAck struct {
	id   int64
	user string
	want api.Verdict
	at   time.Time
}

// loadReq is a simulated user's request: when it was sent, how long it took.
type loadReq struct {
	start time.Time
	took  time.Duration
}

func (b *loadBackup) ack(a loadAck) {
	b.mu.Lock()
	b.acks = append(b.acks, a)
	b.mu.Unlock()
}

func (b *loadBackup) request(start time.Time, took time.Duration) {
	b.mu.Lock()
	b.reqs = append(b.reqs, loadReq{start, took})
	b.mu.Unlock()
}

// take waits until at, then takes the backup as `judge backup FILE` does:
// through the daemon's API, checked, renamed into place.
func (b *loadBackup) take(ctx context.Context, admin *client.Client, at time.Time) {
	defer close(b.done)
	select {
	case <-ctx.Done():
		b.err = ctx.Err()
		return
	case <-time.After(time.Until(at)):
	}
	download := fromDaemon(admin)
	b.began = time.Now()
	b.res, b.err = writeBackup(ctx, b.file, func(ctx context.Context, tmp *os.File) (*api.BackupInfo, error) {
		info, err := download(ctx, tmp)
		b.downloaded = time.Now()
		return info, err
	})
	b.ended = time.Now()
}

// check restores the backup into a new data directory as `judge restore`
// does, checks that every submission acknowledged before the backup began
// is there with its problem, language and user, and starts a daemon on it
// that judges what was queued or running. It prints what it found and
// reports whether nothing was missing.
func (b *loadBackup) check(ctx context.Context, f *Factory, o loadOptions, dir string, loadStart time.Time, d *daemonProc) bool {
	out := f.IO.Out
	if b.err != nil {
		fmt.Fprintf(out, "backup: FAILED: %v\n", b.err)
		fmt.Fprintln(out, "target a backup during the load restores every submission stored before it: NOT met")
		return false
	}
	r := b.res
	fmt.Fprintf(out, "backup at %v into the load, as `judge backup` takes it (GET /api/v1/admin/backup): %s, %d submissions (%d queued or running); snapshot %v, whole backup (snapshot, download, integrity_check) %v\n",
		b.began.Sub(loadStart).Round(100*time.Millisecond), sizeString(r.Size), r.Submissions, r.Pending,
		r.Snapshot.Round(time.Millisecond), r.Total.Round(time.Millisecond))
	// The daemon's part is the snapshot and the download; the check that
	// follows runs in this process, beside the simulated users.
	var during, checking, other []time.Duration
	for _, q := range b.reqs {
		switch end := q.start.Add(q.took); {
		case q.start.Before(b.downloaded) && end.After(b.began):
			during = append(during, q.took)
		case q.start.Before(b.ended) && end.After(b.downloaded):
			checking = append(checking, q.took)
		default:
			other = append(other, q.took)
		}
	}
	fmt.Fprintf(out, "requests while the daemon made and sent the backup (%v): %d, p50 %s p99 %s max %s; while this process checked it (%v): %d, p50 %s p99 %s max %s; the rest of the load: p50 %s p99 %s max %s\n",
		b.downloaded.Sub(b.began).Round(time.Millisecond), len(during), pct(during, 50), pct(during, 99), pct(during, 100),
		b.ended.Sub(b.downloaded).Round(time.Millisecond), len(checking), pct(checking, 50), pct(checking, 99), pct(checking, 100),
		pct(other, 50), pct(other, 99), pct(other, 100))

	data := filepath.Join(dir, "restored", "data")
	var log strings.Builder
	if err := restoreRun(ctx, &Factory{IO: IO{Out: &log, ErrOut: &log}}, restoreOptions{File: r.File, Data: data}); err != nil {
		fmt.Fprintf(out, "restore: FAILED: %v\n%s", err, log.String())
		return false
	}
	var before []loadAck
	for _, a := range b.acks {
		if a.at.Before(b.began) {
			before = append(before, a)
		}
	}
	missing, different, err := checkRestored(ctx, filepath.Join(data, dbFile), before)
	if err != nil {
		fmt.Fprintf(out, "restore: FAILED: %v\n", err)
		return false
	}
	fmt.Fprintf(out, "restored with `judge restore` into a new data directory: %d submissions acknowledged (202) before the backup began, %d of them there with their problem, language and user, %d missing, %d different\n",
		len(before), len(before)-missing-different, missing, different)
	judged, wrong, verdicts, took, err := judgeRestored(ctx, o, filepath.Join(dir, "restored"), d.data, b.nice, before)
	if err != nil {
		fmt.Fprintf(out, "daemon on the restored database: FAILED: %v\n", err)
		return false
	}
	fmt.Fprintf(out, "a daemon started on the restored database judged the %d submissions queued or running in the backup (%s), %v after its start; of the %d acknowledged before the backup, %d have another verdict than expected\n",
		judged, verdicts, took.Round(time.Second), len(before), wrong)
	ok := missing == 0 && different == 0
	fmt.Fprintf(out, "target a backup during the load restores every submission stored before it: %s\n", met(ok))
	return ok
}

// checkRestored counts the submissions of acks that the database at path
// does not hold, and those it holds with another problem, language or
// user than the load submitted.
func checkRestored(ctx context.Context, path string, acks []loadAck) (missing, different int, err error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return 0, 0, err
	}
	defer db.Close()
	for _, a := range acks {
		var problem, language, user string
		err := db.QueryRowContext(ctx, `SELECT s.problem, s.language, COALESCE(u.name, '') FROM submissions s
			LEFT JOIN users u ON u.id = s.user_id WHERE s.id = ?`, a.id).Scan(&problem, &language, &user)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			missing++
		case err != nil:
			return 0, 0, err
		case problem != "two-sum" || language != "python" || user != a.user:
			different++
		}
	}
	return missing, different, nil
}

// judgeRestored starts a daemon at nice value nice on the data directory
// dir/data (with the admin token of the data directory the backup came
// from) and waits until it has judged every submission; it returns how
// many were left to judge, how many of acks got another verdict than the
// load expected, the verdicts it gave, and how long the judging took.
func judgeRestored(ctx context.Context, o loadOptions, dir, fromData string, nice int, acks []loadAck) (judged, wrong int, verdicts string, took time.Duration, err error) {
	data := filepath.Join(dir, "data")
	token, err := os.ReadFile(filepath.Join(fromData, adminTokenFile))
	if err == nil {
		err = os.WriteFile(filepath.Join(data, adminTokenFile), token, 0o600)
	}
	if err != nil {
		return 0, 0, "", 0, err
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(data, dbFile)+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return 0, 0, "", 0, err
	}
	defer db.Close()
	ids, err := unjudged(ctx, db)
	if err != nil {
		return 0, 0, "", 0, err
	}
	// This process runs at the simulated users' nice value; the daemon
	// and its sandboxes must not inherit it.
	syscall.Setpriority(syscall.PRIO_PGRP, 0, nice)
	start := time.Now()
	d, err := startDaemonProc(ctx, dir, o)
	if err != nil {
		return 0, 0, "", 0, err
	}
	defer d.stop()
	for {
		left, err := unjudged(ctx, db)
		if err != nil {
			return 0, 0, "", 0, err
		}
		if len(left) == 0 {
			break
		}
		if time.Since(start) > o.DrainTimeout {
			return 0, 0, "", 0, fmt.Errorf("%d of %d submissions still not judged after %v", len(left), len(ids), o.DrainTimeout)
		}
		time.Sleep(time.Second)
	}
	took = time.Since(start)
	count := map[string]int{}
	for _, id := range ids {
		count[verdictOf(ctx, db, id)]++
	}
	var names []string
	for v, n := range count {
		names = append(names, fmt.Sprintf("%s %d", v, n))
	}
	slices.Sort(names)
	for _, a := range acks {
		if api.Verdict(verdictOf(ctx, db, a.id)) != a.want {
			wrong++
		}
	}
	return len(ids), wrong, strings.Join(names, ", "), took, nil
}

// unjudged lists the submissions not judged yet.
func unjudged(ctx context.Context, db *sql.DB) ([]int64, error) {
	rows, err := db.QueryContext(ctx, `SELECT id FROM submissions WHERE state != 'done'`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// verdictOf returns submission id's verdict, or "" if it has none.
func verdictOf(ctx context.Context, db *sql.DB, id int64) string {
	var v string
	db.QueryRowContext(ctx, `SELECT verdict FROM submissions WHERE id = ?`, id).Scan(&v)
	return v
}

// niceOf returns the nice value of process pid (0 if unknown).
func niceOf(pid int) int {
	// The system call returns 20 - nice.
	prio, err := syscall.Getpriority(syscall.PRIO_PROCESS, pid)
	if err != nil {
		return 0
	}
	return 20 - prio
}
