//go:build e2e

package main_test

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/judgehq/judge/examples"
	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/client"
	"github.com/judgehq/judge/problems"
)

// TestE2E_KillDuringBurst kills the daemon with SIGKILL while at least 200
// submissions are queued or running, starts it again on the same data, and
// checks that every submission reaches its right verdict, stored once, and
// that no container is left.
func TestE2E_KillDuringBurst(t *testing.T) {
	const n = 240
	ps, err := problems.LoadAll(examples.Problems, "problems")
	if err != nil {
		t.Fatal(err)
	}
	var codes []struct {
		problem, code string
		verdict       api.Verdict
	}
	for _, p := range ps {
		if p.Slug != "two-sum" && p.Slug != "valid-palindrome" && p.Slug != "reverse-linked-list" {
			continue
		}
		for _, s := range append(p.Solutions, p.Wrong...) {
			if s.Ext == "py" {
				codes = append(codes, struct {
					problem, code string
					verdict       api.Verdict
				}{p.Slug, s.Code, api.Verdict(s.Verdict)})
			}
		}
	}
	if len(codes) < 4 {
		t.Fatalf("%d Python solutions found, want a mix of right and wrong", len(codes))
	}

	e := startDaemon(t)
	c := client.New(e.server, e.token)
	ctx := context.Background()
	want := map[int64]api.Verdict{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, 16)
	for i := 0; i < n; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			s := codes[i%len(codes)]
			resp, err := c.Submit(ctx, api.SubmitRequest{Problem: s.problem, Language: "python", Code: s.code})
			if err != nil {
				t.Errorf("submit %d: %v", i, err)
				return
			}
			mu.Lock()
			want[resp.ID] = s.verdict
			mu.Unlock()
		}()
	}
	wg.Wait()
	if t.Failed() {
		t.FailNow()
	}

	db, err := sql.Open("sqlite", "file:"+filepath.Join(e.data, "judge.db")+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	count := func(where string) int {
		var k int
		if err := db.QueryRow(`SELECT COUNT(*) FROM submissions WHERE ` + where).Scan(&k); err != nil {
			t.Fatal(err)
		}
		return k
	}
	// Let a few be judged, so that some are running when the kill comes.
	deadline := time.Now().Add(2 * time.Minute)
	for count("state = 'done'") < 5 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if err := e.daemon.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	e.daemon.Wait()
	pending, running := count("state != 'done'"), count("state = 'running'")
	t.Logf("killed with %d of %d submissions not judged (%d running)", pending, n, running)
	if pending < 200 {
		t.Fatalf("only %d submissions queued or running at the kill, want at least 200", pending)
	}
	firstLog := e.log.String()

	e.log.Reset()
	start := time.Now()
	e.start()
	deadline = time.Now().Add(10 * time.Minute)
	for count("state != 'done'") > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d submissions still not judged after 10 minutes", count("state != 'done'"))
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("restarted daemon judged the %d in %v", pending, time.Since(start).Round(time.Millisecond))

	// Every submission has its own right verdict.
	rows, err := db.Query(`SELECT id, state, verdict, COALESCE(result, '') FROM submissions`)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for rows.Next() {
		var id int64
		var state, verdict, result string
		if err := rows.Scan(&id, &state, &verdict, &result); err != nil {
			t.Fatal(err)
		}
		seen++
		if w, ok := want[id]; !ok || state != "done" || api.Verdict(verdict) != w || result == "" {
			t.Errorf("submission %d: %s/%s, want done/%s with a result", id, state, verdict, w)
		}
	}
	rows.Close()
	if seen != n {
		t.Errorf("%d submissions stored, want %d", seen, n)
	}
	// Each verdict was stored once: the daemon logs "judged" after storing a
	// verdict, and only a submission still running can take one. A kill
	// between storing and logging loses at most one line per worker.
	judged := regexp.MustCompile(`msg=judged .*submission=(\d+) `)
	lines := map[int64]int{}
	for _, log := range []string{firstLog, e.log.String()} {
		for _, m := range judged.FindAllStringSubmatch(log, -1) {
			id, _ := strconv.ParseInt(m[1], 10, 64)
			lines[id]++
		}
	}
	missing := 0
	for id := range want {
		switch lines[id] {
		case 1:
		case 0:
			missing++
		default:
			t.Errorf("submission %d got a verdict %d times", id, lines[id])
		}
	}
	if missing > 2 {
		t.Errorf("%d submissions have no logged verdict, want at most 2 (the workers at the kill)", missing)
	}

	// Stopping the daemon removes what it started; the kill's leftovers
	// went at the restart.
	e.daemon.Process.Signal(syscall.SIGTERM)
	e.daemon.Wait()
	var containers, procs string
	for i := 0; i < 50; i++ {
		if containers, procs = e.leftovers(); containers == "" && procs == "" && len(e.containers()) == 0 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if containers != "" || procs != "" || len(e.containers()) != 0 {
		t.Errorf("left behind: containers %q %v, processes %q", containers, e.containers(), procs)
	}
}

// serviceChild finds the Podman service the daemon started, as a child
// process; 0 if it uses one it did not start.
func serviceChild(t *testing.T, daemonPID int) int {
	t.Helper()
	dirs, _ := os.ReadDir("/proc")
	for _, d := range dirs {
		pid, err := strconv.Atoi(d.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile("/proc/" + d.Name() + "/stat")
		if err != nil {
			continue
		}
		// The parent's pid is the second field after the command's ")".
		f := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
		if len(f) < 2 || f[1] != strconv.Itoa(daemonPID) {
			continue
		}
		cmdline, _ := os.ReadFile("/proc/" + d.Name() + "/cmdline")
		if bytes.Contains(cmdline, []byte("system\x00service\x00")) {
			return pid
		}
	}
	return 0
}

// TestE2E_PodmanServiceDies kills the daemon's Podman service while
// submissions run: they are retried and get their right verdicts, not
// Internal Error, and the daemon starts the service again.
func TestE2E_PodmanServiceDies(t *testing.T) {
	e := startDaemon(t)
	svc := serviceChild(t, e.daemon.Process.Pid)
	if svc == 0 {
		t.Skip("the daemon uses a Podman service it did not start; nothing of ours to kill")
	}
	ps, err := problems.LoadAll(examples.Problems, "problems")
	if err != nil {
		t.Fatal(err)
	}
	var code string
	for _, p := range ps {
		if p.Slug == "two-sum" {
			for _, s := range p.Solutions {
				if s.Ext == "py" {
					code = s.Code
				}
			}
		}
	}
	c := client.New(e.server, e.token)
	ctx := context.Background()
	var ids []int64
	for i := 0; i < 8; i++ {
		resp, err := c.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: code})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, resp.ID)
	}
	time.Sleep(150 * time.Millisecond) // some are running now
	if err := syscall.Kill(svc, syscall.SIGKILL); err != nil {
		t.Fatalf("kill the podman service %d: %v", svc, err)
	}
	wctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	for _, id := range ids {
		sub, err := c.WaitVerdict(wctx, id)
		if err != nil {
			t.Fatalf("submission %d: %v", id, err)
		}
		if sub.Result == nil || sub.Result.Verdict != api.Accepted {
			t.Errorf("submission %d after the service died: %+v, want Accepted", id, sub.Result)
		}
	}
	if !strings.Contains(e.log.String(), "starting it again") {
		t.Errorf("the daemon did not say that it started the service again")
	}
	if again := serviceChild(t, e.daemon.Process.Pid); again == 0 || again == svc {
		t.Errorf("service after the kill: pid %d (killed %d)", again, svc)
	}
}
