package main

import (
	"errors"
	"os"

	"github.com/spf13/cobra"

	"github.com/judgehq/judge/judge/client"
	"github.com/judgehq/judge/tui"
)

func newTUICmd(f *Factory) *cobra.Command {
	var lang, dir string
	cmd := &cobra.Command{
		Use:   "tui",
		Short: "Practise in the terminal UI",
		Long: `Practise in a terminal UI: the problem list with search and filters, the
statement, your editor, runs and submissions with live progress and the first
failing test as a diff, your history and the contests' live leaderboards.

The code of a problem goes to SLUG.EXT in --dir, as with 'judge open', and is
saved as your draft after each edit. The editor is JUDGE_EDITOR (or the
config's editor), else $VISUAL, $EDITOR, editor, nano or vi. Press ? in the
UI for every key.`,
		Example: "  judge tui\n  judge tui --lang cpp --dir ~/practice",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !isTerminal(os.Stdin) || !isTerminal(os.Stdout) {
				return &exitError{code: exitUsage, err: errors.New("judge tui needs a terminal; in scripts use judge problems, run and submit")}
			}
			if lang == "" {
				lang = f.Config.GetString("language")
			}
			if lang == "" {
				lang = defaultLanguage
			}
			if _, err := language(lang); err != nil {
				return err
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return &exitError{code: exitUsage, err: err}
			}
			c, err := f.Client()
			if err != nil {
				return err
			}
			return tui.Run(cmd.Context(), tuiOptions(f, c, lang, dir))
		},
	}
	addLangFlag(cmd, &lang, "language to start with (default: the config's language, else python)")
	cmd.Flags().StringVar(&dir, "dir", ".", "directory for the code files")
	return cmd
}

// tuiOptions are the TUI's settings from the client's.
func tuiOptions(f *Factory, c *client.Client, lang, dir string) tui.Options {
	where := c.BaseURL()
	if f.Local() {
		where = "local judge"
	}
	var langs []tui.Language
	rts := languages()
	for _, n := range rts.Names() {
		langs = append(langs, tui.Language{Name: n, Ext: rts[n].Extensions[0]})
	}
	return tui.Options{Client: c, Languages: langs, Language: lang, Editor: editorCommand(f), Dir: dir, Where: where}
}
