package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/table"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/judgehq/judge/judge/api"
)

var (
	accent = lipgloss.NewStyle().Foreground(lipgloss.Color("205"))
	header = lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("205"))
	bold   = lipgloss.NewStyle().Bold(true)
	dim    = lipgloss.NewStyle().Foreground(lipgloss.Color("244"))
	good   = lipgloss.NewStyle().Foreground(lipgloss.Color("42"))
	bad    = lipgloss.NewStyle().Foreground(lipgloss.Color("203"))
	warn   = lipgloss.NewStyle().Foreground(lipgloss.Color("214"))
	added  = lipgloss.NewStyle().Foreground(lipgloss.Color("42"))
	gone   = lipgloss.NewStyle().Foreground(lipgloss.Color("203"))
	box    = lipgloss.NewStyle().Border(lipgloss.NormalBorder()).BorderForeground(lipgloss.Color("240")).Padding(0, 1)
)

var difficultyStyles = map[string]lipgloss.Style{
	"easy":   good,
	"medium": warn,
	"hard":   bad,
}

func difficultyText(d string) string {
	if s, ok := difficultyStyles[d]; ok {
		return s.Render(d)
	}
	return d
}

// statusMark is a problem's status as one character: ✓ solved, • tried.
func statusMark(status string) string {
	switch status {
	case api.StatusSolved:
		return good.Render("✓")
	case api.StatusAttempted:
		return warn.Render("•")
	}
	return " "
}

func statusText(status string) string {
	switch status {
	case api.StatusSolved:
		return good.Render("✓ solved")
	case api.StatusAttempted:
		return warn.Render("• attempted")
	}
	return dim.Render("not started")
}

// verdictText is a verdict's name in its color.
func verdictText(v api.Verdict) string {
	if v == api.Accepted {
		return good.Bold(true).Render(v.Name())
	}
	return bad.Bold(true).Render(v.Name())
}

func newTable() table.Model {
	t := table.New(table.WithFocused(true))
	s := table.DefaultStyles()
	s.Header = s.Header.BorderStyle(lipgloss.NormalBorder()).BorderBottom(true).
		BorderForeground(lipgloss.Color("240")).Bold(true)
	s.Selected = s.Selected.Foreground(lipgloss.Color("229")).Background(lipgloss.Color("57")).Bold(false)
	t.SetStyles(s)
	return t
}

// fit makes s exactly h lines of at most w cells: long lines are cut, short
// bodies padded, so that the help bar stays at the bottom.
func fit(s string, w, h int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = cut(l, w)
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// cut shortens one line to w cells, keeping its styles.
func cut(s string, w int) string {
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}
