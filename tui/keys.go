package tui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
)

type keyMap struct {
	Up, Down, Open, Back, Filter, Difficulty, Status  key.Binding
	History, Boards, Edit, Lang, Run, Submit, Refresh key.Binding
	Help, Quit, ForceQuit                             key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Back:       key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Filter:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		Difficulty: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "difficulty")),
		Status:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "status")),
		History:    key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "history")),
		Boards:     key.NewBinding(key.WithKeys("b"), key.WithHelp("b", "contests")),
		Edit:       key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Lang:       key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "language")),
		Run:        key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "run")),
		Submit:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "submit")),
		Refresh:    key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "reload")),
		Help:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more")),
		Quit:       key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit:  key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// screenKeys is the help of one screen.
type screenKeys struct{ short, more []key.Binding }

func (s screenKeys) ShortHelp() []key.Binding { return s.short }
func (s screenKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{s.short, s.more}
}

// filters stands for the difficulty and status keys in the short help.
var filters = key.NewBinding(key.WithKeys("d", "t"), key.WithHelp("d/t", "filter"))

// forScreen is the help bar of the screen the user is on.
func (k keyMap) forScreen(m *Model) screenKeys {
	switch m.screen {
	case listScreen:
		if m.list.FilterState() == list.Filtering {
			return screenKeys{short: []key.Binding{
				key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "apply")),
				key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
			}}
		}
		return screenKeys{
			short: []key.Binding{k.Open, k.Filter, filters, k.History, k.Boards, k.Help, k.Quit},
			more:  []key.Binding{k.Difficulty, k.Status, k.Up, k.Down, k.Refresh, k.ForceQuit},
		}
	case problemScreen:
		return screenKeys{
			short: []key.Binding{k.Edit, k.Lang, k.Run, k.Submit, k.History, k.Back, k.Help},
			more:  []key.Binding{k.Up, k.Down, k.ForceQuit},
		}
	case langScreen, contestsScreen:
		return screenKeys{short: []key.Binding{k.Open, k.Filter, k.Back}}
	case resultScreen:
		if m.back == problemScreen {
			return screenKeys{
				short: []key.Binding{k.Edit, k.Run, k.Submit, k.Back, k.Help},
				more:  []key.Binding{k.Up, k.Down, k.ForceQuit},
			}
		}
		return screenKeys{short: []key.Binding{k.Up, k.Down, k.Back}}
	case historyScreen:
		return screenKeys{short: []key.Binding{k.Open, k.Up, k.Down, k.Refresh, k.Back}}
	case boardScreen:
		return screenKeys{short: []key.Binding{k.Up, k.Down, k.Refresh, k.Back}}
	}
	return screenKeys{}
}
