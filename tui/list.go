package tui

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/judgehq/judge/judge/api"
)

var (
	difficulties = []string{"", "easy", "medium", "hard"}
	statuses     = []string{"", api.StatusNotStarted, api.StatusAttempted, api.StatusSolved}
)

type problemItem api.ProblemSummary

func (p problemItem) FilterValue() string {
	return p.Slug + " " + p.Title + " " + strings.Join(p.Tags, " ")
}

// problemDelegate draws a problem on one line: status, title, difficulty
// and tags.
type problemDelegate struct{}

func (problemDelegate) Height() int                         { return 1 }
func (problemDelegate) Spacing() int                        { return 0 }
func (problemDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }
func (problemDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	p, ok := item.(problemItem)
	if !ok {
		return
	}
	width := m.Width()
	const titleW, diffW = 38, 8
	cursor := "  "
	title := lipgloss.NewStyle().Width(titleW).Render(cut(p.Title, titleW-1))
	if index == m.Index() {
		cursor = accent.Render("› ")
		title = accent.Bold(true).Width(titleW).Render(cut(p.Title, titleW-1))
	}
	diff := lipgloss.NewStyle().Width(diffW).Render(difficultyText(p.Difficulty))
	line := cursor + statusMark(p.Status) + " " + title + diff + dim.Render(strings.Join(p.Tags, ", "))
	fmt.Fprint(w, cut(line, width))
}

func newProblemList() list.Model {
	l := newList("Problems", "problem", nil, problemDelegate{})
	l.Styles.TitleBar = lipgloss.NewStyle().Padding(0, 0, 1, 0)
	return l
}

// newList is a list in the TUI's style, whose keys the help bar shows and
// that leaves quitting to the TUI. item names one item, for the status bar.
func newList(title, item string, items []list.Item, d list.ItemDelegate) list.Model {
	l := list.New(items, d, 0, 0)
	l.Title = title
	l.Styles.Title = header.Padding(0, 0)
	l.SetShowHelp(false)
	l.SetStatusBarItemName(item, item+"s")
	l.DisableQuitKeybindings()
	return l
}

type problemsMsg struct{ list *api.ProblemList }

func (m *Model) loadProblems() tea.Cmd {
	return do(func() (tea.Msg, error) {
		list, err := m.o.Client.AllProblems(m.ctx, nil)
		return problemsMsg{list}, err
	})
}

func (m *Model) gotProblems(msg problemsMsg) tea.Cmd {
	m.problems = msg.list.Problems
	m.loaded = true
	return m.applyFilters()
}

// applyFilters shows the problems of the chosen difficulty and status.
func (m *Model) applyFilters() tea.Cmd {
	d, s := difficulties[m.difficulty], statuses[m.status]
	var items []list.Item
	for _, p := range m.problems {
		if (d == "" || p.Difficulty == d) && (s == "" || p.Status == s) {
			items = append(items, problemItem(p))
		}
	}
	title := "Problems"
	if d != "" {
		title += " · " + d
	}
	if s != "" {
		title += " · " + strings.ReplaceAll(s, "_", " ")
	}
	m.list.Title = title
	return m.list.SetItems(items)
}

func (m *Model) updateList(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok && m.list.FilterState() != list.Filtering {
		switch {
		case key.Matches(k, m.keys.Open):
			if it, ok := m.list.SelectedItem().(problemItem); ok {
				return m.openProblem(it.Slug)
			}
			return nil
		case key.Matches(k, m.keys.Difficulty):
			m.difficulty = (m.difficulty + 1) % len(difficulties)
			return m.applyFilters()
		case key.Matches(k, m.keys.Status):
			m.status = (m.status + 1) % len(statuses)
			return m.applyFilters()
		case key.Matches(k, m.keys.History):
			return m.openHistory("")
		case key.Matches(k, m.keys.Boards):
			return m.openContests()
		case key.Matches(k, m.keys.Refresh):
			return m.loadProblems()
		}
	}
	return updateList(&m.list, msg)
}

func (m *Model) viewList() string {
	if !m.loaded {
		return m.spin.View() + " Loading the problems…"
	}
	return m.list.View()
}

// updateList passes msg to l. The list filters in the background as the
// user types, and the matches of an earlier text may come after those of
// the last one; once a filter is applied, its matches are worked out again
// here, at once, so that the list shows what the filter says.
func updateList(l *list.Model, msg tea.Msg) tea.Cmd {
	if _, ok := msg.(list.FilterMatchesMsg); ok && l.FilterState() == list.FilterApplied {
		l.SetFilterText(l.FilterValue())
		return nil
	}
	typing := l.FilterState() == list.Filtering
	var cmd tea.Cmd
	*l, cmd = l.Update(msg)
	if typing && l.FilterState() == list.FilterApplied {
		l.SetFilterText(l.FilterValue())
	}
	return cmd
}
