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
	"sync"
	"syscall"
	"time"

	"github.com/judgehq/judge/judge"
	"github.com/judgehq/judge/judge/client"
	"github.com/judgehq/judge/judge/store"
	"github.com/judgehq/judge/runtimes/podman"
)

// The local judge: with no server configured, the client runs the daemon
// in-process on the bundled problems, with its database in the XDG data
// directory. It serves on a unix socket there, so that a judge command
// started meanwhile (a `judge status` next to a `judge tui`) uses the same
// judge instead of opening the database twice; a file lock says which
// process serves. When that process ends, the next request of another one
// finds no judge on the socket and starts it again itself. Submissions
// still queued when the last command ends are judged the next time.

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
	l := &localJudge{f: f, dir: localDir()}
	l.sock = filepath.Join(l.dir, "judge.sock")
	if err := os.MkdirAll(l.dir, 0o700); err != nil {
		return nil, &exitError{code: exitUsage, err: fmt.Errorf("local judge: %w", err)}
	}
	f.local = l
	if err := l.ensure(); err != nil {
		return nil, &exitError{code: exitUsage, err: fmt.Errorf("%w\n"+
			"With no server configured, judge runs a local judge, which needs Podman and the runtime images\n"+
			"(`judge doctor` checks them; `judge runtimes build` builds the images). The local judge's log is %s.\n"+
			"To use a daemon instead: judge login --server URL", err, filepath.Join(l.dir, "judge.log"))}
	}
	token, err := l.token()
	if err != nil {
		return nil, &exitError{code: exitUsage, err: err}
	}
	f.client = client.NewDial("unix://"+l.sock, token, l.dial)
	return f.client, nil
}

// Local reports whether commands talk to the local judge.
func (f *Factory) Local() bool { return f.Config.GetString("server") == "" }

// Close stops the local judge if this process runs it.
func (f *Factory) Close() {
	if f.local != nil {
		f.local.close()
	}
}

// localJudge is this process's view of the local judge.
type localJudge struct {
	f         *Factory
	dir, sock string

	mu   sync.Mutex
	lock *os.File // held while this process serves
	stop func()
}

// ensure serves the local judge from this process unless another one does
// or is starting to.
func (l *localJudge) ensure() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stop != nil {
		return nil
	}
	lock, err := os.OpenFile(filepath.Join(l.dir, "lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return fmt.Errorf("local judge: %w", err)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		lock.Close()
		return nil // another process serves it
	}
	stop, err := l.f.runLocal(l.dir, l.sock)
	if err != nil {
		lock.Close()
		return err
	}
	l.lock, l.stop = lock, stop
	return nil
}

func (l *localJudge) close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stop != nil {
		l.stop()
		l.lock.Close()
		l.stop, l.lock = nil, nil
	}
}

// localWait bounds the wait for a local judge that another process is
// starting.
const localWait = time.Minute

// dial connects to the local judge's socket. With no judge there (the
// process that served it has ended), it serves the judge itself, or waits
// for the process that is starting it.
func (l *localJudge) dial(ctx context.Context) (net.Conn, error) {
	var d net.Dialer
	deadline := time.Now().Add(localWait)
	for {
		c, err := d.DialContext(ctx, "unix", l.sock)
		if err == nil {
			return c, nil
		}
		if err := l.ensure(); err != nil {
			return nil, err
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("no local judge answers on %s: %w", l.sock, err)
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// token is the local user's token, from the file the local judge's first
// start writes; it waits while another process makes it.
func (l *localJudge) token() (string, error) {
	path := filepath.Join(l.dir, adminTokenFile)
	deadline := time.Now().Add(localWait)
	for {
		b, err := os.ReadFile(path)
		if err == nil {
			return strings.TrimSpace(string(b)), nil
		}
		if !errors.Is(err, os.ErrNotExist) || time.Now().After(deadline) {
			return "", fmt.Errorf("read the local judge's token: %w (the judge command that serves it writes it; see %s)",
				err, filepath.Join(l.dir, "judge.log"))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// runLocal starts the daemon on the socket sock and returns the function
// that stops it. Its log goes to judge.log in dir.
func (f *Factory) runLocal(dir, sock string) (func(), error) {
	if err := ensureLocalToken(dir); err != nil {
		return nil, fmt.Errorf("local judge: %w", err)
	}
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
	fail := func(err error) (func(), error) {
		ln.Close()
		logf.Close()
		return nil, fmt.Errorf("local judge: %w", err)
	}
	fl := newServeCmd(f).Flags()
	for k, v := range map[string]string{
		"data": dir, "admin": localUser(), "warm": "0", "drain": "2s",
		"rate-run-every": "0", "rate-submit-every": "0", "rate-submits-per-minute": "0",
	} {
		if err := fl.Set(k, v); err != nil {
			return fail(err)
		}
	}
	cfg, err := loadServeConfig(fl)
	if err != nil {
		return fail(err)
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
		if err == nil {
			err = errors.New("stopped at once")
		}
		return fail(err)
	case <-time.After(2 * time.Minute):
		cancel()
		return fail(errors.New("not ready after 2 minutes (is the Podman service hanging?)"))
	}
	return func() {
		cancel()
		<-done
		logf.Close()
		os.Remove(sock)
	}, nil
}

// ensureLocalToken gives the local judge's admin a new token when its token
// file is gone (deleted, or a first start died before writing it), so that
// the submissions and drafts stay reachable. On the very first start the
// daemon makes the admin and the file itself.
func ensureLocalToken(dir string) error {
	path := filepath.Join(dir, adminTokenFile)
	db := filepath.Join(dir, "judge.db")
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	if _, err := os.Stat(db); err != nil {
		return nil
	}
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	users, err := st.Users(ctx)
	if err != nil {
		return err
	}
	for _, u := range users {
		if u.Role != store.RoleAdmin {
			continue
		}
		token, hash := judge.NewToken()
		if _, err := st.CreateToken(ctx, u.ID, hash, "local judge"); err != nil {
			return err
		}
		return os.WriteFile(path, []byte(token+"\n"), 0o600)
	}
	return nil
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
