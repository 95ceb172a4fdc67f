//go:build e2e

package main_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/client"
)

// runnerBatch is what each batch of TestE2E_Runners submits, round robin:
// Python two-sum, right and wrong, with the verdict each must get.
var runnerBatch = []struct {
	file    string
	verdict api.Verdict
}{
	{"solutions/solution.py", api.Accepted},
	{"wrong/off-by-one.py", api.WrongAnswer},
	{"solutions/solution.py", api.Accepted},
	{"wrong/crash.py", api.RuntimeError},
	{"solutions/solution.py", api.Accepted},
	{"wrong/syntax.py", api.CompileError},
}

// TestE2E_Runners judges through a daemon whose runners are two Podman hosts
// on the network, as `docs/scale-out.md` sets them up: network namespaces of
// this machine, each with its own address, Podman service and image storage.
// Host A is reached over ssh:// (its sshd forwards to its Podman socket, with
// key login and a known host key), host B over tcp:// on its address. A's
// image is imported from the daemon's host over ssh://, B's on B itself.
//
// A batch must be judged on both hosts, with the right verdicts. Then each
// host goes away in the middle of a batch, A when its Podman service is
// killed and B when its link goes down, and the other must judge the batch,
// every submission to its right verdict. Once B is back, the daemon stops and
// leaves no container on either host.
func TestE2E_Runners(t *testing.T) {
	requireRunnerHostTools(t)
	sweepRunnerHosts(t)
	u := lookupUser(t)
	start := time.Now()

	ssh := newSSHClient(t, u)
	bin := filepath.Join(ssh.home, "judge")
	raw, err := os.ReadFile(os.Getenv("JUDGE_BIN"))
	if err != nil {
		t.Fatalf("JUDGE_BIN: %v; run through `make e2e-rootful` or `make e2e-rootless`", err)
	}
	if err := os.WriteFile(bin, raw, 0o755); err != nil {
		t.Fatal(err)
	}

	a, b := newRunnerHost(t, u, 0), newRunnerHost(t, u, 1)
	sockA := filepath.Join(a.dir, "podman.sock")
	a.startPodman("unix://" + sockA)
	ssh.trust(t, a.startSSHD(ssh))
	uriA := fmt.Sprintf("ssh://%s@%s%s", a.userName(), a.addr, sockA)
	uriB := fmt.Sprintf("tcp://%s:8888", b.addr)
	b.startPodman(uriB)

	// The Python image: A's from the daemon's host through its endpoint,
	// B's on B.
	build := []string{"runtimes", "build", "python"}
	if c := os.Getenv("JUDGE_ROOTFS_CACHE"); c != "" {
		build = append(build, "--cache", c)
	}
	cmd := u.command(bin, append(build, "--podman", uriA)...)
	cmd.Env = append(cmd.Environ(), ssh.env()...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("judge runtimes build --podman %s: %v\n%s", uriA, err, out)
	}
	if out, err := b.command(bin, append(build, "--podman", uriB)...).CombinedOutput(); err != nil {
		t.Fatalf("judge runtimes build on %s: %v\n%s", b.name, err, out)
	}
	t.Logf("runner hosts ready in %v: A %s, B %s", time.Since(start).Round(time.Millisecond), uriA, uriB)

	e := startRunnersDaemon(t, u, bin, []string{"--runner", uriA + "=2", "--runner", uriB + "=2"}, ssh.env())
	// The daemon checked each host's images: Python is there, C++ is not.
	for _, uri := range []string{uriA, uriB} {
		if !regexp.MustCompile(`runtime image missing.* runner=` + regexp.QuoteMeta(uri) + ` language=cpp`).MatchString(e.log.String()) {
			t.Errorf("the daemon did not warn that %s lacks the C++ image", uri)
		}
		if strings.Contains(e.log.String(), "runner="+uri+" language=python") {
			t.Errorf("the daemon warned about the Python image on %s", uri)
		}
	}

	c := client.New(e.server, e.token)
	files := map[string]string{}
	for _, s := range runnerBatch {
		code, err := os.ReadFile(repoFile(t, "examples/problems/two-sum/"+s.file))
		if err != nil {
			t.Fatal(err)
		}
		files[s.file] = string(code)
	}
	// batch submits n, calls during once they are in, and checks every
	// verdict.
	batch := func(name string, n int, during func()) {
		t.Helper()
		begin := time.Now()
		ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
		defer cancel()
		want := map[int64]api.Verdict{}
		for i := range n {
			s := runnerBatch[i%len(runnerBatch)]
			resp, err := c.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: files[s.file]})
			if err != nil {
				t.Fatalf("%s: submit %d: %v", name, i, err)
			}
			want[resp.ID] = s.verdict
		}
		if during != nil {
			during()
		}
		var wg sync.WaitGroup
		var mu sync.Mutex
		wrong := 0
		for id, verdict := range want {
			wg.Add(1)
			go func() {
				defer wg.Done()
				sub, err := c.WaitVerdict(ctx, id)
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err != nil:
					t.Errorf("%s: submission %d: %v", name, id, err)
					wrong++
				case sub.Result == nil || sub.Result.Verdict != verdict:
					t.Errorf("%s: submission %d: %+v, want %s", name, id, sub.Result, verdict)
					wrong++
				}
			}()
		}
		wg.Wait()
		for id, verdict := range want {
			if state, v := e.stored(id); state != "done" || api.Verdict(v) != verdict {
				t.Errorf("%s: database has submission %d as %s/%s, want done/%s", name, id, state, v, verdict)
			}
		}
		t.Logf("%s: %d submissions, %d with the wrong verdict, in %v", name, n, wrong, time.Since(begin).Round(time.Millisecond))
	}
	// waitRun returns once h has started a run after it had served seen.
	waitRun := func(h *runnerHost, seen int) {
		t.Helper()
		for deadline := time.Now().Add(time.Minute); h.attaches() <= seen; {
			if time.Now().After(deadline) {
				t.Fatalf("no run on %s within a minute", h.name)
			}
			time.Sleep(10 * time.Millisecond)
		}
	}

	batch("both hosts", 12, nil)
	runsA, runsB := a.attaches(), b.attaches()
	t.Logf("runs: A %d, B %d; SSH connections A's sshd serves: %d", runsA, runsB, a.sshSessions())
	if runsA == 0 || runsB == 0 {
		t.Fatalf("runs: A %d, B %d: want both hosts to judge", runsA, runsB)
	}

	batch("A's Podman killed", 12, func() {
		waitRun(a, runsA)
		a.killPodman()
		t.Logf("killed A's Podman service after %d runs there in this batch", a.attaches()-runsA)
	})
	if b.attaches() == runsB {
		t.Errorf("B judged nothing while A was down")
	}
	runsA, runsB = a.attaches(), b.attaches()

	// A comes back; B goes away from the network in the middle of runs.
	a.startPodman("unix://" + sockA)
	batch("B's link down", 12, func() {
		waitRun(b, runsB)
		b.setLink(false)
		t.Logf("brought B's link down after %d runs there in this batch", b.attaches()-runsB)
	})
	if a.attaches() == runsA {
		t.Errorf("A judged nothing while B was down")
	}
	b.setLink(true)
	sessions := a.sshSessions()
	t.Logf("runs: A %d, B %d; SSH connections A's sshd serves: %d", a.attaches(), b.attaches(), sessions)
	// The daemon shares one SSH connection per runner; one for every run
	// would pile up sshd processes on the runner over a contest.
	if sessions > 3 {
		t.Errorf("A's sshd serves %d SSH connections after %d runs there: the daemon leaks them", sessions, a.attaches())
	}

	// Stopping the daemon removes its containers from both hosts.
	e.daemon.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- e.daemon.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("daemon exited with %v", err)
		}
	case <-time.After(90 * time.Second):
		e.daemon.Process.Kill()
		t.Fatal("daemon did not stop within 90s of SIGTERM")
	}
	for _, line := range strings.Split(e.log.String(), "\n") {
		if strings.Contains(line, "judging failed") || strings.Contains(line, "runs per runner") {
			t.Log(line)
		}
	}
	for _, h := range []*runnerHost{a, b} {
		if left := h.containers(); left != "" {
			t.Errorf("containers left on %s after the daemon stopped: %s", h.name, left)
		}
	}
	t.Logf("whole test %v", time.Since(start).Round(time.Millisecond))
}
