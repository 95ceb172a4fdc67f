package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/runtimes"
)

type submitOptions struct {
	File     string
	Problem  string
	Language string
	Mode     string
	Contest  int64
	JSON     bool
}

func newSubmitCmd(f *Factory) *cobra.Command {
	o := submitOptions{Mode: api.ModeSubmit}
	cmd := &cobra.Command{
		Use:   "submit FILE",
		Short: "Judge a solution and print the verdict",
		Long: `Submit a solution file and wait for its verdict.

The problem is taken from the file name (two-sum.py is a solution of two-sum)
and the language from the extension, unless --problem or --lang say otherwise.
The exit code is 0 only when the verdict is Accepted, 1 for any other verdict,
and 2 when the daemon cannot be reached or the command is misused.`,
		Example: "  judge submit two-sum.py\n  judge submit solution.py --problem two-sum\n  judge submit two-sum.py --json\n  judge submit two-sum.py --contest 3",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.File = args[0]
			return submitRun(cmd, f, o)
		},
	}
	cmd.Flags().StringVarP(&o.Problem, "problem", "p", "", "problem slug (default: from the file name)")
	cmd.Flags().StringVarP(&o.Language, "lang", "l", "", "language (default: from the file extension)")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print the submission as JSON")
	cmd.Flags().Int64VarP(&o.Contest, "contest", "c", 0, "count the submission in this contest (you must be registered)")
	return cmd
}

func submitRun(cmd *cobra.Command, f *Factory, o submitOptions) error {
	code, err := os.ReadFile(o.File)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	base := filepath.Base(o.File)
	ext := strings.TrimPrefix(filepath.Ext(base), ".")
	if o.Problem == "" {
		o.Problem = strings.TrimSuffix(base, filepath.Ext(base))
	}
	if o.Language == "" {
		rts := runtimes.NewSet(runtimes.Builtin())
		rt, ok := rts.ByExtension(ext)
		if !ok {
			return &exitError{code: exitUsage, err: fmt.Errorf("cannot tell the language of %s from its extension; pass --lang (one of %s)",
				o.File, strings.Join(rts.Names(), ", "))}
		}
		o.Language = rt.Name
	}
	c := f.Client()
	ctx := cmd.Context()
	resp, err := c.Submit(ctx, api.SubmitRequest{Problem: o.Problem, Language: o.Language, Code: string(code), Mode: o.Mode, Contest: o.Contest})
	if err != nil {
		return err
	}
	if o.Contest != 0 && resp.Contest == 0 && o.Mode == api.ModeSubmit {
		fmt.Fprintf(f.IO.ErrOut, "contest %d has ended: this submission is practice and does not count\n", o.Contest)
	}
	sub, err := c.WaitVerdict(ctx, resp.ID)
	if err != nil {
		if ctx.Err() != nil {
			fmt.Fprintf(f.IO.ErrOut, "stopped waiting; the submission is queued: judge status %d\n", resp.ID)
			return silentExit(exitUsage)
		}
		return err
	}
	if o.JSON {
		sub.Code = ""
		enc := json.NewEncoder(f.IO.Out)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(sub); err != nil {
			return err
		}
	} else {
		printSubmission(f.IO.Out, sub)
	}
	if sub.Result == nil || sub.Result.Verdict != api.Accepted {
		return silentExit(exitNotAccepted)
	}
	return nil
}

func printSubmission(w io.Writer, sub *api.Submission) {
	r := sub.Result
	where := fmt.Sprintf("(submission %d, %s, %s)", sub.ID, sub.Problem, sub.Language)
	if r == nil {
		fmt.Fprintf(w, "%s %s\n", sub.State, where)
		return
	}
	if r.Verdict == api.Accepted {
		fmt.Fprintf(w, "Accepted  %d/%d tests  %s  %.1f MiB  %s\n",
			r.Passed, r.Total, formatMS(r.TimeMS), float64(r.MemoryKB)/1024, where)
		return
	}
	switch {
	case r.Verdict == api.CompileError || r.Verdict == api.InternalError:
		fmt.Fprintf(w, "%s  %s\n", r.Verdict.Name(), where)
	case r.Failed != nil:
		fmt.Fprintf(w, "%s on test %d of %d  %s\n", r.Verdict.Name(), r.Failed.Index, r.Total, where)
	default:
		fmt.Fprintf(w, "%s  %d/%d tests passed  %s\n", r.Verdict.Name(), r.Passed, r.Total, where)
	}
	shown := false
	if t := r.Failed; t != nil && len(t.Input) > 0 {
		var names []string
		for k := range t.Input {
			names = append(names, k)
		}
		sort.Strings(names)
		var parts []string
		for _, k := range names {
			parts = append(parts, k+" = "+string(t.Input[k]))
		}
		fmt.Fprintf(w, "  input:    %s\n", strings.Join(parts, ", "))
		fmt.Fprintf(w, "  expected: %s\n", t.Expected)
		if t.Actual != nil {
			fmt.Fprintf(w, "  output:   %s\n", t.Actual)
			shown = true
		}
		if t.Stdout != "" {
			fmt.Fprintf(w, "  stdout:\n%s\n", indent(t.Stdout))
		}
	}
	if r.Message != "" && !(shown && r.Verdict == api.WrongAnswer) {
		fmt.Fprintf(w, "%s\n", indent(r.Message))
	}
}

func formatMS(ms float64) string {
	if ms < 10 {
		return fmt.Sprintf("%.2f ms", ms)
	}
	return fmt.Sprintf("%.0f ms", ms)
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}
