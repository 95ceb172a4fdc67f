package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/term"
)

// terminal reports whether w is a terminal, and its width in columns (0 if
// unknown). JUDGE_FORCE_TTY=1 makes commands write as to a terminal of
// COLUMNS columns (80 if unset), which is how tests see that output.
func terminal(w io.Writer) (bool, int) {
	if os.Getenv("JUDGE_FORCE_TTY") == "1" {
		cols := 80
		fmt.Sscan(os.Getenv("COLUMNS"), &cols)
		return true, cols
	}
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return false, 0
	}
	cols, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return true, 0
	}
	return true, cols
}

// outTerminal reports whether standard output is a terminal.
func (f *Factory) outTerminal() bool { ok, _ := terminal(f.IO.Out); return ok }

// errTerminal reports whether standard error is a terminal, where progress
// may be drawn.
func (f *Factory) errTerminal() bool { ok, _ := terminal(f.IO.ErrOut); return ok }

// Colors for color.
const (
	colorGreen  = "32"
	colorRed    = "31"
	colorYellow = "33"
	colorDim    = "2"
)

// table prints rows for people on a terminal (a header, aligned columns,
// the last column cut to the terminal's width) and for programs in a pipe
// (no header, cells separated by tabs, nothing cut), as the GitHub CLI does.
type table struct {
	f      *Factory
	header []string
	rows   [][]string
	// colors holds a color per cell, for the terminal only.
	colors map[[2]int]string
}

func newTable(f *Factory, header ...string) *table {
	return &table{f: f, header: header, colors: map[[2]int]string{}}
}

// row adds a row.
func (t *table) row(cells ...string) { t.rows = append(t.rows, cells) }

// colorLast colors the last row's cell i on a terminal.
func (t *table) colorLast(i int, code string) { t.colors[[2]int{len(t.rows) - 1, i}] = code }

func (t *table) print() error {
	w := t.f.IO.Out
	tty, cols := terminal(w)
	if !tty {
		for _, r := range t.rows {
			if _, err := fmt.Fprintln(w, strings.Join(r, "\t")); err != nil {
				return err
			}
		}
		return nil
	}
	// Widths, to cut the last column and to pad colored cells (tabwriter
	// would count the escape codes).
	width := make([]int, len(t.header))
	for _, r := range append([][]string{t.header}, t.rows...) {
		for i, c := range r {
			if i < len(width) {
				width[i] = max(width[i], utf8.RuneCountInString(c))
			}
		}
	}
	last := len(t.header) - 1
	if cols > 0 {
		used := 0
		for i := 0; i < last; i++ {
			used += width[i] + 2
		}
		width[last] = max(min(width[last], cols-used), 8)
	}
	// Colors on a terminal, unless NO_COLOR or a dumb terminal say no.
	colored := os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
	paint := func(code, s string) string {
		if !colored || code == "" {
			return s
		}
		return "\033[" + code + "m" + s + "\033[0m"
	}
	var b strings.Builder
	line := func(ri int, r []string, header bool) {
		for i, c := range r {
			if i == last {
				c = cut(c, width[last])
			}
			pad := ""
			if i < last {
				pad = strings.Repeat(" ", max(width[i]-utf8.RuneCountInString(c), 0)+2)
			}
			if header {
				c = paint("1", c)
			} else {
				c = paint(t.colors[[2]int{ri, i}], c)
			}
			b.WriteString(c + pad)
		}
		b.WriteString("\n")
	}
	line(-1, t.header, true)
	for ri, r := range t.rows {
		line(ri, r, false)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cut shortens s to n runes, ending in "…" if it was longer.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:max(n-1, 0)]) + "…"
}
