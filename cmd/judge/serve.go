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
	"sync"
	"time"

	"github.com/spf13/cobra"

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

Runs go to the local Podman service unless --runner names others: Podman
API endpoints (unix://, tcp:// or ssh://), each with its capacity, the runs it
takes at once (URI=N; 2 if not given). If no Podman service answers on the
default socket, the daemon starts one of its own. Each runner keeps --warm
containers started per language, so that a run does not wait for its
container to start; each container serves one run only.

Build the runtime images first with 'judge runtimes build' (with --podman on
every runner host).`,
		Example: `  judge serve
  judge serve --listen 0.0.0.0:7070 --data /var/lib/judge --workers 4
  judge serve --problems ./my-problems
  judge serve --runner unix:///run/podman/podman.sock=2 --runner ssh://judge@runner2/run/user/1001/podman/podman.sock=8`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c := f.Config
			return serve(cmd.Context(), f, serveOptions{
				Listen:   c.GetString("listen"),
				DataDir:  c.GetString("data"),
				Problems: c.GetString("problems"),
				Workers:  c.GetInt("workers"),
				Runners:  c.GetStringSlice("runner"),
				Warm:     c.GetInt("warm"),
				Runtime:  c.GetString("oci-runtime"),
				LogLevel: c.GetString("log-level"),
			})
		},
	}
	fl := cmd.Flags()
	fl.String("listen", "127.0.0.1:7070", "address to serve the API on")
	fl.String("data", filepath.Join(xdgDir("XDG_DATA_HOME", ".local/share"), "judge"), "directory of the SQLite database")
	fl.String("problems", "", "directory of problem folders (default: the bundled problem set)")
	fl.Int("workers", 0, "submissions judged at once (default: the runners' capacity, 2 for the local runner)")
	fl.StringArray("runner", nil, "Podman endpoint URI[=capacity] to run submissions on; repeat for several (default: the local socket, or a service of our own)")
	fl.Int("warm", 2, "containers kept started per language and runner (0: start each with its run)")
	fl.String("oci-runtime", "", "OCI runtime for sandboxes: runc or crun (default: one that works here)")
	fl.String("log-level", "info", "debug, info, warn or error")
	return cmd
}

type serveOptions struct {
	Listen, DataDir, Problems, Runtime, LogLevel string
	Runners                                      []string
	Workers, Warm                                int
	// Ready, if set, learns the daemon's address, runner hosts and
	// workers once it serves.
	Ready func(addr string, hosts []podman.HostInfo, workers int)
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

func serve(ctx context.Context, f *Factory, o serveOptions) error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(o.LogLevel)); err != nil {
		return &exitError{code: exitUsage, err: fmt.Errorf("--log-level %q: want debug, info, warn or error", o.LogLevel)}
	}
	log := slog.New(slog.NewTextHandler(f.IO.ErrOut, &slog.HandlerOptions{Level: level}))

	ps, err := loadProblems(o.Problems)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(o.DataDir, 0o750); err != nil {
		return fmt.Errorf("create data directory: %w", err)
	}
	dbPath := filepath.Join(o.DataDir, "judge.db")
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		return err
	}
	defer st.Close()

	abs, _ := filepath.Abs(o.DataDir)
	sum := sha256.Sum256([]byte(abs))
	owner := hex.EncodeToString(sum[:8])
	rts := runtimes.NewSet(runtimes.Builtin())
	runners, hosts, closeRunners, err := openRunners(ctx, log, o, owner, rts)
	if err != nil {
		return err
	}
	defer closeRunners()
	workers := o.Workers
	if workers <= 0 {
		workers = runners.Capacity()
	}

	grader := &judge.Grader{Sandbox: runners, Runtimes: rts}
	queue := judge.NewQueue(judge.QueueOptions{
		Store: st, Grader: grader, Problems: ps, Workers: workers, Logger: log,
	})
	srv := judge.NewServer(judge.ServerOptions{Store: st, Queue: queue, Problems: ps, Runtimes: rts, Logger: log})

	ln, err := net.Listen("tcp", o.Listen)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	httpSrv := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second}
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
	log.Info("serving", "addr", "http://"+ln.Addr().String(), "database", dbPath, "problems", len(ps),
		"workers", workers)
	if o.Ready != nil {
		o.Ready(ln.Addr().String(), hosts, workers)
	}

	select {
	case <-ctx.Done():
		log.Info("shutting down")
	case err = <-serveErr:
	}
	sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	httpSrv.Shutdown(sctx)
	stopQueue() // in-flight submissions go back to the queue
	wg.Wait()
	log.Info("runs per runner", "runs", runners.Runs())
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// openRunners connects to every runner, removes what an earlier run of this
// daemon left there, and checks the images. The returned function removes
// the runners' containers and closes them.
func openRunners(ctx context.Context, log *slog.Logger, o serveOptions, owner string, rts runtimes.Set) (*judge.Runners, []podman.HostInfo, func(), error) {
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
			URI: uri, Runtime: o.Runtime, Logger: log, Owner: owner, Warm: o.Warm,
		})
		if err != nil {
			closeAll()
			return nil, nil, nil, fmt.Errorf("%w\nRun `judge doctor` to check the host.", err)
		}
		sandboxes = append(sandboxes, sb)
		info := sb.Info()
		hosts = append(hosts, info)
		log.Info("runner", "uri", info.URI, "capacity", cap, "version", info.Version, "rootless", info.Rootless,
			"cgroups", info.CgroupVersion, "runtime", info.Runtime, "cgroup_limits", info.CgroupLimits)
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
