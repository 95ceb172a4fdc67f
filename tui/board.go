package tui

import (
	"fmt"
	"strconv"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/table"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/judgehq/judge/judge/api"
)

type contestItem struct{ c api.Contest }

func (it contestItem) FilterValue() string { return it.c.Title }
func (it contestItem) Title() string       { return it.c.Title }
func (it contestItem) Description() string {
	c := it.c
	return fmt.Sprintf("%s · %s · %d %s · %d %s", c.State, c.StartAt.Local().Format("2006-01-02 15:04"),
		c.ProblemCount, plural(c.ProblemCount, "problem"), c.Participants, plural(c.Participants, "participant"))
}

func newContestList() list.Model {
	return newList("Contests", "contest", nil, list.NewDefaultDelegate())
}

type contestsMsg struct{ list *api.ContestList }

func (m *Model) openContests() tea.Cmd {
	m.setFlash("Loading the contests…")
	return do(func() (tea.Msg, error) {
		list, err := m.o.Client.Contests(m.ctx)
		return contestsMsg{list}, err
	})
}

func (m *Model) gotContests(msg contestsMsg) {
	if m.screen != listScreen {
		return // the user went elsewhere meanwhile
	}
	if len(msg.list.Contests) == 0 {
		m.setFlash("No contests on this judge yet.")
		return
	}
	items := make([]list.Item, len(msg.list.Contests))
	for i, c := range msg.list.Contests {
		items[i] = contestItem{c}
	}
	m.contests.SetItems(items)
	m.screen = contestsScreen
	m.flash = ""
}

func (m *Model) updateContests(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok && m.contests.FilterState() != list.Filtering {
		switch {
		case key.Matches(k, m.keys.Back):
			m.screen = listScreen
			return nil
		case key.Matches(k, m.keys.Open):
			it, ok := m.contests.SelectedItem().(contestItem)
			if !ok {
				return nil
			}
			c := it.c
			m.contest, m.boardData, m.etag = &c, nil, ""
			m.screen = boardScreen
			m.boardTicket++
			m.layoutBoard()
			return m.fetchBoard()
		}
	}
	return updateList(&m.contests, msg)
}

type boardMsg struct {
	ticket int
	lb     *api.Leaderboard // nil: not changed
	etag   string
	err    error
}

type boardTickMsg struct{ ticket int }

// fetchBoard gets the leaderboard if it changed; the answer schedules the
// next refresh, so that the board refreshes itself while it is shown.
func (m *Model) fetchBoard() tea.Cmd {
	id, etag, ticket := m.contest.ID, m.etag, m.boardTicket
	return func() tea.Msg {
		lb, tag, err := m.o.Client.Leaderboard(m.ctx, id, 1, 100, etag)
		return boardMsg{ticket: ticket, lb: lb, etag: tag, err: err}
	}
}

func (m *Model) gotBoard(msg boardMsg) tea.Cmd {
	if msg.ticket != m.boardTicket {
		return nil
	}
	if msg.err != nil {
		m.setError(msg.err) // shown, and tried again at the next refresh
	} else if msg.lb != nil {
		m.boardData, m.etag = msg.lb, msg.etag
		m.layoutBoard()
	}
	ticket := m.boardTicket
	return tea.Tick(m.o.Refresh, func(time.Time) tea.Msg { return boardTickMsg{ticket} })
}

// layoutBoard fills the leaderboard table: rank, user, solved, penalty, and
// the problems that fit in the width.
func (m *Model) layoutBoard() {
	lb := m.boardData
	if lb == nil {
		m.board.SetRows(nil)
		return
	}
	const rankW, solvedW, penW, cellW = 5, 6, 7, 8
	userW := 18
	fixed := rankW + userW + solvedW + penW + 2*4
	labels := len(lb.Labels)
	if fit := (m.width - fixed) / (cellW + 2); fit < labels {
		labels = max(fit, 0)
	}
	cols := []table.Column{{Title: "RANK", Width: rankW}, {Title: "USER", Width: userW},
		{Title: "SOLVED", Width: solvedW}, {Title: "PENALTY", Width: penW}}
	for _, l := range lb.Labels[:labels] {
		cols = append(cols, table.Column{Title: l, Width: cellW})
	}
	rows := make([]table.Row, len(lb.Rows))
	for i, r := range lb.Rows {
		row := table.Row{strconv.Itoa(r.Rank), r.User, strconv.Itoa(r.Solved), strconv.Itoa(r.Penalty)}
		for j := 0; j < labels && j < len(r.Problems); j++ {
			row = append(row, r.Problems[j].String())
		}
		for len(row) < len(cols) {
			row = append(row, "")
		}
		rows[i] = row
	}
	m.board.SetRows(nil)
	m.board.SetColumns(cols)
	m.board.SetRows(rows)
}

func (m *Model) updateBoard(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, m.keys.Back):
			m.screen = contestsScreen
			m.boardTicket++ // stops the refresh loop
			return nil
		case key.Matches(k, m.keys.Refresh):
			m.boardTicket++
			m.etag = ""
			return m.fetchBoard()
		}
	}
	var cmd tea.Cmd
	m.board, cmd = m.board.Update(msg)
	return cmd
}

func (m *Model) viewBoard() string {
	c := m.contest
	head := bold.Render(c.Title) + dim.Render(" · "+c.State)
	if m.boardData == nil {
		return head + "\n\n" + m.spin.View() + " Loading the leaderboard…"
	}
	lb := m.boardData
	facts := fmt.Sprintf("%d %s · refreshes every %s", lb.Total, plural(lb.Total, "participant"), m.o.Refresh)
	if lb.Frozen {
		facts = warn.Render("frozen") + dim.Render(" · ") + facts
	}
	if lb.Me != nil {
		facts += fmt.Sprintf(" · you: rank %d, %d solved", lb.Me.Rank, lb.Me.Solved)
	}
	return head + "\n" + dim.Render(facts) + "\n" + m.board.View()
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
