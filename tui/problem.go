package tui

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/glamour"

	"github.com/judgehq/judge/judge/api"
)

type problemMsg struct{ p *api.Problem }

func (m *Model) openProblem(slug string) tea.Cmd {
	m.setFlash("Loading " + slug + "…")
	return do(func() (tea.Msg, error) {
		p, err := m.o.Client.Problem(m.ctx, slug)
		return problemMsg{p}, err
	})
}

func (m *Model) gotProblem(msg problemMsg) tea.Cmd {
	if m.screen != listScreen {
		return nil // the user went elsewhere meanwhile
	}
	m.prob = msg.p
	m.screen = problemScreen
	m.flash = ""
	m.renderStatement()
	m.statement.GotoTop()
	m.checkCode()
	return nil
}

// checkCode notes whether the code file of the open problem exists.
func (m *Model) checkCode() {
	_, err := os.Stat(m.codePath())
	m.codeExists = err == nil
}

// renderStatement renders the statement's Markdown for the screen's width.
func (m *Model) renderStatement() {
	md := m.prob.Statement
	out, err := renderMarkdown(md, m.o.MarkdownStyle, m.width)
	if err != nil {
		out = md
	}
	m.rendered, m.renderedW = strings.TrimRight(out, "\n"), m.width
	m.statement.SetContent(m.rendered)
}

// renderMarkdown renders md in glamour's style for a terminal w cells wide.
func renderMarkdown(md, style string, w int) (string, error) {
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(max(w-4, 20)))
	if err != nil {
		return "", err
	}
	return r.Render(md)
}

// codePath is where the code of the open problem in the chosen language is.
func (m *Model) codePath() string {
	return filepath.Join(m.o.Dir, m.prob.Slug+"."+m.langExt())
}

func (m *Model) updateProblem(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch {
		case key.Matches(k, m.keys.Back):
			m.screen = listScreen
			return nil
		case key.Matches(k, m.keys.Edit):
			return m.edit()
		case key.Matches(k, m.keys.Lang):
			m.screen = langScreen
			for i, l := range m.o.Languages {
				if l.Name == m.lang {
					m.langs.Select(i)
				}
			}
			return nil
		case key.Matches(k, m.keys.Run):
			return m.submit(api.ModeRun)
		case key.Matches(k, m.keys.Submit):
			return m.submit(api.ModeSubmit)
		case key.Matches(k, m.keys.History):
			return m.openHistory(m.prob.Slug)
		}
	}
	var cmd tea.Cmd
	m.statement, cmd = m.statement.Update(msg)
	return cmd
}

func (m *Model) viewProblem() string {
	return m.problemHead() + "\n" + m.statement.View()
}

// problemHead is the problem's title line, its facts, and where its code is:
// headLines lines.
func (m *Model) problemHead() string {
	p := m.prob
	title := bold.Render(p.Title) + "  " + difficultyText(p.Difficulty) + "  " + statusText(p.Status)
	facts := dim.Render(fmt.Sprintf("%s · %s · %d MiB · %s", strings.Join(p.Tags, ", "),
		limitText(p.TimeLimitMS), p.MemoryMB, m.lang))
	code := dim.Render("code: ") + m.codePath()
	if !m.codeExists {
		code += dim.Render("  (press e to write it)")
	}
	return title + "\n" + facts + "\n" + code
}

func limitText(ms int64) string {
	if ms%1000 == 0 {
		return fmt.Sprintf("%d s", ms/1000)
	}
	return fmt.Sprintf("%d ms", ms)
}

// Editing: write the stub or the draft if there is no file yet, run the
// editor on the terminal, and save what changed as the draft.

type editedMsg struct {
	slug, lang, path, before string
	err                      error
}

type draftSavedMsg struct{ slug, lang string }

func (m *Model) edit() tea.Cmd {
	if m.o.Editor == "" {
		m.setError(errors.New("no editor: set EDITOR (or JUDGE_EDITOR), or edit " + m.codePath() + " yourself"))
		return nil
	}
	p, lang, path := m.prob, m.lang, m.codePath()
	editor := m.o.Editor
	return do(func() (tea.Msg, error) {
		before, err := os.ReadFile(path)
		if errors.Is(err, os.ErrNotExist) {
			code, _, err := m.o.Client.StartingCode(m.ctx, p, lang)
			if err != nil {
				return nil, err
			}
			if before, err = writeNew(path, code); err != nil {
				return nil, err
			}
		} else if err != nil {
			return nil, err
		}
		return startEditor{editor: editor, slug: p.Slug, lang: lang, path: path, before: string(before)}, nil
	})
}

// writeNew writes code to path unless a file is there (made meanwhile),
// and returns what path holds.
func writeNew(path, code string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return os.ReadFile(path)
	}
	if err != nil {
		return nil, err
	}
	if _, err := f.WriteString(code); err != nil {
		f.Close()
		return nil, err
	}
	return []byte(code), f.Close()
}

// startEditor hands the terminal to the editor once the file is there.
type startEditor struct{ editor, slug, lang, path, before string }

func (m *Model) edited(msg editedMsg) tea.Cmd {
	m.checkCode()
	if msg.err != nil {
		m.setError(fmt.Errorf("editor %q: %w; your code is in %s", m.o.Editor, msg.err, msg.path))
		return nil
	}
	code, err := os.ReadFile(msg.path)
	if err != nil {
		m.setError(err)
		return nil
	}
	if string(code) == msg.before {
		m.setFlash(msg.path + " unchanged.")
		return nil
	}
	slug, lang := msg.slug, msg.lang
	return do(func() (tea.Msg, error) {
		if _, err := m.o.Client.SaveDraft(m.ctx, slug, lang, string(code)); err != nil {
			return nil, fmt.Errorf("the draft was not saved (your code is safe in %s): %w", msg.path, err)
		}
		return draftSavedMsg{slug, lang}, nil
	})
}

func runEditor(s startEditor) tea.Cmd {
	// Through the shell, as git does, so that EDITOR="code --wait" works.
	c := exec.Command("/bin/sh", "-c", s.editor+` "$@"`, s.editor, s.path)
	return tea.ExecProcess(c, func(err error) tea.Msg {
		return editedMsg{slug: s.slug, lang: s.lang, path: s.path, before: s.before, err: err}
	})
}

// The language picker.

type langItem Language

func (l langItem) FilterValue() string { return l.Name }
func (l langItem) Title() string       { return l.Name }
func (l langItem) Description() string { return "." + l.Ext + " files" }

func newLangList(langs []Language) list.Model {
	items := make([]list.Item, len(langs))
	for i, l := range langs {
		items[i] = langItem(l)
	}
	d := list.NewDefaultDelegate()
	d.ShowDescription = false
	d.SetSpacing(0)
	l := newList("Language", "language", items, d)
	l.SetShowStatusBar(false)
	return l
}

func (m *Model) updateLang(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok && m.langs.FilterState() != list.Filtering {
		switch {
		case key.Matches(k, m.keys.Back):
			m.screen = problemScreen
			return nil
		case key.Matches(k, m.keys.Open):
			if it, ok := m.langs.SelectedItem().(langItem); ok {
				m.lang = it.Name
				m.checkCode()
				m.setFlash("Language: " + it.Name + ".")
			}
			m.screen = problemScreen
			return nil
		}
	}
	return updateList(&m.langs, msg)
}

func (m *Model) viewLang() string {
	return m.langs.View()
}
