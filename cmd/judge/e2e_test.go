//go:build e2e

// End-to-end tests against real Podman: they start `judge serve` from the
// built binary, submit through the CLI, and read verdicts from the daemon's
// SQLite file. Run them with `make e2e-rootful` (daemon as root) and
// `make e2e-rootless` (daemon as JUDGE_E2E_USER, rootless Podman).
//
// Environment:
//
//	JUDGE_BIN           the judge binary under test (required)
//	JUDGE_E2E_USER      run the daemon as this unprivileged user
//	JUDGE_ROOTFS_CACHE  root file system cache, to import images for that user
package main_test

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// daemonUser is who the daemon runs as.
type daemonUser struct {
	name     string
	uid, gid uint32
	home     string
}

func (u *daemonUser) command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = "/"
	if u == nil {
		return cmd
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: u.uid, Gid: u.gid}}
	cmd.Env = []string{
		"HOME=" + u.home, "USER=" + u.name, "LOGNAME=" + u.name,
		"PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin",
	}
	return cmd
}

func lookupUser(t *testing.T) *daemonUser {
	name := os.Getenv("JUDGE_E2E_USER")
	if name == "" {
		return nil
	}
	u, err := user.Lookup(name)
	if err != nil {
		t.Fatalf("JUDGE_E2E_USER=%s: %v (create it with scripts/rootless-user.sh %s)", name, err, name)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return &daemonUser{name: name, uid: uint32(uid), gid: uint32(gid), home: u.HomeDir}
}

// e2eEnv is one daemon under test.
type e2eEnv struct {
	t      *testing.T
	bin    string
	user   *daemonUser
	data   string
	server string
	daemon *exec.Cmd
	log    *bytes.Buffer
	// args and env start the daemon again after a kill.
	args, env []string
	// token is the admin's, from the data directory.
	token string
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// daemonOptions are what a test changes in the daemon it starts.
type daemonOptions struct {
	// problems is the daemon's problem directory (default: the bundled set).
	problems string
	// env is added to the daemon's environment.
	env []string
	// args are added to `judge serve`.
	args []string
}

func startDaemon(t *testing.T, opts ...daemonOptions) *e2eEnv {
	t.Helper()
	var o daemonOptions
	if len(opts) > 0 {
		o = opts[0]
	}
	src := os.Getenv("JUDGE_BIN")
	if src == "" {
		t.Fatal("JUDGE_BIN is not set; run through `make e2e-rootful` or `make e2e-rootless`")
	}
	u := lookupUser(t)
	// A directory the daemon's user can reach, for the binary and the data.
	dir, err := os.MkdirTemp("", "judge-e2e-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chmod(dir, 0o755)
	bin := filepath.Join(dir, "judge")
	raw, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, raw, 0o755); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	os.Mkdir(data, 0o750)
	if u != nil {
		os.Chown(data, int(u.uid), int(u.gid))
		// The user's own Podman storage needs the image too.
		args := []string{"runtimes", "build"}
		if c := os.Getenv("JUDGE_ROOTFS_CACHE"); c != "" {
			args = append(args, "--cache", c)
		}
		cmd := u.command(bin, args...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("judge runtimes build as %s: %v\n%s", u.name, err, out)
		}
	}
	port := freePort(t)
	e := &e2eEnv{t: t, bin: bin, user: u, data: data, server: fmt.Sprintf("http://127.0.0.1:%d", port), log: &bytes.Buffer{}}
	args := []string{"serve", "--listen", fmt.Sprintf("127.0.0.1:%d", port), "--data", data, "--workers", "2"}
	if o.problems != "" {
		// A copy the daemon's user can read wherever the checkout is.
		probs := filepath.Join(dir, "problems")
		if err := os.CopyFS(probs, os.DirFS(o.problems)); err != nil {
			t.Fatal(err)
		}
		args = append(args, "--problems", probs)
	}
	e.args = append(args, o.args...)
	e.env = o.env
	e.start()
	t.Cleanup(func() {
		if e.daemon.ProcessState == nil {
			e.daemon.Process.Signal(syscall.SIGTERM)
			e.daemon.Wait()
		}
		if t.Failed() {
			t.Logf("daemon log:\n%s", e.log)
		}
	})
	return e
}

// start starts the daemon and waits until it answers.
func (e *e2eEnv) start() {
	t := e.t
	t.Helper()
	e.daemon = e.user.command(e.bin, e.args...)
	if len(e.env) > 0 {
		if e.daemon.Env == nil {
			e.daemon.Env = os.Environ()
		}
		e.daemon.Env = append(e.daemon.Env, e.env...)
	}
	e.daemon.Stdout, e.daemon.Stderr = e.log, e.log
	if err := e.daemon.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(e.server + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("daemon did not answer /healthz within 30s:\n%s", e.log)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if e.token == "" {
		raw, err := os.ReadFile(filepath.Join(e.data, "admin-token"))
		if err != nil {
			t.Fatalf("the admin token of the first start: %v\n%s", err, e.log)
		}
		e.token = strings.TrimSpace(string(raw))
	}
}

// judge runs the CLI (as the test's user) against the daemon.
func (e *e2eEnv) judge(args ...string) (string, int) {
	e.t.Helper()
	cmd := exec.Command(e.bin, append([]string{"--server", e.server}, args...)...)
	cmd.Env = append(os.Environ(), "JUDGE_TOKEN="+e.token)
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		e.t.Fatalf("judge %v: %v", args, err)
	}
	return string(out), code
}

func repoFile(t *testing.T, rel string) string {
	p, err := filepath.Abs(filepath.Join("..", "..", rel))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// stored reads a submission's state and verdict from the daemon's database.
func (e *e2eEnv) stored(id int64) (state, verdict string) {
	e.t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(e.data, "judge.db")+"?_pragma=busy_timeout(5000)")
	if err != nil {
		e.t.Fatal(err)
	}
	defer db.Close()
	if err := db.QueryRow(`SELECT state, verdict FROM submissions WHERE id = ?`, id).Scan(&state, &verdict); err != nil {
		e.t.Fatalf("read submission %d from the database: %v", id, err)
	}
	return state, verdict
}

func submissionID(t *testing.T, out string) int64 {
	t.Helper()
	i := strings.Index(out, "(submission ")
	if i < 0 {
		t.Fatalf("no submission id in output:\n%s", out)
	}
	var id int64
	fmt.Sscanf(out[i:], "(submission %d,", &id)
	return id
}

// waiting is the command line of judge-init in a container started ahead of
// its run, still waiting for it.
var waiting = []byte("/judge-init\x00-wait\x00")

// leftovers lists this daemon's sandbox containers and sandbox processes
// still alive, except the containers started ahead of runs that still wait
// for theirs.
func (e *e2eEnv) leftovers() (containers, processes string) {
	e.t.Helper()
	var ids []string
	for _, line := range e.containers() {
		id, pid, _ := strings.Cut(line, " ")
		if cmdline, err := os.ReadFile("/proc/" + pid + "/cmdline"); pid != "0" && err == nil && bytes.HasPrefix(cmdline, waiting) {
			continue
		}
		ids = append(ids, id)
	}
	// Sandboxed code runs as users 20000-59999 of the container (see
	// runtimes/podman), which are host users from the daemon user's
	// subordinate range for rootless Podman; judge-init is each
	// container's first process.
	lo, hi, root := 20000, 60000, 0
	if e.user != nil {
		start := subuidStart(e.t, e.user.name)
		lo, hi, root = start+lo-1, start+hi-1, int(e.user.uid)
	}
	var left []string
	dirs, _ := os.ReadDir("/proc")
	for _, d := range dirs {
		pid, err := strconv.Atoi(d.Name())
		if err != nil {
			continue
		}
		status, err := os.ReadFile("/proc/" + d.Name() + "/status")
		if err != nil {
			continue // gone
		}
		cmdline, _ := os.ReadFile("/proc/" + d.Name() + "/cmdline")
		for _, line := range strings.Split(string(status), "\n") {
			f := strings.Fields(line)
			if len(f) < 2 || f[0] != "Uid:" {
				continue
			}
			uid, _ := strconv.Atoi(f[1])
			if uid >= lo && uid < hi || uid == root && bytes.HasPrefix(cmdline, []byte("/judge-init\x00")) && !bytes.HasPrefix(cmdline, waiting) {
				cmd := string(bytes.ReplaceAll(cmdline, []byte{0}, []byte{' '}))
				left = append(left, fmt.Sprintf("%d (uid %d: %.100q)", pid, uid, cmd))
			}
		}
	}
	return strings.Join(ids, " "), strings.Join(left, ", ")
}

// containers lists the daemon's containers, each as "ID PID".
func (e *e2eEnv) containers() []string {
	e.t.Helper()
	abs, _ := filepath.Abs(e.data)
	owner := sha256.Sum256([]byte(abs))
	cmd := e.user.command("podman", "ps", "-a", "--format", "{{.ID}} {{.Pid}}", "--filter", "label=io.judge.owner="+hex.EncodeToString(owner[:8]))
	out, err := cmd.CombinedOutput()
	if err != nil {
		e.t.Fatalf("podman ps: %v\n%s", err, out)
	}
	var lines []string
	for _, line := range strings.Split(string(out), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			lines = append(lines, line)
		}
	}
	return lines
}

// subuidStart is the first subordinate uid of user name.
func subuidStart(t *testing.T, name string) int {
	t.Helper()
	b, err := os.ReadFile("/etc/subuid")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, ":")
		if len(f) == 3 && f[0] == name {
			n, _ := strconv.Atoi(f[1])
			return n
		}
	}
	t.Fatalf("no subordinate uids for %s in /etc/subuid", name)
	return 0
}

func TestE2E_SubmitThroughDaemon(t *testing.T) {
	e := startDaemon(t)
	mode := "rootful"
	if e.user != nil {
		mode = "rootless as " + e.user.name
	}
	t.Logf("daemon %s, %s", e.server, mode)

	if out, code := e.judge("problems"); code != 0 || !strings.Contains(out, "two-sum") {
		t.Fatalf("judge problems: exit %d\n%s", code, out)
	}

	cases := []struct {
		file    string
		verdict string
		words   string
		exit    int
	}{
		{"examples/problems/two-sum/solutions/solution.py", "AC", "Accepted", 0},
		{"examples/problems/two-sum/wrong/off-by-one.py", "WA", "Wrong Answer", 1},
		{"examples/problems/two-sum/wrong/crash.py", "RE", "ZeroDivisionError", 1},
		{"examples/problems/two-sum/wrong/syntax.py", "CE", "SyntaxError", 1},
		{"examples/problems/transpose-matrix/solutions/solution.py", "AC", "Accepted", 0},
	}
	for _, c := range cases {
		t.Run(filepath.Base(filepath.Dir(filepath.Dir(c.file)))+"/"+filepath.Base(c.file), func(t *testing.T) {
			slug := filepath.Base(filepath.Dir(filepath.Dir(c.file)))
			out, code := e.judge("submit", "--problem", slug, repoFile(t, c.file))
			if code != c.exit || !strings.Contains(out, c.words) {
				t.Fatalf("judge submit %s: exit %d, want %d and %q in:\n%s", c.file, code, c.exit, c.words, out)
			}
			id := submissionID(t, out)
			state, verdict := e.stored(id)
			if state != "done" || verdict != c.verdict {
				t.Fatalf("database has submission %d as %s/%s, want done/%s", id, state, verdict, c.verdict)
			}
		})
	}

	// Every language through the daemon: the two-sum reference solutions.
	sols, err := filepath.Glob(repoFile(t, "examples/problems/two-sum/solutions/*"))
	if err != nil || len(sols) == 0 {
		t.Fatalf("no two-sum solutions: %v", err)
	}
	for _, sol := range sols {
		t.Run("two-sum in "+filepath.Ext(sol), func(t *testing.T) {
			out, code := e.judge("submit", "--problem", "two-sum", sol)
			if code != 0 || !strings.Contains(out, "Accepted") {
				t.Fatalf("judge submit %s: exit %d\n%s", filepath.Base(sol), code, out)
			}
			if _, verdict := e.stored(submissionID(t, out)); verdict != "AC" {
				t.Fatalf("database verdict %s, want AC", verdict)
			}
		})
	}

	t.Run("infinite loop gets TLE and leaves nothing behind", func(t *testing.T) {
		const limit = time.Second // two-sum's time limit
		start := time.Now()
		out, code := e.judge("submit", "--problem", "two-sum", repoFile(t, "examples/problems/two-sum/wrong/forever.py"))
		elapsed := time.Since(start)
		if code != 1 || !strings.Contains(out, "Time Limit Exceeded") {
			t.Fatalf("exit %d, want 1 and Time Limit Exceeded:\n%s", code, out)
		}
		// Container start, the harness's start-up and the kill, on top of
		// the limit and the watchdog's grace.
		if max := limit + 3*time.Second; elapsed > max {
			t.Errorf("TLE verdict took %v, want at most %v", elapsed, max)
		}
		t.Logf("TLE verdict after %v (limit %v)", elapsed.Round(time.Millisecond), limit)
		if _, verdict := e.stored(submissionID(t, out)); verdict != "TLE" {
			t.Errorf("database verdict %s, want TLE", verdict)
		}
		containers, procs := e.leftovers()
		if containers != "" || procs != "" {
			t.Errorf("left behind: containers %q, processes %q", containers, procs)
		}
	})

	t.Run("daemon stops cleanly", func(t *testing.T) {
		e.daemon.Process.Signal(syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- e.daemon.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("daemon exited with %v", err)
			}
		case <-time.After(30 * time.Second):
			e.daemon.Process.Kill()
			t.Fatal("daemon did not stop within 30s of SIGTERM")
		}
		// The containers started ahead of runs go with the daemon.
		if left := e.containers(); len(left) > 0 {
			t.Errorf("containers left after the daemon stopped: %v", left)
		}
	})
}
