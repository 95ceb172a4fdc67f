//go:build e2e

package main_test

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// startPodmanService starts `podman system service` on uri as the daemon's
// user, for the length of the test.
func startPodmanService(t *testing.T, u *daemonUser, uri string) {
	t.Helper()
	svc := u.command("podman", "system", "service", "--time=0", uri)
	if err := svc.Start(); err != nil {
		t.Fatalf("start podman service on %s: %v", uri, err)
	}
	t.Cleanup(func() {
		svc.Process.Signal(syscall.SIGTERM)
		svc.Wait()
	})
	network, addr := "unix", strings.TrimPrefix(uri, "unix://")
	if a, ok := strings.CutPrefix(uri, "tcp://"); ok {
		network, addr = "tcp", a
	}
	for deadline := time.Now().Add(20 * time.Second); ; {
		if c, err := net.Dial(network, addr); err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("podman service on %s does not answer", uri)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestE2E_Runners judges through a daemon with two Podman endpoints as
// runners, a unix socket and a TCP address, and checks that both judged.
func TestE2E_Runners(t *testing.T) {
	u := lookupUser(t)
	dir, err := os.MkdirTemp("", "judge-runners-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if u != nil {
		os.Chown(dir, int(u.uid), int(u.gid))
	}
	a := "unix://" + filepath.Join(dir, "a.sock")
	b := fmt.Sprintf("tcp://127.0.0.1:%d", freePort(t))
	startPodmanService(t, u, a)
	startPodmanService(t, u, b)

	e := startDaemon(t, daemonOptions{args: []string{"--runner", a + "=1", "--runner", b + "=1"}})
	const n = 6
	var wg sync.WaitGroup
	outs := make([]string, n)
	codes := make([]int, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], codes[i] = e.judge("submit", "--problem", "two-sum", repoFile(t, "examples/problems/two-sum/solutions/solution.py"))
		}()
	}
	wg.Wait()
	for i := range n {
		if codes[i] != 0 {
			t.Errorf("submission %d: exit %d:\n%s", i, codes[i], outs[i])
		}
	}

	e.daemon.Process.Signal(syscall.SIGTERM)
	e.daemon.Wait()
	log := e.log.String()
	for _, uri := range []string{a, b} {
		m := regexp.MustCompile(regexp.QuoteMeta(uri) + `:(\d+)`).FindStringSubmatch(log)
		if m == nil {
			t.Errorf("no runs counted for runner %s in the daemon's log", uri)
			continue
		}
		if runs, _ := strconv.Atoi(m[1]); runs < 1 {
			t.Errorf("runner %s judged nothing", uri)
		} else {
			t.Logf("runner %s: %d runs", uri, runs)
		}
	}
	if left := e.containers(); len(left) > 0 {
		t.Errorf("containers left after the daemon stopped: %v", left)
	}
}
