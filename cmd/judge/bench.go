package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/judgehq/judge/examples"
	"github.com/judgehq/judge/judge"
	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/client"
	"github.com/judgehq/judge/problems"
	"github.com/judgehq/judge/runtimes"
	"github.com/judgehq/judge/runtimes/local"
	"github.com/judgehq/judge/runtimes/podman"
)

// goJudgePythonRate is what go-judge reaches running a single Python
// process on our 2-core build machine, in runs per second; the throughput
// target is 0.3 times that.
const goJudgePythonRate = 90.0

type benchOptions struct {
	Languages []string
	Tests     int
	Runs      int
	Burst     int
	Workers   int
	Warm      int
	Runners   []string
	Runtime   string
	LogLevel  string
}

func newBenchCmd(f *Factory) *cobra.Command {
	var o benchOptions
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure submit-to-verdict latency and throughput against the bare floor",
		Long: `Measure the judge on this machine, in one run, for a two-sum solution with
--tests test cases in each language:

  bare floor   the same harness and solution run directly on the host, with
               the sandbox's PATH (the language's compiler or interpreter
               from the distribution's packages must be installed here),
               one at a time, then --workers at a time;
  latency      submit-to-verdict through a daemon started for the purpose
               (HTTP, SQLite, queue, a fresh Podman container), one at a
               time when the daemon is idle: p50, p95, p99;
  throughput   --burst submissions at once, each in a fresh container, from
               the first submit to the last verdict.

It prints the ratios to the floor measured in the same run, and the Python
throughput against the target of 0.3 times go-judge's single-process Python
run rate on the build machine (about 90 runs/s).`,
		Example: `  judge bench
  judge bench --languages python --runs 50 --burst 200
  judge bench --runner unix:///run/podman/podman.sock=2 --runner tcp://10.0.0.2:8888=2`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return bench(cmd.Context(), f, o)
		},
	}
	fl := cmd.Flags()
	fl.StringSliceVar(&o.Languages, "languages", []string{"python", "cpp"}, "languages to measure")
	fl.IntVar(&o.Tests, "tests", 50, "test cases per submission")
	fl.IntVar(&o.Runs, "runs", 30, "submissions, one at a time, for the latency percentiles")
	fl.IntVar(&o.Burst, "burst", 100, "submissions sent at once for the throughput")
	fl.IntVar(&o.Workers, "workers", 0, "the daemon's --workers (default: its runners' capacity)")
	fl.IntVar(&o.Warm, "warm", 2, "the daemon's --warm")
	fl.StringArrayVar(&o.Runners, "runner", nil, "the daemon's --runner, repeatable")
	fl.StringVar(&o.Runtime, "oci-runtime", "", "the daemon's --oci-runtime")
	fl.StringVar(&o.LogLevel, "log-level", "warn", "the daemon's --log-level")
	cmd.AddCommand(newBenchLoadCmd(f), newBenchProbeCmd(f), newBenchLeaderboardCmd(f))
	return cmd
}

// benchResult is one language's figures.
type benchResult struct {
	Language string
	// Floor is the bare run's latencies; FloorRate its runs per second
	// with as many at once as the daemon has workers.
	Floor     []time.Duration
	FloorRate float64
	// Latency is submit to final verdict, one submission at a time.
	Latency []time.Duration
	// Rate is submissions per second of a burst.
	Rate  float64
	Burst int
	// CPU is the machine's CPU time per submission during the burst, and
	// the part of it spent by the Podman services and by this process.
	CPU, PodmanCPU, JudgeCPU time.Duration
}

func bench(ctx context.Context, f *Factory, o benchOptions) error {
	out := f.IO.Out
	rts := runtimes.NewSet(runtimes.Builtin())
	for _, l := range o.Languages {
		if _, ok := rts[l]; !ok {
			return &exitError{code: exitUsage, err: fmt.Errorf("unknown language %q; known: %s", l, strings.Join(rts.Names(), ", "))}
		}
	}
	if o.Tests < 1 || o.Runs < 1 || o.Burst < 1 {
		return &exitError{code: exitUsage, err: errors.New("--tests, --runs and --burst must be at least 1")}
	}
	dir, err := os.MkdirTemp("", "judge-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	p, err := benchProblem(filepath.Join(dir, "problems"), o.Tests)
	if err != nil {
		return err
	}
	codes := map[string]string{}
	for _, l := range o.Languages {
		for _, s := range p.Solutions {
			if s.Verdict == "AC" && rts[l] != nil && slices.Contains(rts[l].Extensions, s.Ext) {
				codes[l] = s.Code
			}
		}
		if codes[l] == "" {
			return fmt.Errorf("two-sum has no %s reference solution", l)
		}
	}

	// The daemon, on loopback, with a database of its own.
	dctx, stopDaemon := context.WithCancel(context.WithoutCancel(ctx))
	defer stopDaemon()
	type started struct {
		addr    string
		hosts   []podman.HostInfo
		workers int
	}
	ready := make(chan started, 1)
	served := make(chan error, 1)
	go func() {
		served <- serve(dctx, &Factory{IO: IO{In: strings.NewReader(""), Out: io.Discard, ErrOut: f.IO.ErrOut}, Config: f.Config},
			serveConfig{
				Listen: "127.0.0.1:0", Data: filepath.Join(dir, "data"), Problems: filepath.Join(dir, "problems"),
				OCIRuntime: o.Runtime, LogLevel: o.LogLevel, LogFormat: "text", Admin: "admin",
				Runners: o.Runners, Workers: o.Workers, Warm: o.Warm,
				Ready: func(addr string, hosts []podman.HostInfo, workers int) { ready <- started{addr, hosts, workers} },
			})
	}()
	var d started
	select {
	case d = <-ready:
	case err := <-served:
		return fmt.Errorf("start the daemon: %w", err)
	}
	defer func() {
		stopDaemon()
		<-served
	}()
	token, err := os.ReadFile(filepath.Join(dir, "data", adminTokenFile))
	if err != nil {
		return fmt.Errorf("the daemon's admin token: %w", err)
	}
	c := client.New("http://"+d.addr, strings.TrimSpace(string(token)))
	workers := d.workers
	printMachine(out, d.hosts, workers, o)
	var results []*benchResult
	for _, l := range o.Languages {
		r := &benchResult{Language: l, Burst: o.Burst}
		fmt.Fprintf(f.IO.ErrOut, "%s: bare floor...\n", l)
		if r.Floor, r.FloorRate, err = benchFloor(ctx, rts, p, l, codes[l], o.Runs, workers); err != nil {
			return err
		}
		fmt.Fprintf(f.IO.ErrOut, "%s: latency...\n", l)
		if r.Latency, err = benchLatency(ctx, c, l, codes[l], o.Runs); err != nil {
			return err
		}
		fmt.Fprintf(f.IO.ErrOut, "%s: throughput...\n", l)
		before := readCPU()
		if r.Rate, err = benchBurst(ctx, c, l, codes[l], o.Burst); err != nil {
			return err
		}
		after := readCPU()
		n := time.Duration(o.Burst)
		r.CPU, r.PodmanCPU, r.JudgeCPU = (after.total-before.total)/n, (after.podman-before.podman)/n, (after.judge-before.judge)/n
		results = append(results, r)
	}
	printBench(out, results, o)
	return nil
}

// benchProblem writes two-sum with n generated tests to dir and loads it.
func benchProblem(dir string, n int) (*problems.Problem, error) {
	sub, err := fs.Sub(examples.Problems, "problems/two-sum")
	if err != nil {
		return nil, err
	}
	pdir := filepath.Join(dir, "two-sum")
	if err := os.CopyFS(pdir, sub); err != nil {
		return nil, err
	}
	tests := filepath.Join(pdir, "tests")
	if err := os.RemoveAll(tests); err != nil {
		return nil, err
	}
	os.Mkdir(tests, 0o755)
	// Arrays of 2 to 300 distinct numbers, as in the bundled problem's
	// tests, whose only pair adding up to the target is at two random
	// places.
	rng := rand.New(rand.NewPCG(1, 2))
	type input struct {
		Nums   []int `json:"nums"`
		Target int   `json:"target"`
	}
	type tc struct {
		Input  input `json:"input"`
		Output []int `json:"output"`
		Sample bool  `json:"sample,omitempty"`
	}
	var cases []tc
	for range n {
		nums := make([]int, 2+rng.IntN(299))
		for i := range nums {
			nums[i] = 4*i + 1 // odd: no two add up to the (even) target
		}
		rng.Shuffle(len(nums), func(i, j int) { nums[i], nums[j] = nums[j], nums[i] })
		i := rng.IntN(len(nums) - 1)
		j := i + 1 + rng.IntN(len(nums)-i-1)
		nums[i], nums[j] = 2*rng.IntN(1000), 2*rng.IntN(1000)+1_000_000
		cases = append(cases, tc{input{nums, nums[i] + nums[j]}, []int{i, j}, len(cases) == 0})
	}
	b, _ := json.Marshal(cases)
	if err := os.WriteFile(filepath.Join(tests, "bench.json"), b, 0o644); err != nil {
		return nil, err
	}
	ps, err := problems.LoadAll(os.DirFS(dir), ".")
	if err != nil {
		return nil, err
	}
	return ps[0], nil
}

// benchFloor grades code directly on the host: runs times one at a time,
// then runs*workers times, workers at once.
func benchFloor(ctx context.Context, rts runtimes.Set, p *problems.Problem, lang, code string, runs, workers int) ([]time.Duration, float64, error) {
	g := &judge.Grader{Sandbox: local.Runner{Clean: true}, Runtimes: rts}
	req := judge.GradeRequest{Problem: p, Language: lang, Code: code, Tests: p.Tests}
	grade := func() error {
		res, err := g.Grade(ctx, req)
		if err != nil {
			return fmt.Errorf("bare floor (%s): %w", lang, err)
		}
		if res.Verdict != api.Accepted {
			return fmt.Errorf("bare floor (%s): %s: %s\nIs the language's toolchain installed on the host? `make bench` installs it.",
				lang, res.Verdict, res.Message)
		}
		return nil
	}
	if err := grade(); err != nil { // warm the caches
		return nil, 0, err
	}
	var lat []time.Duration
	for range runs {
		start := time.Now()
		if err := grade(); err != nil {
			return nil, 0, err
		}
		lat = append(lat, time.Since(start))
	}
	n := runs * workers
	start := time.Now()
	err := parallel(workers, n, func(int) error { return grade() })
	return lat, float64(n) / time.Since(start).Seconds(), err
}

// parallel calls fn(0..n-1) from k goroutines and returns the first error.
func parallel(k, n int, fn func(i int) error) error {
	var g errgroup.Group
	g.SetLimit(k)
	for i := range n {
		g.Go(func() error { return fn(i) })
	}
	return g.Wait()
}

// submitAndWait submits code and waits for its final verdict, which must be
// Accepted.
func submitAndWait(ctx context.Context, c *client.Client, lang, code string) error {
	sub, err := c.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: lang, Code: code})
	if err != nil {
		return err
	}
	return waitAccepted(ctx, c, sub.ID)
}

func waitAccepted(ctx context.Context, c *client.Client, id int64) error {
	s, err := c.WaitVerdict(ctx, id)
	if err != nil {
		return err
	}
	if s.Result == nil || s.Result.Verdict != api.Accepted {
		return fmt.Errorf("submission %d: %+v, want Accepted", id, s.Result)
	}
	return nil
}

// benchLatency measures submit to verdict, one submission at a time, after
// three that warm the daemon up.
func benchLatency(ctx context.Context, c *client.Client, lang, code string, runs int) ([]time.Duration, error) {
	var lat []time.Duration
	for i := range runs + 3 {
		start := time.Now()
		if err := submitAndWait(ctx, c, lang, code); err != nil {
			return nil, fmt.Errorf("latency (%s): %w", lang, err)
		}
		if i >= 3 {
			lat = append(lat, time.Since(start))
		}
		// An idle daemon: the last run's container removed and the
		// next one started, as between the submissions of a user
		// practising.
		time.Sleep(time.Second)
	}
	return lat, nil
}

// benchBurst submits n at once and returns the submissions per second from
// the first submit to the last verdict.
func benchBurst(ctx context.Context, c *client.Client, lang, code string, n int) (float64, error) {
	start := time.Now()
	ids := make([]int64, n)
	err := parallel(8, n, func(i int) error {
		sub, err := c.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: lang, Code: code})
		if err == nil {
			ids[i] = sub.ID
		}
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("throughput (%s): %w", lang, err)
	}
	if err := parallel(8, n, func(i int) error { return waitAccepted(ctx, c, ids[i]) }); err != nil {
		return 0, fmt.Errorf("throughput (%s): %w", lang, err)
	}
	return float64(n) / time.Since(start).Seconds(), nil
}

func printMachine(w io.Writer, hosts []podman.HostInfo, workers int, o benchOptions) {
	model := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "model name"); ok {
				model = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), ":"))
				break
			}
		}
	}
	var uts []byte
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		uts = b
	}
	fmt.Fprintf(w, "machine    %d cores, %s, Linux %s\n", runtime.NumCPU(), model, strings.TrimSpace(string(uts)))
	for _, h := range hosts {
		mode := "rootful"
		if h.Rootless {
			mode = "rootless"
		}
		fmt.Fprintf(w, "runner     %s: Podman %s, %s, cgroups %s, %s, storage %s\n", h.URI, h.Version, mode,
			h.CgroupVersion, h.Runtime, h.StorageDriver)
	}
	fmt.Fprintf(w, "daemon     %d workers, %d warm containers per language, two-sum with %d tests, %d runs, bursts of %d\n\n",
		workers, o.Warm, o.Tests, o.Runs, o.Burst)
}

func printBench(w io.Writer, results []*benchResult, o benchOptions) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "language\tfloor p50\tp50\tp95\tp99\tp50 - floor\tfloor/s\tsubmissions/s\tratio to floor/s\t")
	for _, r := range results {
		f50 := percentile(r.Floor, 50)
		p50 := percentile(r.Latency, 50)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%.1f\t%.1f\t%.2f\t\n", r.Language, ms(f50), ms(p50),
			ms(percentile(r.Latency, 95)), ms(percentile(r.Latency, 99)), ms(p50-f50),
			r.FloorRate, r.Rate, r.Rate/r.FloorRate)
	}
	tw.Flush()
	fmt.Fprintln(w)
	fmt.Fprintln(w, "CPU time per submission during the burst (all cores):")
	for _, r := range results {
		fmt.Fprintf(w, "  %-8s %s: Podman services %s, judge daemon %s, the rest (conmon, runc, the containers' processes) %s\n",
			r.Language, ms(r.CPU), ms(r.PodmanCPU), ms(r.JudgeCPU), ms(r.CPU-r.PodmanCPU-r.JudgeCPU))
	}
	fmt.Fprintln(w)
	for _, r := range results {
		over := percentile(r.Latency, 50) - percentile(r.Floor, 50)
		switch r.Language {
		case "python":
			fmt.Fprintf(w, "target  python p50 at most 60 ms over the floor: %s over (%s)\n", ms(over), pass(over <= 60*time.Millisecond))
			target := 0.3 * goJudgePythonRate
			fmt.Fprintf(w, "target  python throughput at least %.0f/s (0.3 x go-judge's %.0f runs/s): %.1f/s, %.2f of it (%s)\n",
				target, goJudgePythonRate, r.Rate, r.Rate/target, pass(r.Rate >= target))
		case "cpp":
			p50 := percentile(r.Latency, 50)
			fmt.Fprintf(w, "target  cpp p50, compile included, at most 1.5 s: %s (%s)\n", ms(p50), pass(p50 <= 1500*time.Millisecond))
		}
	}
}

func pass(ok bool) string {
	if ok {
		return "met"
	}
	return "NOT met"
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%d ms", d.Round(time.Millisecond).Milliseconds())
}

// percentile returns the p-th percentile (nearest rank) of ds.
func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (p*len(s) + 99) / 100
	return s[max(i-1, 0)]
}

// procCPU is the CPU time process pid has used so far.
func procCPU(pid string) time.Duration {
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return 0
	}
	// Fields after the command name, which is in parentheses.
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseInt(f[11], 10, 64)
	k, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(u+k) * clockTick
}

// cpuTimes is CPU time used so far: by the whole machine, by the Podman
// API services running now, and by this process.
type cpuTimes struct{ total, podman, judge time.Duration }

// clockTick is the kernel's USER_HZ, 100 on every Linux we run on.
const clockTick = 10 * time.Millisecond

func readCPU() cpuTimes {
	var c cpuTimes
	if b, err := os.ReadFile("/proc/stat"); err == nil {
		line, _, _ := strings.Cut(string(b), "\n")
		f := strings.Fields(line)
		// user nice system idle iowait irq softirq steal: all but idle
		// and iowait.
		for i, v := range f[1:] {
			if i == 3 || i == 4 || i > 7 {
				continue
			}
			n, _ := strconv.ParseInt(v, 10, 64)
			c.total += time.Duration(n) * clockTick
		}
	}
	c.judge = procCPU(strconv.Itoa(os.Getpid()))
	dirs, _ := os.ReadDir("/proc")
	for _, d := range dirs {
		if _, err := strconv.Atoi(d.Name()); err != nil {
			continue
		}
		cmdline, _ := os.ReadFile("/proc/" + d.Name() + "/cmdline")
		if strings.Contains(string(cmdline), "\x00system\x00service\x00") {
			c.podman += procCPU(d.Name())
		}
	}
	return c
}
