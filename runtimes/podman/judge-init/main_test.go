//go:build linux

package main

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runInit builds judge-init and runs it as PID 1 of a new PID namespace (as
// in a container) with args, returning the records it wrote and its exit
// status. It needs root, for the namespace and to change users.
func runInit(t *testing.T, args ...string) (map[string]record, int) {
	t.Helper()
	recs, _, code := runInitStdin(t, nil, append([]string{"-marker", "M:", "-uid", "23456"}, args...)...)
	return recs, code
}

// runInitStdin is runInit with judge-init's arguments in full and its
// standard input; it also returns the output that is not a record.
func runInitStdin(t *testing.T, stdin []byte, args ...string) (map[string]record, string, int) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root for a PID namespace")
	}
	unshare, err := exec.LookPath("unshare")
	if err != nil {
		t.Skip("unshare not installed")
	}
	bin := buildInit(t)
	os.Chmod(filepath.Dir(bin), 0o755)
	cmd := exec.Command(unshare, append([]string{"--pid", "--fork", "--mount-proc", bin}, args...)...)
	cmd.Stdin = bytes.NewReader(stdin)
	out, _ := cmd.Output()
	recs := map[string]record{}
	var rest []string
	for _, line := range strings.Split(string(out), "\n") {
		if r, ok := strings.CutPrefix(line, "M:"); ok {
			var rec record
			if err := json.Unmarshal([]byte(r), &rec); err != nil {
				t.Fatalf("bad record %q: %v", line, err)
			}
			recs[rec.Kind] = rec
		} else if line != "" {
			rest = append(rest, line)
		}
	}
	return recs, strings.Join(rest, "\n"), cmd.ProcessState.ExitCode()
}

// buildInit builds judge-init into a temporary directory.
func buildInit(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "judge-init")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// request encodes argv as a request to judge-init -wait.
func request(argv ...string) []byte {
	b, _ := json.Marshal(argv)
	return append(binary.BigEndian.AppendUint32(nil, uint32(len(b))), b...)
}

func TestWait_runsTheRequest(t *testing.T) {
	// The command reads what follows the request, and judge-init's command
	// line is the request's, not -wait's.
	stdin := append(request("-marker", "M:", "-uid", "23456", "--", "/bin/sh", "-c",
		`read x; echo "got $x"; tr '\0' ' ' < /proc/1/cmdline; echo`), "hello\n"...)
	recs, out, code := runInitStdin(t, stdin, "-wait")
	if code != 0 || recs[kindUsage].Status != 0 {
		t.Fatalf("exit %d, records %+v, output %q", code, recs, out)
	}
	lines := strings.Split(out, "\n")
	if len(lines) != 2 || lines[0] != "got hello" || !strings.Contains(lines[1], "-marker M: -uid 23456") {
		t.Errorf("output %q: want the command's answer and judge-init's new command line", out)
	}
}

func TestWait_badRequests(t *testing.T) {
	for name, stdin := range map[string][]byte{
		"none":      nil,
		"truncated": request("-marker", "M:")[:6],
		"not json":  append([]byte{0, 0, 0, 3}, "abc"...),
		"recursive": request("-wait"),
		"too big":   {0xff, 0xff, 0xff, 0xff},
	} {
		_, out, code := runInitStdin(t, stdin, "-wait")
		if code != 96 && code != 97 {
			t.Errorf("%s: exit %d, output %q: want 96 (no request) or 97 (bad request)", name, code, out)
		}
	}
}

func TestWait_idle(t *testing.T) {
	bin := buildInit(t)
	r, w, _ := os.Pipe() // a standard input that stays open
	defer w.Close()
	start := time.Now()
	cmd := exec.Command(bin, "-wait", "-idle", "200ms")
	cmd.Stdin = r
	err := cmd.Run()
	r.Close()
	if code := cmd.ProcessState.ExitCode(); code != 96 {
		t.Errorf("exit %d (%v), want 96", code, err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("waited %v", d)
	}
}

func TestRun_status(t *testing.T) {
	recs, code := runInit(t, "--", "/bin/sh", "-c", "id -u; exit 3")
	if code != 3 || recs[kindUsage].Status != 3 {
		t.Fatalf("exit %d, usage %+v: want status 3", code, recs[kindUsage])
	}
	if _, ok := recs[kindLimit]; ok {
		t.Errorf("limit record without a limit: %+v", recs[kindLimit])
	}
}

func TestRun_memoryOfAllProcesses(t *testing.T) {
	// Four processes of 40 MiB each: under a 100 MiB bound only together.
	script := `for i in 1 2 3 4; do (exec /usr/bin/python3 -c 'import time; b = bytearray(40 << 20); time.sleep(5)') & done; wait`
	if _, err := os.Stat("/usr/bin/python3"); err != nil {
		t.Skip("/usr/bin/python3 not installed")
	}
	start := time.Now()
	recs, code := runInit(t, "-memory-kb", "102400", "--", "/bin/sh", "-c", script)
	if recs[kindLimit].Error != "memory" || code != 137 {
		t.Fatalf("exit %d, records %+v: want a memory limit record", code, recs)
	}
	if d := time.Since(start); d > 4*time.Second {
		t.Errorf("killed after %v: want well before the processes' 5 s sleep ends", d)
	}
	if recs[kindUsage].MaxRSSKB < 102400 {
		t.Errorf("peak %d KiB, want above the 100 MiB bound", recs[kindUsage].MaxRSSKB)
	}
}

func TestRun_killsLeftovers(t *testing.T) {
	// A daemon that ignores SIGTERM and SIGHUP, in a session of its own.
	script := `setsid sh -c 'trap "" TERM HUP; sleep 30' </dev/null >/dev/null 2>&1 & echo started`
	start := time.Now()
	recs, code := runInit(t, "--", "/bin/sh", "-c", script)
	if code != 0 || recs[kindUsage].Status != 0 {
		t.Fatalf("exit %d, records %+v", code, recs)
	}
	// judge-init returns only once every process of the namespace is gone.
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v: the daemon was waited for instead of killed", d)
	}
}

func TestRun_dropsPrivileges(t *testing.T) {
	// The command's user, and its capability sets: all empty.
	script := `id -u; grep -E '^Cap(Inh|Prm|Eff|Bnd|Amb)' /proc/self/status`
	dir, err := os.MkdirTemp("", "judge-init-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chmod(dir, 0o777) // for the command's user
	bin := filepath.Join(dir, "out")
	// Field 19 of stat is the nice value; renice to 0 must fail.
	nice := `cut -d' ' -f19 /proc/self/stat; if renice -n 0 -p $$ >/dev/null 2>&1; then echo reniced; else echo kept; fi`
	recs, code := runInit(t, "-nproc", "7", "--", "/bin/sh", "-c", "{ "+script+"; "+nice+"; } > "+bin+"; grep 'Max processes' /proc/self/limits >> "+bin)
	if code != 0 {
		t.Fatalf("exit %d, records %+v", code, recs)
	}
	out, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if lines[0] != "23456" {
		t.Errorf("command ran as uid %s, want 23456", lines[0])
	}
	for _, l := range lines[1 : len(lines)-3] {
		if !strings.HasSuffix(l, "0000000000000000") {
			t.Errorf("capabilities left: %s", l)
		}
	}
	if n, again := lines[len(lines)-3], lines[len(lines)-2]; n != "10" || again != "kept" {
		t.Errorf("nice %s, renice to 0: %s; want 10, kept", n, again)
	}
	if f := strings.Fields(lines[len(lines)-1]); len(f) < 4 || f[2] != "7" || f[3] != "7" {
		t.Errorf("process limit %q, want 7", lines[len(lines)-1])
	}
}

func TestRun_noNamespaces(t *testing.T) {
	if _, err := exec.LookPath("unshare"); err != nil {
		t.Skip("unshare not installed")
	}
	// A user namespace would give the command every capability in it.
	recs, code := runInit(t, "--", "/bin/sh", "-c", "unshare --user true && exit 1; unshare --user --map-root-user true && exit 2; exit 0")
	if code != 0 {
		t.Fatalf("exit %d (1: a user namespace was created, 2: a mapped one), records %+v", code, recs)
	}
}
