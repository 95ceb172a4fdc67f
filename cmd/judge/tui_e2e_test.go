//go:build e2e

package main_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/client"
	"github.com/judgehq/judge/runtimes"
	"github.com/judgehq/judge/tui"
)

// TestE2E_TUI drives the TUI through a user's whole first session against a
// real daemon: find Two Sum, open it in the editor (a script that writes the
// solution), submit, and see Accepted. The editor runs as a real process,
// as $EDITOR would.
func TestE2E_TUI(t *testing.T) {
	e := startDaemon(t)
	out, code := e.judge("user", "add", "tui-user", "--json")
	if code != 0 {
		t.Fatalf("judge user add: exit %d: %s", code, out)
	}
	var added struct {
		Token struct{ Token string } `json:"token"`
	}
	if err := json.Unmarshal([]byte(out), &added); err != nil {
		t.Fatalf("judge user add --json: %v: %s", err, out)
	}
	c := client.New(e.server, added.Token.Token)

	solution := repoFile(t, "examples/problems/two-sum/solutions/solution.py")
	dir := t.TempDir()
	// The editor gets the file as its last argument, as vi would.
	editor := filepath.Join(dir, "editor.sh")
	script := "#!/bin/sh\ncat " + solution + " > \"$1\"\n"
	if err := os.WriteFile(editor, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	rts := runtimes.NewSet(runtimes.Builtin())
	var langs []tui.Language
	for _, n := range rts.Names() {
		langs = append(langs, tui.Language{Name: n, Ext: rts[n].Extensions[0]})
	}
	m := tui.New(context.Background(), tui.Options{Client: c, Languages: langs, Language: "python",
		Editor: editor, Dir: filepath.Join(dir, "code"), Where: e.server})
	if err := os.Mkdir(filepath.Join(dir, "code"), 0o755); err != nil {
		t.Fatal(err)
	}
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
	wait := func(texts ...string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
			for _, s := range texts {
				if !bytes.Contains(b, []byte(s)) {
					return false
				}
			}
			return true
		}, teatest.WithDuration(2*time.Minute), teatest.WithCheckInterval(20*time.Millisecond))
	}
	enter := func() { tm.Send(tea.KeyMsg{Type: tea.KeyEnter}) }

	wait("3Sum")
	tm.Type("/two-sum")
	wait("filtered")
	enter()
	wait("enter open")
	enter()
	wait("Two Sum", "press e to write it")
	tm.Type("e")
	wait("Saved your draft of two-sum (python).")
	tm.Type("s")
	wait("Accepted", "50/50 tests passed")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	view := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).View()
	if !strings.Contains(view, "Submission") || !strings.Contains(view, "All tests passed.") {
		t.Errorf("final screen:\n%s", view)
	}

	want, _ := os.ReadFile(solution)
	got, err := os.ReadFile(filepath.Join(dir, "code", "two-sum.py"))
	if err != nil || string(got) != string(want) {
		t.Errorf("code file: %v\n%s", err, got)
	}
	ctx := context.Background()
	d, err := c.Draft(ctx, "two-sum", "python")
	if err != nil || d.Code != string(want) {
		t.Errorf("draft on the daemon: %v: %q", err, d)
	}
	list, err := c.Submissions(ctx, nil)
	if err != nil || len(list.Submissions) != 1 {
		t.Fatalf("submissions: %v %+v", err, list)
	}
	if s := list.Submissions[0]; s.Result == nil || s.Result.Verdict != api.Accepted || s.Mode != api.ModeSubmit {
		t.Errorf("the daemon has %+v", s)
	}
}
