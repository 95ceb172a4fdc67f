package tui_test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"github.com/judgehq/judge/examples"
	"github.com/judgehq/judge/judge"
	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/client"
	"github.com/judgehq/judge/judge/store"
	"github.com/judgehq/judge/problems"
	"github.com/judgehq/judge/runtimes"
	"github.com/judgehq/judge/runtimes/local"
	"github.com/judgehq/judge/tui"
)

func TestMain(m *testing.M) {
	// Golden screens are plain text, whatever the terminal running the tests.
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// fixture is a real daemon (SQLite, queue, HTTP) whose submissions run on
// the host, without a sandbox, as the judge's own unit tests do: Python
// only. user is a client of the user "ada", admin of the admin.
type fixture struct {
	user, admin *client.Client
	dir         string
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	ps, err := problems.LoadAll(examples.Problems, "problems")
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "judge.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	admin, err := judge.Bootstrap(ctx, st, "admin")
	if err != nil {
		t.Fatal(err)
	}
	token, hash := judge.NewToken()
	if _, _, err := st.CreateUserWithToken(ctx, "ada", store.RoleUser, hash, ""); err != nil {
		t.Fatal(err)
	}
	rts := runtimes.NewSet(runtimes.Builtin())
	contests, err := judge.LoadContests(ctx, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := judge.NewMetrics(st.QueueDepth)
	q := judge.NewQueue(judge.QueueOptions{Store: st, Grader: &judge.Grader{Sandbox: local.Runner{}, Runtimes: rts},
		Problems: ps, Workers: 2, Metrics: m, Contests: contests})
	srv := judge.NewServer(judge.ServerOptions{Store: st, Queue: q, Problems: ps, Runtimes: rts, Metrics: m})
	hs := httptest.NewServer(srv.Handler())
	qctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { q.Run(qctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done; hs.Close() })
	return &fixture{user: client.New(hs.URL, token), admin: client.New(hs.URL, admin), dir: t.TempDir()}
}

func (f *fixture) options() tui.Options {
	return tui.Options{
		Client:    f.user,
		Languages: []tui.Language{{Name: "python", Ext: "py"}, {Name: "go", Ext: "go"}, {Name: "cpp", Ext: "cpp"}},
		Language:  "python",
		Dir:       f.dir,
		Where:     "test judge",
		Poll:      20 * time.Millisecond,
		Refresh:   100 * time.Millisecond,
	}
}

// start runs the TUI at 80x24 and waits for the problem list.
func start(t *testing.T, o tui.Options) *teatest.TestModel {
	t.Helper()
	tm := teatest.NewTestModel(t, tui.New(context.Background(), o), teatest.WithInitialTermSize(80, 24))
	waitFor(t, tm, "3Sum")
	return tm
}

// waitFor waits until the screen shows every one of texts.
func waitFor(t *testing.T, tm *teatest.TestModel, texts ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, s := range texts {
			if !bytes.Contains(b, []byte(s)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(20*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
}

func keys(tm *teatest.TestModel, ks ...string) {
	for _, k := range ks {
		switch k {
		case "enter":
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
		case "esc":
			tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
		case "down":
			tm.Send(tea.KeyMsg{Type: tea.KeyDown})
		default:
			tm.Type(k)
		}
	}
}

// finalView quits and returns the last screen, with what changes from run
// to run (times, memory, dates, the code's directory) replaced by
// placeholders, and no trailing blanks.
func finalView(t *testing.T, tm *teatest.TestModel, dir string) []byte {
	t.Helper()
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	view := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).View()
	view = strings.ReplaceAll(view, dir+"/", "$DIR/")
	view = regexp.MustCompile(`\d+(\.\d+)? ms|\d+\.\d+ MiB`).ReplaceAllStringFunc(view, func(s string) string {
		return "N" + s[strings.LastIndexByte(s, ' '):]
	})
	// Dates are in table cells of a fixed width.
	view = regexp.MustCompile(`[A-Z][a-z]{2} [ \d]\d \d\d:\d\d`).ReplaceAllString(view, "Mon DD hh:mm")
	lines := strings.Split(view, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return []byte(strings.Join(lines, "\n"))
}

// openTwoSum opens Two Sum from the list through the search.
func openTwoSum(t *testing.T, tm *teatest.TestModel) {
	t.Helper()
	keys(tm, "/", "two-sum")
	waitFor(t, tm, "filtered")
	keys(tm, "enter")
	waitFor(t, tm, "enter open")
	keys(tm, "enter")
	waitFor(t, tm, "Given an array of integers")
}

func writeCode(t *testing.T, f *fixture, name, solution string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "examples", "problems", "two-sum", solution))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(f.dir, name), src, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestScreens(t *testing.T) {
	f := newFixture(t)

	t.Run("list", func(t *testing.T) {
		tm := start(t, f.options())
		golden.RequireEqual(t, finalView(t, tm, f.dir))
	})

	t.Run("list-filtered", func(t *testing.T) {
		tm := start(t, f.options())
		keys(tm, "d", "d") // medium
		waitFor(t, tm, "Problems · medium")
		keys(tm, "/", "tree", "enter")
		waitFor(t, tm, "“tree” 12 problems")
		golden.RequireEqual(t, finalView(t, tm, f.dir))
	})

	t.Run("problem", func(t *testing.T) {
		tm := start(t, f.options())
		openTwoSum(t, tm)
		golden.RequireEqual(t, finalView(t, tm, f.dir))
	})

	t.Run("language", func(t *testing.T) {
		tm := start(t, f.options())
		openTwoSum(t, tm)
		keys(tm, "l")
		waitFor(t, tm, "Language")
		keys(tm, "down", "enter")
		waitFor(t, tm, "Language: go.")
		keys(tm, "l")
		waitFor(t, tm, "Language")
		golden.RequireEqual(t, finalView(t, tm, f.dir))
	})

	t.Run("run", func(t *testing.T) {
		writeCode(t, f, "two-sum.py", "solutions/solution.py")
		tm := start(t, f.options())
		openTwoSum(t, tm)
		keys(tm, "r")
		waitFor(t, tm, "test 3", "Accepted")
		golden.RequireEqual(t, finalView(t, tm, f.dir))
	})

	t.Run("wrong-answer", func(t *testing.T) {
		writeCode(t, f, "two-sum.py", "wrong/off-by-one.py")
		tm := start(t, f.options())
		openTwoSum(t, tm)
		keys(tm, "s")
		waitFor(t, tm, "Wrong Answer", "+ output")
		golden.RequireEqual(t, finalView(t, tm, f.dir))
	})

	t.Run("history", func(t *testing.T) {
		f := newFixture(t) // its own submissions only
		ctx := context.Background()
		for _, s := range []struct{ file, mode string }{{"solutions/solution.py", api.ModeRun}, {"wrong/off-by-one.py", api.ModeSubmit}} {
			code, err := os.ReadFile(filepath.Join("..", "examples", "problems", "two-sum", s.file))
			if err != nil {
				t.Fatal(err)
			}
			res, err := f.user.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: string(code), Mode: s.mode})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.user.WaitVerdict(ctx, res.ID); err != nil {
				t.Fatal(err)
			}
		}
		tm := start(t, f.options())
		keys(tm, "h")
		waitFor(t, tm, "RESULT", "Wrong Answer")
		golden.RequireEqual(t, finalView(t, tm, f.dir))
	})

	t.Run("leaderboard", func(t *testing.T) {
		ctx := context.Background()
		title, start0, dur := "Friday Practice", time.Now().Add(-time.Minute), int64(3600)
		c, err := f.admin.CreateContest(ctx, api.ContestRequest{Title: &title, StartAt: &start0, DurationS: &dur,
			Problems: []api.ContestProblem{{Label: "A", Problem: "two-sum"}, {Label: "B", Problem: "climbing-stairs"}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.user.Register(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		tm := start(t, f.options())
		keys(tm, "b")
		waitFor(t, tm, "Friday Practice")
		keys(tm, "enter")
		waitFor(t, tm, "PENALTY", "ada")
		// The board refreshes itself: a solve shows without a key.
		code, _ := os.ReadFile(filepath.Join("..", "examples", "problems", "two-sum", "solutions", "solution.py"))
		if _, err := f.user.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: string(code), Contest: c.ID}); err != nil {
			t.Fatal(err)
		}
		waitFor(t, tm, "+ (")
		golden.RequireEqual(t, finalView(t, tm, f.dir))
	})
}

// TestResize: every screen fits the terminal at any size, with the help bar
// on the last line, also with the full help open and after switching
// screens.
func TestResize(t *testing.T) {
	f := newFixture(t)
	tm := start(t, f.options())
	sizes := []tea.WindowSizeMsg{{Width: 60, Height: 15}, {Width: 120, Height: 40}, {Width: 50, Height: 12}}
	for _, size := range sizes {
		tm.Send(size)
	}
	openTwoSum(t, tm)
	keys(tm, "?")
	waitFor(t, tm, "ctrl+c")
	for _, size := range sizes {
		tm.Send(size)
	}
	keys(tm, "esc")
	waitFor(t, tm, "search")
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	m := tm.FinalModel(t).(*tui.Model)
	checkFits(t, m.View(), 50, 12)
	for _, size := range []tea.WindowSizeMsg{{Width: 80, Height: 24}, {Width: 30, Height: 8}, {Width: 200, Height: 60}} {
		m.Update(size)
		checkFits(t, m.View(), size.Width, size.Height)
		m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")})
		checkFits(t, m.View(), size.Width, size.Height)
		m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?")})
	}
}

func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Errorf("%d lines at %dx%d, want %d:\n%s", len(lines), w, h, h, view)
	}
	for _, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Errorf("a line %d cells wide at %dx%d: %q", lw, w, h, l)
		}
	}
	if last := lines[len(lines)-1]; !strings.Contains(last, "quit") && !strings.Contains(last, "open") && !strings.Contains(last, "filter") {
		t.Errorf("the last line at %dx%d is not the help bar: %q", w, h, last)
	}
}
