package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestTable(t *testing.T) {
	render := func(env map[string]string) string {
		for k, v := range env {
			t.Setenv(k, v)
		}
		var out bytes.Buffer
		f := &Factory{IO: IO{Out: &out}}
		tab := newTable(f, "SLUG", "STATUS", "TITLE")
		tab.row("two-sum", "solved", "Two Sum")
		tab.colorLast(1, colorGreen)
		tab.row("longest-substring-without-repeating-characters", "not started", "Longest Substring Without Repeating Characters")
		if err := tab.print(); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	t.Run("pipe", func(t *testing.T) {
		got := render(map[string]string{"JUDGE_FORCE_TTY": "", "NO_COLOR": ""})
		want := "two-sum\tsolved\tTwo Sum\n" +
			"longest-substring-without-repeating-characters\tnot started\tLongest Substring Without Repeating Characters\n"
		if got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
	})
	t.Run("terminal", func(t *testing.T) {
		got := render(map[string]string{"JUDGE_FORCE_TTY": "1", "COLUMNS": "80", "NO_COLOR": "1"})
		want := "SLUG                                            STATUS       TITLE\n" +
			"two-sum                                         solved       Two Sum\n" +
			"longest-substring-without-repeating-characters  not started  Longest Substring …\n"
		if got != want {
			t.Fatalf("got\n%s\nwant\n%s", got, want)
		}
		for _, l := range strings.Split(strings.TrimSpace(got), "\n") {
			if n := len([]rune(l)); n > 80 {
				t.Errorf("line of %d columns on an 80-column terminal: %q", n, l)
			}
		}
	})
	t.Run("colors", func(t *testing.T) {
		got := render(map[string]string{"JUDGE_FORCE_TTY": "1", "COLUMNS": "200", "NO_COLOR": "", "TERM": "xterm"})
		if !strings.Contains(got, "\033[32msolved\033[0m       ") {
			t.Fatalf("no green, padded status in %q", got)
		}
		if !strings.Contains(got, "\033[1mSLUG\033[0m") {
			t.Fatalf("no bold header in %q", got)
		}
	})
}
