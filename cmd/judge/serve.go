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

If no Podman service answers on the default socket, the daemon starts one of
its own. Build the runtime images first with 'judge runtimes build'.`,
		Example: `  judge serve
  judge serve --listen 0.0.0.0:7070 --data /var/lib/judge --workers 4
  judge serve --problems ./my-problems`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			c := f.Config
			return serve(cmd.Context(), f, serveOptions{
				Listen:   c.GetString("listen"),
				DataDir:  c.GetString("data"),
				Problems: c.GetString("problems"),
				Workers:  c.GetInt("workers"),
				Podman:   c.GetString("podman"),
				Runtime:  c.GetString("oci-runtime"),
				LogLevel: c.GetString("log-level"),
			})
		},
	}
	fl := cmd.Flags()
	fl.String("listen", "127.0.0.1:7070", "address to serve the API on")
	fl.String("data", filepath.Join(xdgDir("XDG_DATA_HOME", ".local/share"), "judge"), "directory of the SQLite database")
	fl.String("problems", "", "directory of problem folders (default: the bundled problem set)")
	fl.Int("workers", 2, "submissions judged at once")
	fl.String("podman", "", "Podman service URI (default: the local socket, or a service of our own)")
	fl.String("oci-runtime", "", "OCI runtime for sandboxes: runc or crun (default: one that works here)")
	fl.String("log-level", "info", "debug, info, warn or error")
	return cmd
}

type serveOptions struct {
	Listen, DataDir, Problems, Podman, Runtime, LogLevel string
	Workers                                              int
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
	owner := sha256.Sum256([]byte(abs))
	sb, err := podman.New(ctx, podman.Options{
		URI: o.Podman, Runtime: o.Runtime, Logger: log,
		Owner: hex.EncodeToString(owner[:8]),
	})
	if err != nil {
		return fmt.Errorf("%w\nRun `judge doctor` to check the host.", err)
	}
	defer sb.Close()
	info := sb.Info()
	log.Info("podman", "uri", info.URI, "version", info.Version, "rootless", info.Rootless,
		"cgroups", info.CgroupVersion, "runtime", info.Runtime, "cgroup_limits", info.CgroupLimits)
	if n, err := sb.Cleanup(ctx); err != nil {
		log.Warn("remove leftover containers", "err", err)
	} else if n > 0 {
		log.Info("removed containers left by an earlier run", "count", n)
	}
	rts := runtimes.NewSet(runtimes.Builtin())
	for _, rt := range rts {
		st, err := sb.Image(ctx, rt)
		switch {
		case err != nil:
			log.Warn("check image", "image", rt.ImageName(), "err", err)
		case !st.Present:
			log.Warn("runtime image missing; submissions in this language will fail until it is built",
				"language", rt.Name, "hint", "judge runtimes build "+rt.Name)
		case !st.Current:
			log.Warn("runtime image is older than its recipe", "language", rt.Name, "hint", "judge runtimes build "+rt.Name)
		}
	}

	grader := &judge.Grader{Sandbox: sb, Runtimes: rts}
	queue := judge.NewQueue(judge.QueueOptions{
		Store: st, Grader: grader, Problems: ps, Workers: o.Workers, Logger: log,
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
		"workers", o.Workers)

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
	if _, err := sb.Cleanup(sctx); err != nil {
		log.Warn("remove containers", "err", err)
	}
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
