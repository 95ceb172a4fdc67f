package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/judgehq/judge/examples"
	"github.com/judgehq/judge/judge"
	"github.com/judgehq/judge/judge/store"
	"github.com/judgehq/judge/problems"
	"github.com/judgehq/judge/runtimes"
	"github.com/judgehq/judge/runtimes/podman"
)

func newServeCmd(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the judge daemon",
		Long: `Run the judge daemon: the HTTP API, the SQLite state and the workers that
judge each submission in a fresh rootless Podman container.

Settings come from flags, then JUDGE_* environment variables (JUDGE_LISTEN,
JUDGE_RATE_LIMITS_SUBMIT_EVERY, ...), then the --config file (YAML; see
examples/serve.yaml), then the defaults.

On its first start the daemon creates an admin user and writes its token to
DATA/admin-token; log in with it: judge login --token-file DATA/admin-token.

Runs go to the local Podman service unless --runner names others: Podman
API endpoints (unix://, tcp:// or ssh://), each with its capacity, the runs it
takes at once (URI=N; 2 if not given). If no Podman service answers on the
default socket, the daemon starts one of its own. Each runner keeps --warm
containers started per language, so that a run does not wait for its
container to start; each container serves one run only.

Build the runtime images first with 'judge runtimes build' (with --podman on
every runner host).`,
		Example: `  judge serve
  judge serve --config /etc/judge/serve.yaml
  judge serve --listen 0.0.0.0:7070 --data /var/lib/judge --workers 4
  judge serve --problems ./my-problems --rate-submits-per-minute 10
  judge serve --runner unix:///run/podman/podman.sock=2 --runner ssh://judge@runner2/run/user/1001/podman/podman.sock=8`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := loadServeConfig(cmd.Flags())
			if err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			return serve(cmd.Context(), f, cfg)
		},
	}
	fl := cmd.Flags()
	fl.String("config", "", "daemon config file (YAML, see examples/serve.yaml)")
	fl.String("listen", "127.0.0.1:7070", "address to serve the API on")
	fl.String("data", defaultData(), "directory of the SQLite database")
	fl.String("problems", "", "directory of problem folders (default: the bundled problem set)")
	fl.Int("workers", 0, "submissions judged at once (default: the runners' capacity, 2 for the local runner)")
	fl.StringArray("runner", nil, "Podman endpoint URI[=capacity] to run submissions on; repeat for several (default: the local socket, or a service of our own)")
	fl.Int("warm", 2, "containers kept started per language and runner (0: start each with its run)")
	fl.String("oci-runtime", "", "OCI runtime for sandboxes: runc or crun (default: one that works here)")
	fl.String("log-level", "info", "debug, info, warn or error")
	fl.String("log-format", "text", "text or json")
	fl.String("admin", "admin", "name of the admin user created on the first start")
	fl.Duration("drain", 10*time.Second, "on stop, how long running submissions may finish before they go back to the queue")
	d, r := judge.DefaultLimits(), judge.DefaultRateLimits()
	fl.Duration("rate-run-every", r.RunEvery, "a user may run once per this period (0: no limit)")
	fl.Duration("rate-submit-every", r.SubmitEvery, "a user may submit once per this period (0: no limit)")
	fl.Int("rate-submits-per-minute", r.SubmitsPerMinute, "a user may submit this many times a minute (0: no limit)")
	fl.Bool("rate-admins", r.Admins, "apply the rate limits to admins too")
	fl.Int("max-code-bytes", d.MaxCodeBytes, "largest code accepted in a submission or draft")
	fl.Int64("max-body-bytes", d.MaxBodyBytes, "largest request body accepted")
	return cmd
}

// serveConfig is the daemon's configuration: flags over JUDGE_* environment
// over the config file over defaults.
type serveConfig struct {
	Listen     string           `mapstructure:"listen"`
	Data       string           `mapstructure:"data"`
	Problems   string           `mapstructure:"problems"`
	Workers    int              `mapstructure:"workers"`
	Runners    []string         `mapstructure:"runners"`
	Warm       int              `mapstructure:"warm"`
	OCIRuntime string           `mapstructure:"oci_runtime"`
	LogLevel   string           `mapstructure:"log_level"`
	LogFormat  string           `mapstructure:"log_format"`
	Admin      string           `mapstructure:"admin"`
	Drain      time.Duration    `mapstructure:"drain"`
	Limits     judge.Limits     `mapstructure:"limits"`
	RateLimits judge.RateLimits `mapstructure:"rate_limits"`

	// Ready, if set, learns the daemon's address, runner hosts, workers
	// and the data directory once it serves.
	Ready func(addr string, hosts []podman.HostInfo, workers int) `mapstructure:"-"`
	// Listener, if set, is where the API is served instead of Listen.
	Listener net.Listener `mapstructure:"-"`
}

// serveKeys maps flags to config keys.
var serveKeys = map[string]string{
	"listen": "listen", "data": "data", "problems": "problems", "workers": "workers", "runner": "runners",
	"warm": "warm", "oci-runtime": "oci_runtime", "log-level": "log_level", "log-format": "log_format",
	"admin": "admin", "drain": "drain",
	"rate-run-every": "rate_limits.run_every", "rate-submit-every": "rate_limits.submit_every",
	"rate-submits-per-minute": "rate_limits.submits_per_minute", "rate-admins": "rate_limits.admins",
	"max-code-bytes": "limits.max_code_bytes", "max-body-bytes": "limits.max_body_bytes",
}

func loadServeConfig(fl *pflag.FlagSet) (serveConfig, error) {
	v := viper.New()
	v.SetEnvPrefix("JUDGE")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_", "-", "_"))
	v.AutomaticEnv()
	d := judge.DefaultLimits()
	v.SetDefault("limits.max_wait", d.MaxWait)
	v.SetDefault("limits.max_custom_tests", d.MaxCustomTests)
	v.SetDefault("limits.max_per_page", d.MaxPerPage)
	for flag, key := range serveKeys {
		if err := v.BindPFlag(key, fl.Lookup(flag)); err != nil {
			return serveConfig{}, err
		}
	}
	if path, _ := fl.GetString("config"); path != "" {
		v.SetConfigFile(path)
		v.SetConfigType("yaml")
		if err := v.ReadInConfig(); err != nil {
			return serveConfig{}, fmt.Errorf("config %s: %w", path, err)
		}
	}
	var c serveConfig
	if err := v.Unmarshal(&c); err != nil {
		return c, fmt.Errorf("config: %w", err)
	}
	return c, c.validate()
}

// validate names the first setting that cannot work.
func (c serveConfig) validate() error {
	var level slog.Level
	switch {
	case level.UnmarshalText([]byte(c.LogLevel)) != nil:
		return fmt.Errorf("log_level %q: want debug, info, warn or error", c.LogLevel)
	case c.LogFormat != "text" && c.LogFormat != "json":
		return fmt.Errorf("log_format %q: want text or json", c.LogFormat)
	case c.Listen == "":
		return errors.New("listen is empty: give an address such as 127.0.0.1:7070")
	case c.Data == "":
		return errors.New("data is empty: give the directory of the database")
	case c.Workers < 0 || c.Warm < 0:
		return fmt.Errorf("workers %d, warm %d: want 0 or more", c.Workers, c.Warm)
	case c.RateLimits.RunEvery < 0 || c.RateLimits.SubmitEvery < 0 || c.RateLimits.SubmitsPerMinute < 0:
		return errors.New("rate_limits: want durations and counts of 0 (no limit) or more")
	case c.Limits.MaxCodeBytes < 0 || c.Limits.MaxBodyBytes < 0 || c.Limits.MaxWait < 0 ||
		c.Limits.MaxCustomTests < 0 || c.Limits.MaxPerPage < 0:
		return errors.New("limits: want sizes and counts of 0 (the default) or more")
	case c.Limits.MaxBodyBytes > 0 && c.Limits.MaxCodeBytes > 0 && int64(c.Limits.MaxCodeBytes) > c.Limits.MaxBodyBytes:
		return fmt.Errorf("limits.max_code_bytes %d is larger than limits.max_body_bytes %d", c.Limits.MaxCodeBytes, c.Limits.MaxBodyBytes)
	}
	for _, r := range c.Runners {
		if _, _, err := judge.ParseRunner(r, 2); err != nil {
			return fmt.Errorf("runners: %w", err)
		}
	}
	return nil
}

func loadProblems(dir string) ([]*problems.Problem, error) {
	var fsys fs.FS = examples.Problems
	root := "problems"
	if dir != "" {
		fsys, root = os.DirFS(dir), "."
	}
	ps, err := problems.LoadAll(fsys, root)
	if err != nil {
		return nil, fmt.Errorf("load problems: %w", err)
	}
	return ps, nil
}

// adminTokenFile is where the first start leaves the admin's token, in the
// data directory.
const adminTokenFile = "admin-token"

func serve(ctx context.Context, f *Factory, o serveConfig) error {
	if err := o.validate(); err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	var level slog.Level
	level.UnmarshalText([]byte(o.LogLevel))
	hopts := &slog.HandlerOptions{Level: level}
	var log *slog.Logger
	if o.LogFormat == "json" {
		log = slog.New(slog.NewJSONHandler(f.IO.ErrOut, hopts))
	} else {
		log = slog.New(slog.NewTextHandler(f.IO.ErrOut, hopts))
	}

	ps, err := loadProblems(o.Problems)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(o.Data, 0o750); err != nil {
		return fmt.Errorf("create data directory: %w", err)
	}
	unlock, err := lockData(o.Data)
	if err != nil {
		return fmt.Errorf("%w\nStop the other daemon (or let the restore end), or give this one a data directory of its own (--data).", err)
	}
	defer unlock()
	dbPath := filepath.Join(o.Data, dbFile)
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := bootstrapAdmin(ctx, log, st, o); err != nil {
		return err
	}

	abs, _ := filepath.Abs(o.Data)
	sum := sha256.Sum256([]byte(abs))
	owner := hex.EncodeToString(sum[:8])
	rts := runtimes.NewSet(runtimes.Builtin())
	metrics := judge.NewMetrics(st.QueueDepth)
	runners, hosts, closeRunners, err := openRunners(ctx, log, o, owner, rts, metrics)
	if err != nil {
		return err
	}
	defer closeRunners()
	workers := o.Workers
	if workers <= 0 {
		workers = runners.Capacity()
	}

	contests, err := judge.LoadContests(ctx, st, log)
	if err != nil {
		return fmt.Errorf("load contests: %w", err)
	}
	grader := &judge.Grader{Sandbox: runners, Runtimes: rts}
	queue := judge.NewQueue(judge.QueueOptions{
		Store: st, Grader: grader, Problems: ps, Workers: workers, Logger: log, Metrics: metrics, Drain: o.Drain,
		Contests: contests,
	})
	srv := judge.NewServer(judge.ServerOptions{Store: st, Queue: queue, Problems: ps, Runtimes: rts, Logger: log,
		Limits: o.Limits, RateLimits: o.RateLimits, Metrics: metrics})

	ln := o.Listener
	if ln == nil {
		if ln, err = net.Listen("tcp", o.Listen); err != nil {
			return fmt.Errorf("listen: %w", err)
		}
	}
	httpSrv := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second}
	qctx, stopQueue := context.WithCancel(context.WithoutCancel(ctx))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := queue.Run(qctx); err != nil {
			log.Error("queue", "err", err)
		}
	}()
	serveErr := make(chan error, 1)
	go func() { serveErr <- httpSrv.Serve(ln) }()
	addr := "http://" + ln.Addr().String()
	if ln.Addr().Network() == "unix" {
		addr = "unix://" + ln.Addr().String()
	}
	log.Info("serving", "addr", addr, "database", dbPath, "problems", len(ps),
		"workers", workers)
	if o.Ready != nil {
		o.Ready(ln.Addr().String(), hosts, workers)
	}

	select {
	case <-ctx.Done():
		log.Info("shutting down", "drain", o.Drain)
	case err = <-serveErr:
	}
	// Workers take no more work and finish theirs within the drain period;
	// what is still running then goes back to the queue. Long polls end
	// with the HTTP server.
	stopQueue()
	sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	httpSrv.Shutdown(sctx)
	wg.Wait()
	log.Info("runs per runner", "runs", runners.Runs())
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// bootstrapAdmin creates the first admin when there is none and leaves its
// token in the data directory, readable by the daemon's user only.
func bootstrapAdmin(ctx context.Context, log *slog.Logger, st *store.Store, o serveConfig) error {
	token, err := judge.Bootstrap(ctx, st, o.Admin)
	if err != nil || token == "" {
		return err
	}
	path := filepath.Join(o.Data, adminTokenFile)
	if err := os.WriteFile(path, []byte(token+"\n"), 0o600); err != nil {
		return fmt.Errorf("write the admin token: %w", err)
	}
	log.Info("created the admin user; its token is in the token file (delete the file once saved)",
		"user", o.Admin, "token_file", path, "hint", "judge login --server http://"+o.Listen+" --token-file "+path)
	return nil
}

// openRunners connects to every runner, removes what an earlier run of this
// daemon left there, and checks the images. The returned function removes
// the runners' containers and closes them.
func openRunners(ctx context.Context, log *slog.Logger, o serveConfig, owner string, rts runtimes.Set, m *judge.Metrics) (*judge.Runners, []podman.HostInfo, func(), error) {
	capacity := o.Workers
	if capacity <= 0 {
		capacity = 2
	}
	uris := o.Runners
	if len(uris) == 0 {
		uris = []string{""} // the local service, or one of our own
	}
	var list []judge.Runner
	var sandboxes []*podman.Sandbox
	var hosts []podman.HostInfo
	closeAll := func() {
		for _, sb := range sandboxes {
			sb.Close()
		}
	}
	for _, spec := range uris {
		uri, cap := "", capacity
		if spec != "" {
			var err error
			if uri, cap, err = judge.ParseRunner(spec, 2); err != nil {
				closeAll()
				return nil, nil, nil, &exitError{code: exitUsage, err: err}
			}
		}
		sb, err := podman.New(ctx, podman.Options{
			URI: uri, Runtime: o.OCIRuntime, Logger: log, Owner: owner, Warm: o.Warm,
			Started: m.ContainerStarted,
		})
		if err != nil {
			closeAll()
			return nil, nil, nil, fmt.Errorf("%w\nRun `judge doctor` to check the host.", err)
		}
		sandboxes = append(sandboxes, sb)
		info := sb.Info()
		hosts = append(hosts, info)
		log.Info("runner", "uri", info.URI, "capacity", cap, "version", info.Version, "rootless", info.Rootless,
			"cgroups", info.CgroupVersion, "runtime", info.Runtime, "cgroup_limits", info.CgroupLimits, "cpu_priority", info.CPUPriority)
		if n, err := sb.Cleanup(ctx); err != nil {
			log.Warn("remove leftover containers", "runner", info.URI, "err", err)
		} else if n > 0 {
			log.Info("removed containers left by an earlier run", "runner", info.URI, "count", n)
		}
		for _, rt := range rts {
			st, err := sb.Image(ctx, rt)
			switch {
			case err != nil:
				log.Warn("check image", "runner", info.URI, "image", rt.ImageName(), "err", err)
			case !st.Present:
				log.Warn("runtime image missing; submissions in this language will fail until it is built",
					"runner", info.URI, "language", rt.Name, "hint", "judge runtimes build "+rt.Name)
			case !st.Current:
				log.Warn("runtime image is older than its recipe", "runner", info.URI, "language", rt.Name,
					"hint", "judge runtimes build "+rt.Name)
			}
		}
		list = append(list, judge.Runner{Name: info.URI, Sandbox: sb, Capacity: cap})
	}
	return judge.NewRunners(list...), hosts, closeAll, nil
}
