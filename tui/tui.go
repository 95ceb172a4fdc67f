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
	"github.com/muesli/termenv"

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
	// MarkdownStyle is glamour's style for statements: "dark", "light" or
	// "ascii" (default: ascii on a terminal without colors, else dark; Run
	// asks the terminal).
	MarkdownStyle string
	// Poll is the pause between two looks at a running submission
	// (default 300 ms); Refresh the one between two leaderboard fetches
	// (default 3 s).
	Poll, Refresh time.Duration
}

// Run runs the TUI on the terminal until the user quits.
func Run(ctx context.Context, o Options) error {
	if o.MarkdownStyle == "" && lipgloss.ColorProfile() != termenv.Ascii {
		// Ask the terminal before the program reads its input.
		o.MarkdownStyle = "dark"
		if !lipgloss.HasDarkBackground() {
			o.MarkdownStyle = "light"
		}
	}
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
	prob       *api.Problem
	lang       string
	statement  viewport.Model
	codeExists bool   // the code file of the problem in the language is there
	rendered   string // the statement as rendered, for the width renderedW
	renderedW  int
	langs      list.Model

	// The submission being judged or looked at.
	sub      *api.Submission
	back     screen // where esc goes from the result
	spin     spinner.Model
	bar      progress.Model
	result   viewport.Model
	watching map[int64]bool // the submissions being polled
	ticking  bool           // the spinner's clock runs

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
	if o.MarkdownStyle == "" {
		o.MarkdownStyle = "dark"
		if lipgloss.ColorProfile() == termenv.Ascii {
			o.MarkdownStyle = "ascii"
		}
	}
	m := &Model{o: o, ctx: ctx, keys: newKeyMap(), help: help.New(), width: 80, height: 24,
		watching: map[int64]bool{}}
	m.lang = o.Language
	if _, ok := m.language(); !ok && len(o.Languages) > 0 {
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
	return tea.Batch(m.loadProblems(), m.spinner())
}

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	before, helpH := m.screen, lipgloss.Height(m.viewHelp())
	_, cmd := m.update(msg)
	if m.screen != before || lipgloss.Height(m.viewHelp()) != helpH {
		m.resize() // the help bar, and so the body, may have another height
	}
	return m, tea.Batch(cmd, m.spinner())
}

// busy reports whether the screen waits for something, with a spinner.
func (m *Model) busy() bool {
	switch m.screen {
	case listScreen:
		return !m.loaded
	case resultScreen:
		return m.sub != nil && m.sub.State != api.StateDone
	case historyScreen:
		return !m.histLoaded
	case boardScreen:
		return m.boardData == nil
	}
	return false
}

// spinner starts the spinner's clock when the screen is busy; it stops
// when the screen is not, so that an idle TUI does not redraw.
func (m *Model) spinner() tea.Cmd {
	if m.ticking || !m.busy() {
		return nil
	}
	m.ticking = true
	return m.spin.Tick
}

func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
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
		if !m.busy() {
			m.ticking = false
			return m, nil
		}
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
		if m.screen != problemScreen || m.prob.Slug != msg.slug || m.lang != msg.lang {
			return m, nil // the user went elsewhere meanwhile
		}
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
	case pollFailedMsg:
		m.setError(msg.err)
		if !m.watching[msg.id] {
			return m, nil
		}
		return m, m.poll(msg.id, time.Second) // try again: the verdict will come
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

// viewHelp is the help bar, or with ? all the screen's keys if they fit.
func (m *Model) viewHelp() string {
	keys := m.keys.forScreen(m)
	h := m.help.View(keys)
	if m.help.ShowAll && lipgloss.Height(h) > m.height-5 {
		h = m.help.ShortHelpView(keys.ShortHelp())
	}
	// The help cuts its line short only when an ellipsis fits: cut it here.
	return fit(h, m.width, lipgloss.Height(h))
}

// bodyHeight is what is left for the screen's body.
func (m *Model) bodyHeight() int {
	return max(m.height-2-lipgloss.Height(m.viewHelp()), 1)
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

// language is the chosen language, if it is one of the options'.
func (m *Model) language() (Language, bool) {
	for _, l := range m.o.Languages {
		if l.Name == m.lang {
			return l, true
		}
	}
	return Language{}, false
}

// langExt is the chosen language's file extension.
func (m *Model) langExt() string {
	if l, ok := m.language(); ok {
		return l.Ext
	}
	return m.lang
}
