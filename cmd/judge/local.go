package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/user"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"time"

	"github.com/judgehq/judge/judge/client"
	"github.com/judgehq/judge/runtimes/podman"
)

// The local judge: with no server configured, the client runs the daemon
// in-process on the bundled problems, with its database in the XDG data
// directory. It serves on a unix socket there, so that a second judge
// command started meanwhile (a `judge status` next to a `judge tui`) uses the
// same judge instead of opening the database twice. Submissions still queued
// when the command ends are judged the next time the local judge runs.

// localDir is the local judge's data directory.
func localDir() string {
	return filepath.Join(xdgDir("XDG_DATA_HOME", ".local/share"), "judge", "local")
}

// Client returns a client of the configured daemon or, with none configured,
// of the local judge, which it starts on the first call.
func (f *Factory) Client() (*client.Client, error) {
	if f.client != nil {
		return f.client, nil
	}
	if server := f.Config.GetString("server"); server != "" {
		f.client = client.New(server, f.Config.GetString("token"))
		return f.client, nil
	}
	c, err := f.startLocal()
	if err != nil {
		return nil, &exitError{code: exitUsage, err: fmt.Errorf("%w\n"+
			"With no server configured, judge runs a local judge, which needs Podman and the runtime images\n"+
			"(`judge doctor` checks them; `judge runtimes build` builds the images). To use a daemon instead:\n"+
			"judge login --server URL", err)}
	}
	f.client = c
	return c, nil
}

// Local reports whether commands talk to the local judge.
func (f *Factory) Local() bool { return f.Config.GetString("server") == "" }

// Close stops the local judge if this command started it.
func (f *Factory) Close() {
	if f.stopLocal != nil {
		f.stopLocal()
		f.stopLocal = nil
	}
}

func (f *Factory) startLocal() (*client.Client, error) {
	dir := localDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("local judge: %w", err)
	}
	sock := filepath.Join(dir, "judge.sock")
	lock, err := os.OpenFile(filepath.Join(dir, "lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("local judge: %w", err)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		lock.Close()
		return joinLocal(dir, sock)
	}
	stop, err := f.runLocal(dir, sock)
	if err != nil {
		lock.Close()
		return nil, err
	}
	f.stopLocal = func() {
		stop()
		lock.Close()
	}
	return localClient(dir, sock)
}

// runLocal starts the daemon on the socket sock and returns the function
// that stops it. Its log goes to judge.log in dir.
func (f *Factory) runLocal(dir, sock string) (func(), error) {
	os.Remove(sock) // left by a local judge that was killed; we hold the lock
	ln, err := net.Listen("unix", sock)
	if err != nil {
		return nil, fmt.Errorf("local judge: %w", err)
	}
	logPath := filepath.Join(dir, "judge.log")
	logf, err := os.OpenFile(logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		ln.Close()
		return nil, fmt.Errorf("local judge: %w", err)
	}
	fl := newServeCmd(f).Flags()
	for k, v := range map[string]string{
		"data": dir, "admin": localUser(), "warm": "0", "drain": "2s",
		"rate-run-every": "0", "rate-submit-every": "0", "rate-submits-per-minute": "0",
	} {
		fl.Set(k, v)
	}
	cfg, err := loadServeConfig(fl)
	if err != nil {
		ln.Close()
		logf.Close()
		return nil, fmt.Errorf("local judge: %w", err)
	}
	cfg.Listener = ln
	ready := make(chan struct{})
	cfg.Ready = func(string, []podman.HostInfo, int) { close(ready) }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, &Factory{IO: IO{ErrOut: logf}, Config: f.Config}, cfg) }()
	select {
	case <-ready:
	case err := <-done:
		cancel()
		ln.Close()
		logf.Close()
		if err == nil {
			err = errors.New("stopped at once")
		}
		return nil, fmt.Errorf("local judge: %w (log: %s)", err, logPath)
	}
	return func() {
		cancel()
		<-done
		logf.Close()
		os.Remove(sock)
	}, nil
}

// joinLocal connects to the local judge another judge command runs, waiting
// for it to come up if it is starting.
func joinLocal(dir, sock string) (*client.Client, error) {
	c, err := localClient(dir, sock)
	deadline := time.Now().Add(time.Minute)
	for {
		if err == nil {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			err = c.Health(ctx)
			cancel()
			if err == nil {
				return c, nil
			}
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("the local judge another judge command runs does not answer on %s: %w", sock, err)
		}
		time.Sleep(200 * time.Millisecond)
		c, err = localClient(dir, sock)
	}
}

func localClient(dir, sock string) (*client.Client, error) {
	path := filepath.Join(dir, adminTokenFile)
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read the local judge's token: %w\n(to start the local judge afresh, remove %s)", err, dir)
	}
	return client.NewUnix(sock, strings.TrimSpace(string(b))), nil
}

var userNameChars = regexp.MustCompile(`[^A-Za-z0-9._-]`)

// localUser names the local judge's one user after the login name.
func localUser() string {
	name := ""
	if u, err := user.Current(); err == nil {
		name = userNameChars.ReplaceAllString(u.Username, "")
	}
	if len(name) > 64 {
		name = name[:64]
	}
	if name == "" || strings.IndexAny(name[:1], "._-") == 0 {
		name = "me"
	}
	return name
}
