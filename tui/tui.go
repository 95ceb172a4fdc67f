package tui

import (
	"context"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/progress"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/table"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/client"
)

// Language is a language the user can write code in.
type Language struct {
	Name string // as the daemon calls it: python, cpp, ...
	Ext  string // file extension of its code, without the dot
}

// Options configure the TUI.
type Options struct {
	Client    *client.Client
	Languages []Language
	// Language is the one picked at the start (default: the first).
	Language string
	// Editor is the shell command that edits a file, given as its last
	// argument ("vim", "code --wait"); empty: editing is not offered.
	Editor string
	// Dir is where the code files are written, named SLUG.EXT.
	Dir string
	// Where names the daemon in the header: its URL or "local judge".
	Where string
	// Poll is the pause between two looks at a running submission
	// (default 300 ms); Refresh the one between two leaderboard fetches
	// (default 3 s).
	Poll, Refresh time.Duration
}

// Run runs the TUI on the terminal until the user quits.
func Run(ctx context.Context, o Options) error {
	_, err := tea.NewProgram(New(ctx, o), tea.WithAltScreen(), tea.WithContext(ctx)).Run()
	return err
}

type screen int

const (
	listScreen screen = iota
	problemScreen
	langScreen
	resultScreen
	historyScreen
	contestsScreen
	boardScreen
)

// Model is the TUI's one model; each screen keeps its state in it.
type Model struct {
	o      Options
	ctx    context.Context
	width  int
	height int
	screen screen
	keys   keyMap
	help   help.Model
	flash  string // the status line: what just happened
	isErr  bool

	// The problem list.
	list       list.Model
	problems   []api.ProblemSummary
	difficulty int // index in difficulties
	status     int // index in statuses
	loaded     bool

	// The problem.
	prob      *api.Problem
	lang      string
	statement viewport.Model
	rendered  string // the statement as rendered, for the width renderedW
	renderedW int
	langs     list.Model

	// The submission being judged or looked at.
	sub      *api.Submission
	back     screen // where esc goes from the result
	spin     spinner.Model
	bar      progress.Model
	result   viewport.Model
	watching int64 // the submission being polled

	// History.
	hist        table.Model
	histSubs    []api.Submission
	histLoaded  bool
	histProblem string

	// Contests and the leaderboard.
	contests    list.Model
	contest     *api.Contest
	board       table.Model
	boardData   *api.Leaderboard
	etag        string
	boardTicket int // which refresh loop is current
}

// New returns the TUI's model.
func New(ctx context.Context, o Options) *Model {
	if o.Poll <= 0 {
		o.Poll = 300 * time.Millisecond
	}
	if o.Refresh <= 0 {
		o.Refresh = 3 * time.Second
	}
	if o.Dir == "" {
		o.Dir = "."
	}
	m := &Model{o: o, ctx: ctx, keys: newKeyMap(), help: help.New(), width: 80, height: 24}
	m.lang = o.Language
	if m.langName() == "" && len(o.Languages) > 0 {
		m.lang = o.Languages[0].Name
	}
	m.list = newProblemList()
	m.langs = newLangList(o.Languages)
	m.contests = newContestList()
	m.statement = viewport.New(0, 0)
	m.result = viewport.New(0, 0)
	m.spin = spinner.New(spinner.WithSpinner(spinner.Dot), spinner.WithStyle(accent))
	m.bar = progress.New(progress.WithSolidFill("42"), progress.WithoutPercentage())
	m.hist = newTable()
	m.board = newTable()
	m.resize()
	return m
}

// Init loads the problems.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.loadProblems(), m.spin.Tick)
}

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		return m, nil
	case tea.KeyMsg:
		if key.Matches(msg, m.keys.ForceQuit) {
			return m, tea.Quit
		}
		if m.typing() {
			break
		}
		switch {
		case key.Matches(msg, m.keys.Help):
			m.help.ShowAll = !m.help.ShowAll
			m.resize()
			return m, nil
		case key.Matches(msg, m.keys.Quit) && m.screen == listScreen:
			return m, tea.Quit
		}
		m.flash = ""
	case spinner.TickMsg:
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	case errMsg:
		m.setError(msg.err)
		return m, nil
	case problemsMsg:
		return m, m.gotProblems(msg)
	case problemMsg:
		return m, m.gotProblem(msg)
	case startEditor:
		return m, runEditor(msg)
	case editedMsg:
		return m, m.edited(msg)
	case draftSavedMsg:
		m.setFlash("Saved your draft of " + msg.slug + " (" + msg.lang + ").")
		return m, nil
	case submittedMsg:
		return m, m.submitted(msg)
	case submissionMsg:
		return m, m.gotSubmission(msg)
	case historyMsg:
		m.gotHistory(msg)
		return m, nil
	case contestsMsg:
		m.gotContests(msg)
		return m, nil
	case boardMsg:
		return m, m.gotBoard(msg)
	case boardTickMsg:
		if msg.ticket != m.boardTicket || m.screen != boardScreen {
			return m, nil // an old refresh loop, or the board was left
		}
		return m, m.fetchBoard()
	}
	switch m.screen {
	case listScreen:
		return m, m.updateList(msg)
	case problemScreen:
		return m, m.updateProblem(msg)
	case langScreen:
		return m, m.updateLang(msg)
	case resultScreen:
		return m, m.updateResult(msg)
	case historyScreen:
		return m, m.updateHistory(msg)
	case contestsScreen:
		return m, m.updateContests(msg)
	case boardScreen:
		return m, m.updateBoard(msg)
	}
	return m, nil
}

// typing reports whether keys go to a text input (the list's filter), so
// that single-letter commands must not act on them.
func (m *Model) typing() bool {
	return m.screen == listScreen && m.list.FilterState() == list.Filtering ||
		m.screen == langScreen && m.langs.FilterState() == list.Filtering ||
		m.screen == contestsScreen && m.contests.FilterState() == list.Filtering
}

// View draws the screen: a header, the screen's body, a status line and the
// help bar.
func (m *Model) View() string {
	var body string
	switch m.screen {
	case listScreen:
		body = m.viewList()
	case problemScreen:
		body = m.viewProblem()
	case langScreen:
		body = m.viewLang()
	case resultScreen:
		body = m.viewResult()
	case historyScreen:
		body = m.viewHistory()
	case contestsScreen:
		body = m.contests.View()
	case boardScreen:
		body = m.viewBoard()
	}
	status := dim.Render(m.flash)
	if m.isErr {
		status = bad.Render(m.flash)
	}
	parts := []string{m.viewHeader(), fit(body, m.width, m.bodyHeight()), cut(status, m.width), m.viewHelp()}
	return strings.Join(parts, "\n")
}

func (m *Model) viewHeader() string {
	crumbs := []string{"judge"}
	switch m.screen {
	case problemScreen, langScreen:
		crumbs = append(crumbs, m.prob.Slug)
	case resultScreen:
		if m.sub != nil {
			crumbs = append(crumbs, m.sub.Problem, "submission "+itoa(m.sub.ID))
		}
	case historyScreen:
		crumbs = append(crumbs, "history")
		if m.histProblem != "" {
			crumbs = append(crumbs, m.histProblem)
		}
	case contestsScreen:
		crumbs = append(crumbs, "contests")
	case boardScreen:
		crumbs = append(crumbs, "leaderboard")
	}
	left := header.Render(strings.Join(crumbs, " › "))
	right := dim.Render(m.lang + " · " + m.o.Where)
	gap := m.width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return cut(left, m.width)
	}
	return left + strings.Repeat(" ", gap) + right
}

// viewHelp is the help bar, or with ? all the screen's keys.
func (m *Model) viewHelp() string {
	h := m.help.View(m.keys.forScreen(m))
	// The help cuts its line short only when an ellipsis fits: cut it here.
	return fit(h, m.width, lipgloss.Height(h))
}

// bodyHeight is what is left for the screen's body.
func (m *Model) bodyHeight() int {
	h := m.height - 2 - lipgloss.Height(m.viewHelp())
	if h < 3 {
		h = 3
	}
	return h
}

// resize lays every screen out for the terminal's size.
func (m *Model) resize() {
	w, h := m.width, m.bodyHeight()
	m.help.Width = w
	m.list.SetSize(w, h)
	m.langs.SetSize(w, h)
	m.contests.SetSize(w, h)
	m.statement.Width, m.statement.Height = w, h-headLines
	m.result.Width, m.result.Height = w, h-headLines
	m.bar.Width = min(w-4, 60)
	m.hist.SetWidth(w)
	m.hist.SetHeight(h)
	m.board.SetWidth(w)
	m.board.SetHeight(h - 2)
	if m.prob != nil && m.renderedW != w {
		m.renderStatement()
	}
	if m.sub != nil {
		m.result.SetContent(m.resultBody())
	}
	m.layoutHistory()
	m.layoutBoard()
}

// headLines is the height of the problem and result screens' headers.
const headLines = 3

func (m *Model) setFlash(s string) { m.flash, m.isErr = s, false }

func (m *Model) setError(err error) {
	m.flash, m.isErr = "error: "+firstLine(err.Error()), true
}

// Messages from commands.
type (
	errMsg struct{ err error }
)

// do runs f off the UI's goroutine and turns an error into an errMsg.
func do(f func() (tea.Msg, error)) tea.Cmd {
	return func() tea.Msg {
		msg, err := f()
		if err != nil {
			return errMsg{err}
		}
		return msg
	}
}

func (m *Model) langName() string {
	for _, l := range m.o.Languages {
		if l.Name == m.lang {
			return l.Name
		}
	}
	return ""
}

func (m *Model) langExt() string {
	for _, l := range m.o.Languages {
		if l.Name == m.lang {
			return l.Ext
		}
	}
	return m.lang
}
