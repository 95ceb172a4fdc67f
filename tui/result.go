package tui

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/judgehq/judge/judge/api"
)

type submittedMsg struct{ sub *api.Submission }

type submissionMsg struct {
	sub  *api.Submission
	poll bool // part of the polling of a submission being judged
}

// submit sends the code file as a run (samples) or a submission.
func (m *Model) submit(mode string) tea.Cmd {
	path := m.codePath()
	code, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		m.setError(fmt.Errorf("no code yet in %s: press e to write it", path))
		return nil
	}
	if err != nil {
		m.setError(err)
		return nil
	}
	req := api.SubmitRequest{Problem: m.prob.Slug, Language: m.lang, Code: string(code), Mode: mode}
	m.setFlash("Sending " + path + "…")
	return do(func() (tea.Msg, error) {
		res, err := m.o.Client.Submit(m.ctx, req)
		if err != nil {
			return nil, err
		}
		return submittedMsg{&api.Submission{ID: res.ID, State: res.State, Problem: req.Problem,
			Language: req.Language, Mode: mode}}, nil
	})
}

func (m *Model) submitted(msg submittedMsg) tea.Cmd {
	sub := msg.sub
	m.watching[sub.ID] = true
	if (m.screen == problemScreen || m.screen == resultScreen && m.back == problemScreen) &&
		m.prob != nil && m.prob.Slug == sub.Problem {
		m.showSubmission(sub, problemScreen)
		m.setFlash("")
	} else {
		m.setFlash(fmt.Sprintf("Sent submission %d; its verdict will show here.", sub.ID))
	}
	return m.poll(sub.ID, 0)
}

// showSubmission puts sub on the result screen; esc goes back to back.
func (m *Model) showSubmission(sub *api.Submission, back screen) {
	m.sub, m.back, m.screen = sub, back, resultScreen
	m.result.SetContent(m.resultBody())
	m.result.GotoTop()
}

// pollFailedMsg says a look at a submission being judged failed.
type pollFailedMsg struct {
	id  int64
	err error
}

// poll looks at submission id after a pause.
func (m *Model) poll(id int64, after time.Duration) tea.Cmd {
	get := func() tea.Msg {
		sub, err := m.o.Client.Submission(m.ctx, id, 0)
		if err != nil {
			return pollFailedMsg{id, err}
		}
		return submissionMsg{sub: sub, poll: true}
	}
	if after == 0 {
		return get
	}
	return tea.Tick(after, func(time.Time) tea.Msg { return get() })
}

func (m *Model) gotSubmission(msg submissionMsg) tea.Cmd {
	sub := msg.sub
	if !msg.poll { // opened from the history
		if m.screen != historyScreen {
			return nil // the user went elsewhere meanwhile
		}
		m.showSubmission(sub, historyScreen)
		if sub.State != api.StateDone && !m.watching[sub.ID] {
			m.watching[sub.ID] = true
			return m.poll(sub.ID, m.o.Poll)
		}
		return nil
	}
	if !m.watching[sub.ID] {
		return nil
	}
	var next tea.Cmd
	if sub.State != api.StateDone {
		next = m.poll(sub.ID, m.o.Poll)
	} else {
		delete(m.watching, sub.ID)
		if sub.Mode == api.ModeSubmit {
			next = m.loadProblems() // its status may have changed
			if p := m.prob; p != nil && sub.Problem == p.Slug && sub.Result != nil {
				if sub.Result.Verdict == api.Accepted {
					p.Status = api.StatusSolved
				} else if p.Status != api.StatusSolved {
					p.Status = api.StatusAttempted
				}
			}
		}
	}
	if m.screen == resultScreen && m.sub != nil && m.sub.ID == sub.ID {
		m.sub = sub
		m.result.SetContent(m.resultBody())
	} else if sub.State == api.StateDone {
		m.setFlash(fmt.Sprintf("Submission %d: %s", sub.ID, summary(sub, true)))
	}
	return next
}

func (m *Model) updateResult(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, m.keys.Back):
			m.screen = m.back
			return nil
		case m.back != problemScreen:
		case key.Matches(k, m.keys.Edit):
			m.screen = problemScreen
			return m.edit()
		case key.Matches(k, m.keys.Run):
			return m.submit(api.ModeRun)
		case key.Matches(k, m.keys.Submit):
			return m.submit(api.ModeSubmit)
		}
	}
	var cmd tea.Cmd
	m.result, cmd = m.result.Update(msg)
	return cmd
}

func (m *Model) viewResult() string {
	return m.resultHead() + "\n" + m.result.View()
}

// resultHead is the verdict, or the progress while judging: headLines
// lines.
func (m *Model) resultHead() string {
	sub := m.sub
	what := "Submission"
	if sub.Mode == api.ModeRun {
		what = "Run on the samples"
	}
	title := bold.Render(fmt.Sprintf("%s %d", what, sub.ID)) + dim.Render(fmt.Sprintf(" · %s · %s", sub.Problem, sub.Language))
	switch {
	case sub.State == api.StateQueued:
		return title + "\n\n" + m.spin.View() + " Waiting in the queue…"
	case sub.State != api.StateDone || sub.Result == nil:
		done, total := 0, 0
		if sub.Progress != nil {
			done, total = sub.Progress.Done, sub.Progress.Total
		}
		line := m.spin.View() + " Judging…"
		bar := ""
		if total > 0 {
			line = fmt.Sprintf("%s Judging: %d of %d tests done", m.spin.View(), done, total)
			bar = "  " + m.bar.ViewAs(float64(done)/float64(total))
		}
		return title + "\n" + line + "\n" + bar
	}
	return title + "\n" + verdictLine(sub.Result) + "\n"
}

func verdictLine(r *api.Result) string {
	line := verdictText(r.Verdict)
	if r.Verdict == api.CompileError || r.Verdict == api.InternalError {
		return line
	}
	line += fmt.Sprintf("  %d/%d tests passed", r.Passed, r.Total)
	if r.Verdict == api.Accepted {
		line += dim.Render(fmt.Sprintf("  ·  %s  ·  %.1f MiB", api.FormatMS(r.TimeMS), float64(r.MemoryKB)/1024))
	}
	return line
}

// summary is a submission's verdict and tests passed, or its state;
// parenthesised says "(3/50)" rather than "3/50".
func summary(sub *api.Submission, parenthesised bool) string {
	if sub.Result == nil {
		return sub.State
	}
	r := sub.Result
	if r.Verdict == api.CompileError || r.Verdict == api.InternalError {
		return r.Verdict.Name()
	}
	if parenthesised {
		return fmt.Sprintf("%s (%d/%d)", r.Verdict.Name(), r.Passed, r.Total)
	}
	return fmt.Sprintf("%s %d/%d", r.Verdict.Name(), r.Passed, r.Total)
}

// resultBody explains the result: each test of a run, the first failing
// test of a submission with its diff, the compiler's message.
func (m *Model) resultBody() string {
	sub := m.sub
	r := sub.Result
	if sub.State != api.StateDone || r == nil {
		return ""
	}
	w := m.width
	var b strings.Builder
	if len(r.Tests) > 0 {
		for _, t := range r.Tests {
			mark := good.Render("✓")
			if t.Verdict != api.Accepted {
				mark = bad.Render("✗")
			}
			fmt.Fprintf(&b, "%s test %d  %s  %s\n", mark, t.Index, verdictText(t.Verdict), dim.Render(api.FormatMS(t.TimeMS)))
		}
		for i := range r.Tests {
			if t := &r.Tests[i]; t.Verdict != api.Accepted {
				b.WriteString("\n" + testDetail(t, len(r.Tests), w))
				break
			}
		}
	} else if r.Failed != nil {
		b.WriteString(testDetail(r.Failed, r.Total, w))
	}
	if r.Message != "" && (r.Failed == nil || r.Failed.Message != r.Message) && r.Verdict != api.WrongAnswer {
		b.WriteString("\n" + box.Width(max(w-2, 10)).Render(strings.TrimRight(r.Message, "\n")) + "\n")
	}
	if r.Verdict == api.Accepted && len(r.Tests) == 0 {
		b.WriteString(good.Render("All tests passed.") + "\n")
	}
	return b.String()
}

// testDetail shows a failing test: its input, and expected against actual
// output as a diff.
func testDetail(t *api.TestResult, total, w int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s\n", bold.Render(fmt.Sprintf("Test %d of %d", t.Index, total)), verdictText(t.Verdict))
	if len(t.Input) > 0 {
		fmt.Fprintf(&b, "%s %s\n", dim.Render("input   "), api.FormatInput(t.Input))
	}
	if t.Expected != nil && t.Actual != nil {
		b.WriteString(dim.Render("diff     ") + gone.Render("- expected") + dim.Render("  ") + added.Render("+ output") + "\n")
		for _, l := range diffLines(jsonLines(t.Expected, w-4), jsonLines(t.Actual, w-4)) {
			switch l.op {
			case '-':
				b.WriteString(gone.Render("- "+l.text) + "\n")
			case '+':
				b.WriteString(added.Render("+ "+l.text) + "\n")
			default:
				b.WriteString("  " + l.text + "\n")
			}
		}
	} else if t.Expected != nil {
		fmt.Fprintf(&b, "%s %s\n", dim.Render("expected"), t.Expected)
	}
	if t.Stdout != "" {
		b.WriteString(dim.Render("stdout") + "\n" + strings.TrimRight(t.Stdout, "\n") + "\n")
	}
	if t.Message != "" && t.Verdict != api.WrongAnswer {
		b.WriteString(box.Width(max(w-2, 10)).Render(strings.TrimRight(t.Message, "\n")) + "\n")
	}
	return b.String()
}

// jsonLines is a JSON value on one line if it fits in w cells, else
// indented over several, so that a diff can point at the lines that differ.
func jsonLines(v json.RawMessage, w int) []string {
	var compact bytes.Buffer
	if json.Compact(&compact, v) != nil {
		return strings.Split(string(v), "\n")
	}
	if compact.Len() <= w {
		return []string{compact.String()}
	}
	var out bytes.Buffer
	json.Indent(&out, compact.Bytes(), "", "  ")
	return strings.Split(out.String(), "\n")
}

type diffLine struct {
	op   byte // '-' only in a, '+' only in b, ' ' in both
	text string
}

// diffLines is a line diff of a and b by longest common subsequence; very
// long inputs are shown as all of a against all of b.
func diffLines(a, b []string) []diffLine {
	var out []diffLine
	if len(a)*len(b) > 250_000 {
		for _, l := range a {
			out = append(out, diffLine{'-', l})
		}
		for _, l := range b {
			out = append(out, diffLine{'+', l})
		}
		return out
	}
	// lcs[i][j] is the LCS length of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			out = append(out, diffLine{' ', a[i]})
			i++
			j++
		case j == len(b) || i < len(a) && lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, diffLine{'-', a[i]})
			i++
		default:
			out = append(out, diffLine{'+', b[j]})
			j++
		}
	}
	return out
}
