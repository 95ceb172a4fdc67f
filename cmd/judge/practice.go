package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/client"
	"github.com/judgehq/judge/problems"
	"github.com/judgehq/judge/runtimes"
)

// defaultLanguage is the language of 'judge open' when neither --lang nor
// the config's language names one.
const defaultLanguage = "python"

// languages is the set of languages the client knows file extensions of.
func languages() runtimes.Set { return runtimes.NewSet(runtimes.Builtin()) }

// language returns the runtime called name, or a usage error listing them.
func language(name string) (*runtimes.Runtime, error) {
	rts := languages()
	if rt, ok := rts[name]; ok {
		return rt, nil
	}
	return nil, &exitError{code: exitUsage, err: fmt.Errorf("unknown language %q; use one of %s", name, strings.Join(rts.Names(), ", "))}
}

// completeSlugs completes a command's SLUG argument from the daemon's
// problems.
func completeSlugs(f *Factory) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	slugs := completeSlugFlag(f)
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return slugs(cmd, args, toComplete)
	}
}

// completeSlugFlag completes a flag's problem slug from the daemon; a daemon
// that cannot be reached completes nothing.
func completeSlugFlag(f *Factory) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		_ = f.Config.ReadInConfig()
		q := url.Values{"per_page": {"100"}}
		if toComplete != "" {
			q.Set("q", toComplete)
		}
		var out []string
		add := func(slug, title string) {
			if strings.HasPrefix(slug, toComplete) {
				out = append(out, slug+"\t"+title)
			}
		}
		if f.Local() {
			// The local judge has the bundled problems: no need to start it.
			ps, _ := loadProblems("")
			for _, p := range ps {
				add(p.Slug, p.Title)
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		}
		cl, err := f.Client()
		if err == nil {
			var list *api.ProblemList
			if list, err = cl.Problems(cmd.Context(), q); err == nil {
				for _, p := range list.Problems {
					add(p.Slug, p.Title)
				}
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// addLangFlag adds --lang with completion of the languages.
func addLangFlag(cmd *cobra.Command, p *string, usage string) {
	cmd.Flags().StringVarP(p, "lang", "l", "", usage)
	_ = cmd.RegisterFlagCompletionFunc("lang", func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return completeLanguages(toComplete), cobra.ShellCompDirectiveNoFileComp
	})
}

// completeLanguages lists the languages that start with prefix.
func completeLanguages(prefix string) []string {
	var out []string
	for _, n := range languages().Names() {
		if strings.HasPrefix(n, prefix) {
			out = append(out, n)
		}
	}
	return out
}

func newShowCmd(f *Factory) *cobra.Command {
	var asJSON bool
	var lang string
	cmd := &cobra.Command{
		Use:   "show SLUG",
		Short: "Print a problem's statement, limits, signature and samples",
		Long: `Print a problem: its statement (Markdown), time and memory limits, the
function to write and the sample tests. With --lang, the stub of that language
follows. --json prints the problem as the daemon sends it, stubs included.`,
		Example:           "  judge show two-sum\n  judge show two-sum --lang go\n  judge show two-sum --json | jq .samples",
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeSlugs(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			cl, err := f.Client()
			if err != nil {
				return err
			}
			p, err := cl.Problem(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(f, p)
			}
			w := f.IO.Out
			fmt.Fprintf(w, "%s (%s)\n", p.Title, p.Slug)
			fmt.Fprintf(w, "%s · %s · time limit %d ms · memory %d MiB\n\n", p.Difficulty, strings.Join(p.Tags, ", "), p.TimeLimitMS, p.MemoryMB)
			fmt.Fprintln(w, strings.TrimSpace(p.Statement))
			if p.Mode == problems.ModeIO {
				// The statement shows the samples as text.
				fmt.Fprintln(w, "\nProgram: read the input from standard input, write the answer to standard output.")
			} else {
				fmt.Fprintf(w, "\nFunction: %s\n", signature(p.Signature))
				for i, s := range p.Samples {
					fmt.Fprintf(w, "\nSample %d\n  input:    %s\n  expected: %s\n", i+1, api.FormatInput(s.Input), s.Expected)
				}
			}
			if lang != "" {
				rt, err := language(lang)
				if err != nil {
					return err
				}
				stub, ok := p.Stubs[rt.Name]
				if !ok {
					return &exitError{code: exitNotAccepted, err: fmt.Errorf("%s has no %s stub", p.Slug, rt.Name)}
				}
				fmt.Fprintf(w, "\n%s stub:\n%s\n", rt.Name, strings.TrimRight(stub, "\n"))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	addLangFlag(cmd, &lang, "also print this language's stub")
	return cmd
}

// signature renders a signature as name(param type, ...) -> type.
func signature(s api.Signature) string {
	var ps []string
	for _, p := range s.Params {
		ps = append(ps, p.Name+" "+p.Type)
	}
	return fmt.Sprintf("%s(%s) -> %s", s.Function, strings.Join(ps, ", "), s.Returns)
}

type openOptions struct {
	Slug   string
	Lang   string
	Dir    string
	NoEdit bool
}

func newOpenCmd(f *Factory) *cobra.Command {
	var o openOptions
	cmd := &cobra.Command{
		Use:   "open SLUG",
		Short: "Write a problem's stub (or your draft) to a file and edit it",
		Long: `Write the code of a problem to SLUG.EXT in the current directory (or --dir):
your saved draft in that language if there is one, else the stub. If the file
is already there it is kept as it is. Then open it in your editor and, when
the editor exits, save the file to the daemon as your draft, so that it follows
you to other machines and to 'judge tui'.

The editor is the config's editor (JUDGE_EDITOR), else $VISUAL, else $EDITOR,
else the first of editor, nano and vi found. The language is --lang, else the
config's language (JUDGE_LANGUAGE), else python.`,
		Example:           "  judge open two-sum\n  judge open two-sum --lang cpp\n  EDITOR='code --wait' judge open two-sum\n  judge open two-sum --no-edit   # write the file only",
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: completeSlugs(f),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Slug = args[0]
			return openRun(cmd, f, o)
		},
	}
	addLangFlag(cmd, &o.Lang, "language (default: the config's language, else python)")
	cmd.Flags().StringVar(&o.Dir, "dir", ".", "directory to write the file in")
	cmd.Flags().BoolVar(&o.NoEdit, "no-edit", false, "write the file and print its path; do not start an editor")
	return cmd
}

func openRun(cmd *cobra.Command, f *Factory, o openOptions) error {
	ctx := cmd.Context()
	if o.Lang == "" {
		o.Lang = f.Config.GetString("language")
	}
	if o.Lang == "" {
		o.Lang = defaultLanguage
	}
	rt, err := language(o.Lang)
	if err != nil {
		return err
	}
	c, err := f.Client()
	if err != nil {
		return err
	}
	p, err := c.Problem(ctx, o.Slug)
	if err != nil {
		return err
	}
	path := filepath.Join(o.Dir, p.Slug+"."+rt.Extensions[0])
	written, err := os.ReadFile(path)
	switch {
	case err == nil:
		fmt.Fprintf(f.IO.ErrOut, "%s is there already; keeping it as it is.\n", path)
	case errors.Is(err, os.ErrNotExist):
		code, from, err := c.StartingCode(ctx, p, rt.Name)
		if err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(code), 0o644); err != nil {
			return &exitError{code: exitUsage, err: err}
		}
		written = []byte(code)
		fmt.Fprintf(f.IO.ErrOut, "Wrote %s (%s).\n", path, from)
	default:
		return &exitError{code: exitUsage, err: err}
	}
	if o.NoEdit {
		fmt.Fprintln(f.IO.Out, path)
		return nil
	}
	editor := editorCommand(f)
	if editor == "" {
		return &exitError{code: exitUsage, err: fmt.Errorf("no editor found: set EDITOR or JUDGE_EDITOR; the code is in %s", path)}
	}
	if err := runEditor(f, editor, path); err != nil {
		return &exitError{code: exitUsage, err: fmt.Errorf("editor %q: %w; the code is in %s and was not saved to the daemon", editor, err, path)}
	}
	code, err := os.ReadFile(path)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if string(code) == string(written) {
		fmt.Fprintf(f.IO.ErrOut, "%s unchanged.\n", path)
		return nil
	}
	if _, err := c.SaveDraft(ctx, p.Slug, rt.Name, string(code)); err != nil {
		fmt.Fprintf(f.IO.ErrOut, "The draft was not saved to the daemon; your code is safe in %s.\n", path)
		return err
	}
	fmt.Fprintf(f.IO.ErrOut, "Saved your draft of %s in %s. Next: judge run %s, judge submit %s\n", p.Slug, rt.Name, path, path)
	return nil
}

// editorCommand is the user's editor as a shell command, or "".
func editorCommand(f *Factory) string {
	for _, e := range []string{f.Config.GetString("editor"), os.Getenv("VISUAL"), os.Getenv("EDITOR")} {
		if strings.TrimSpace(e) != "" {
			return e
		}
	}
	for _, e := range []string{"editor", "nano", "vi"} {
		if p, err := exec.LookPath(e); err == nil {
			return p
		}
	}
	return ""
}

// runEditor runs the shell command editor on path, on the user's terminal.
func runEditor(f *Factory, editor, path string) error {
	// Through the shell, as git does, so that EDITOR="code --wait" works.
	cmd := exec.Command("/bin/sh", "-c", editor+` "$@"`, editor, path)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = f.IO.In, f.IO.Out, f.IO.ErrOut
	return cmd.Run()
}

func newStatusCmd(f *Factory) *cobra.Command {
	var asJSON, wait, code bool
	cmd := &cobra.Command{
		Use:   "status ID",
		Short: "Show one of your submissions",
		Long: `Show a submission: its state and, once judged, its verdict and the first
failing test. With --wait, wait for the verdict. The exit code is 0 when the
submission is Accepted, 1 otherwise (also while it waits in the queue).`,
		Example: "  judge status 42\n  judge status 42 --wait\n  judge status 42 --json --code",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return &exitError{code: exitUsage, err: fmt.Errorf("%q is not a submission id; 'judge history' lists yours", args[0])}
			}
			c, err := f.Client()
			if err != nil {
				return err
			}
			var sub *api.Submission
			if wait {
				sub, err = waitVerdict(cmd, f, c, id)
			} else {
				sub, err = c.Submission(cmd.Context(), id, 0)
			}
			if err != nil {
				return err
			}
			return showSubmission(f, sub, asJSON, code)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&wait, "wait", false, "wait for the verdict")
	cmd.Flags().BoolVar(&code, "code", false, "also print the submitted code")
	return cmd
}

// showSubmission prints sub and ends with the exit code of its verdict.
func showSubmission(f *Factory, sub *api.Submission, asJSON, withCode bool) error {
	if !withCode {
		sub.Code = ""
	}
	if asJSON {
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(sub); err != nil {
			return err
		}
	} else {
		// A submit's result is one line in a pipe; the details of a
		// failure go to standard error there.
		details := f.IO.Out
		if sub.Mode == api.ModeSubmit && !f.outTerminal() {
			details = f.IO.ErrOut
		}
		printSubmission(f.IO.Out, details, sub)
		if sub.Code != "" {
			fmt.Fprintf(f.IO.Out, "\n%s\n", strings.TrimRight(sub.Code, "\n"))
		}
	}
	if sub.Result == nil || sub.Result.Verdict != api.Accepted {
		return silentExit(exitNotAccepted)
	}
	return nil
}

// waitVerdict waits for a submission's verdict. On a terminal it shows the
// submission's state and the time waited on standard error meanwhile.
func waitVerdict(cmd *cobra.Command, f *Factory, c *client.Client, id int64) (*api.Submission, error) {
	ctx := cmd.Context()
	live := f.errTerminal()
	begin := time.Now()
	every := 20 * time.Second
	if live {
		every = time.Second
	}
	for {
		sub, err := c.Submission(ctx, id, every)
		if err == nil && sub.State == api.StateDone {
			if live {
				fmt.Fprint(f.IO.ErrOut, "\r\033[K")
			}
			return sub, nil
		}
		if err == nil {
			err = ctx.Err()
		}
		if err != nil {
			if live {
				fmt.Fprint(f.IO.ErrOut, "\r\033[K")
			}
			if ctx.Err() != nil {
				fmt.Fprintf(f.IO.ErrOut, "stopped waiting; the submission is queued: judge status %d --wait\n", id)
				return nil, silentExit(exitUsage)
			}
			return nil, err
		}
		if live {
			state := sub.State
			if p := sub.Progress; p != nil {
				state = fmt.Sprintf("running, %d of %d tests done", p.Done, p.Total)
			}
			fmt.Fprintf(f.IO.ErrOut, "\r\033[K%s  submission %d: %s  %.0fs", spinner(time.Since(begin)), id, state, time.Since(begin).Seconds())
		}
	}
}

func spinner(d time.Duration) string {
	frames := []string{"|", "/", "-", `\`}
	return frames[int(d/time.Second)%len(frames)]
}

func newHistoryCmd(f *Factory) *cobra.Command {
	var asJSON bool
	var problem string
	var page, perPage int
	cmd := &cobra.Command{
		Use:     "history",
		Short:   "List your submissions, newest first",
		Example: "  judge history\n  judge history --problem two-sum\n  judge history --page 2 --json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			q := url.Values{"page": {strconv.Itoa(page)}, "per_page": {strconv.Itoa(perPage)}}
			if problem != "" {
				q.Set("problem", problem)
			}
			cl, err := f.Client()
			if err != nil {
				return err
			}
			list, err := cl.Submissions(cmd.Context(), q)
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(f, list)
			}
			if len(list.Submissions) == 0 {
				fmt.Fprintln(f.IO.ErrOut, "No submissions yet. Try: judge open two-sum")
				return nil
			}
			if err := printHistory(f, list.Submissions); err != nil {
				return err
			}
			if shown := (list.Page.Page-1)*list.PerPage + len(list.Submissions); shown < list.Total {
				fmt.Fprintf(f.IO.ErrOut, "%d of %d; more with --page %d\n", shown, list.Total, list.Page.Page+1)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVarP(&problem, "problem", "p", "", "only submissions of this problem")
	cmd.Flags().IntVar(&page, "page", 1, "page to show")
	cmd.Flags().IntVar(&perPage, "per-page", 20, "submissions per page (at most 100)")
	_ = cmd.RegisterFlagCompletionFunc("problem", completeSlugFlag(f))
	return cmd
}

func printHistory(f *Factory, subs []api.Submission) error {
	t := newTable(f, "ID", "WHEN", "PROBLEM", "LANGUAGE", "MODE", "TIME", "RESULT")
	for _, s := range subs {
		result, took := s.State, ""
		if r := s.Result; r != nil {
			result = r.Verdict.Name()
			if r.Verdict != api.CompileError && r.Verdict != api.InternalError {
				result += fmt.Sprintf(" (%d/%d)", r.Passed, r.Total)
				took = api.FormatMS(r.TimeMS)
			}
		}
		t.row(strconv.FormatInt(s.ID, 10), s.CreatedAt.Local().Format("2006-01-02 15:04"), s.Problem, s.Language, s.Mode, took, result)
		t.colorLast(6, verdictColor(s.Result))
	}
	return t.print()
}

// verdictColor is green for Accepted, red for other verdicts, yellow while
// the submission waits.
func verdictColor(r *api.Result) string {
	switch {
	case r == nil:
		return colorYellow
	case r.Verdict == api.Accepted:
		return colorGreen
	default:
		return colorRed
	}
}
