//go:build e2e

package main_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"gopkg.in/yaml.v3"
)

// hostileCase is one entry of examples/hostile/cases.yaml.
type hostileCase struct {
	File    string `yaml:"file"`
	Verdict string `yaml:"verdict"`
	Attack  string `yaml:"attack"`
}

// The canaries the hostile probes look for: an environment variable of the
// daemon and a file on the host. The sandbox must show neither.
const (
	canaryEnv  = "JUDGE_HOSTILE_CANARY"
	canaryFile = "/tmp/judge-hostile-canary"
)

// hostFiles are host files whose content no submission may change.
var hostFiles = []string{canaryFile, "/etc/passwd", "/etc/hostname", "/etc/hosts"}

// snapshot hashes hostFiles and lists the names in /tmp beginning with
// "judge-hostile", where a breakout would most likely write.
func snapshot(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for _, f := range hostFiles {
		data, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintf(&b, "%s: %v\n", f, err)
			continue
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(&b, "%s %s\n", f, hex.EncodeToString(sum[:8]))
	}
	names, _ := filepath.Glob("/tmp/judge-hostile*")
	fmt.Fprintf(&b, "%v\n", names)
	return b.String()
}

// TestE2E_Hostile submits every hostile case of examples/hostile to a
// daemon, each beside a normal submission judged at the same time. Each must
// get its declared verdict (never Internal Error) while the normal one is
// Accepted; afterwards the daemon answers, no container or sandbox process is
// left, and the host files are as they were.
func TestE2E_Hostile(t *testing.T) {
	raw, err := os.ReadFile(repoFile(t, "examples/hostile/cases.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []hostileCase
	if err := yaml.Unmarshal(raw, &cases); err != nil {
		t.Fatalf("examples/hostile/cases.yaml: %v", err)
	}
	if len(cases) < 30 {
		t.Fatalf("%d hostile cases, want at least 30", len(cases))
	}
	if err := os.WriteFile(canaryFile, []byte("judge-hostile-canary\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Remove(canaryFile) })

	e := startDaemon(t, daemonOptions{
		problems: repoFile(t, "examples/hostile/problems"),
		env:      []string{canaryEnv + "=judge-hostile-env-canary"},
	})
	ref := repoFile(t, "examples/hostile/problems/probe/solutions/solution.py")
	before := snapshot(t)

	for _, c := range cases {
		t.Run(c.File, func(t *testing.T) {
			file := repoFile(t, filepath.Join("examples/hostile", c.File))
			var wg sync.WaitGroup
			var normalOut string
			var normalCode int
			var normalTime time.Duration
			wg.Add(1)
			go func() {
				defer wg.Done()
				// Start the normal submission just after the hostile one, so
				// that the two are judged at the same time.
				time.Sleep(200 * time.Millisecond)
				start := time.Now()
				normalOut, normalCode = e.judge("submit", "--problem", "probe", ref)
				normalTime = time.Since(start)
			}()
			start := time.Now()
			out, code := e.judge("submit", "--problem", "probe", file)
			elapsed := time.Since(start)
			wg.Wait()

			if code == 2 || strings.Contains(out, "Internal Error") {
				t.Fatalf("%s (%s): exit %d:\n%s", c.File, c.Attack, code, out)
			}
			id := submissionID(t, out)
			state, verdict := e.stored(id)
			if state != "done" || verdict != c.Verdict {
				t.Errorf("%s (%s): %s/%s, want done/%s:\n%s", c.File, c.Attack, state, verdict, c.Verdict, out)
			}
			if normalCode != 0 || !strings.Contains(normalOut, "Accepted") {
				t.Errorf("normal submission beside %s: exit %d:\n%s", c.File, normalCode, normalOut)
			}
			t.Logf("%s: %s in %v; normal submission beside it: %v", c.File, verdict,
				elapsed.Round(time.Millisecond), normalTime.Round(time.Millisecond))

			resp, err := http.Get(e.server + "/healthz")
			if err != nil {
				t.Fatalf("daemon not answering after %s: %v", c.File, err)
			}
			resp.Body.Close()
			if e.daemon.ProcessState != nil {
				t.Fatalf("daemon exited after %s", c.File)
			}
			// Removal may lag the verdict by a moment.
			var containers, procs string
			for i := 0; i < 50; i++ {
				if containers, procs = e.leftovers(); containers == "" && procs == "" {
					break
				}
				time.Sleep(100 * time.Millisecond)
			}
			if containers != "" || procs != "" {
				t.Errorf("after %s: containers %q, processes %q left", c.File, containers, procs)
			}
			if after := snapshot(t); after != before {
				t.Errorf("after %s the host files changed:\nbefore:\n%s\nafter:\n%s", c.File, before, after)
			}
		})
	}
}
