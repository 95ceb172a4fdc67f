package tui

import (
	"net/url"
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/table"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/judgehq/judge/judge/api"
)

type historyMsg struct {
	problem string
	list    *api.SubmissionList
}

// openHistory shows the user's submissions, of problem if not "".
func (m *Model) openHistory(problem string) tea.Cmd {
	m.histProblem = problem
	m.histSubs, m.histLoaded = nil, false
	m.screen = historyScreen
	m.layoutHistory()
	return m.loadHistory()
}

func (m *Model) loadHistory() tea.Cmd {
	q := url.Values{"per_page": {"100"}}
	if m.histProblem != "" {
		q.Set("problem", m.histProblem)
	}
	problem := m.histProblem
	return do(func() (tea.Msg, error) {
		list, err := m.o.Client.Submissions(m.ctx, q)
		return historyMsg{problem, list}, err
	})
}

func (m *Model) gotHistory(msg historyMsg) {
	if msg.problem != m.histProblem {
		return
	}
	m.histSubs, m.histLoaded = msg.list.Submissions, true
	m.layoutHistory()
	if len(m.histSubs) == 0 && m.screen == historyScreen {
		m.setFlash("No submissions yet.")
	}
}

// layoutHistory fills the table for the screen's width.
func (m *Model) layoutHistory() {
	const idW, whenW, langW, modeW = 5, 12, 10, 6
	probW := 0
	if m.histProblem == "" {
		probW = 18
	}
	// Each cell has one cell of padding on either side.
	resW := max(m.width-idW-whenW-probW-langW-modeW-2*6, 17)
	cols := []table.Column{{Title: "ID", Width: idW}, {Title: "WHEN", Width: whenW}}
	if probW > 0 {
		cols = append(cols, table.Column{Title: "PROBLEM", Width: probW})
	}
	cols = append(cols, table.Column{Title: "LANG", Width: langW}, table.Column{Title: "MODE", Width: modeW},
		table.Column{Title: "RESULT", Width: resW})
	rows := make([]table.Row, len(m.histSubs))
	for i, s := range m.histSubs {
		r := table.Row{strconv.FormatInt(s.ID, 10), s.CreatedAt.Local().Format("Jan _2 15:04")}
		if probW > 0 {
			r = append(r, s.Problem)
		}
		r = append(r, s.Language, s.Mode, summary(&s, false))
		rows[i] = r
	}
	m.hist.SetRows(nil) // the rows must fit the columns at every step
	m.hist.SetColumns(cols)
	m.hist.SetRows(rows)
}

func (m *Model) updateHistory(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, m.keys.Back):
			m.screen = listScreen
			if m.histProblem != "" && m.prob != nil {
				m.screen = problemScreen
			}
			return nil
		case key.Matches(k, m.keys.Refresh):
			return m.loadHistory()
		case key.Matches(k, m.keys.Open):
			i := m.hist.Cursor()
			if i < 0 || i >= len(m.histSubs) {
				return nil
			}
			id := m.histSubs[i].ID
			return do(func() (tea.Msg, error) {
				sub, err := m.o.Client.Submission(m.ctx, id, 0)
				return submissionMsg{sub: sub}, err
			})
		}
	}
	var cmd tea.Cmd
	m.hist, cmd = m.hist.Update(msg)
	return cmd
}

func (m *Model) viewHistory() string {
	if !m.histLoaded {
		return m.spin.View() + " Loading your submissions…"
	}
	return m.hist.View()
}
