package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/judgehq/judge/judge/api"
)

type submitOptions struct {
	File     string
	Problem  string
	Language string
	Mode     string
	Contest  int64
	JSON     bool
	// Inputs are a run's own tests, as JSON objects of the arguments.
	Inputs []string
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
	addFileFlags(f, cmd, &o)
	cmd.Flags().Int64VarP(&o.Contest, "contest", "c", 0, "count the submission in this contest (you must be registered)")
	return cmd
}

func newRunCmd(f *Factory) *cobra.Command {
	o := submitOptions{Mode: api.ModeRun}
	cmd := &cobra.Command{
		Use:   "run FILE",
		Short: "Run a solution on the sample tests or on input of your own",
		Long: `Run a solution on the problem's sample tests and print each test's input,
expected answer, output and what the code printed. With --input, tests of
your own follow the samples: each --input is one test's arguments as a JSON
object ('judge show SLUG' lists them); their expected answers come from the
problem's reference solution. A run is not a submission: it does not count
anywhere.

The problem and language come from the file name, as for 'judge submit'. The
exit code is 0 when every test passes, 1 otherwise, 2 for usage or connection
problems.`,
		Example: `  judge run two-sum.py
  judge run two-sum.py --input '{"nums": [3, 3], "target": 6}'
  judge run two-sum.go --json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.File = args[0]
			return submitRun(cmd, f, o)
		},
	}
	addFileFlags(f, cmd, &o)
	cmd.Flags().StringArrayVarP(&o.Inputs, "input", "i", nil, `a test's arguments as a JSON object, such as '{"nums": [1, 2], "target": 3}'; repeat for more tests`)
	return cmd
}

// addFileFlags adds the flags of commands that judge a file.
func addFileFlags(f *Factory, cmd *cobra.Command, o *submitOptions) {
	cmd.Flags().StringVarP(&o.Problem, "problem", "p", "", "problem slug (default: from the file name)")
	addLangFlag(cmd, &o.Language, "language (default: from the file extension)")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print the submission as JSON")
	_ = cmd.RegisterFlagCompletionFunc("problem", completeSlugFlag(f))
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
		rts := languages()
		rt, ok := rts.ByExtension(ext)
		if !ok {
			return &exitError{code: exitUsage, err: fmt.Errorf("cannot tell the language of %s from its extension; pass --lang (one of %s)",
				o.File, strings.Join(rts.Names(), ", "))}
		}
		o.Language = rt.Name
	}
	req := api.SubmitRequest{Problem: o.Problem, Language: o.Language, Code: string(code), Mode: o.Mode, Contest: o.Contest}
	for _, in := range o.Inputs {
		var args map[string]json.RawMessage
		if err := json.Unmarshal([]byte(in), &args); err != nil || args == nil {
			return &exitError{code: exitUsage, err: fmt.Errorf("--input %s is not a JSON object of the arguments, such as {\"nums\": [1, 2]}; 'judge show %s' lists them", in, o.Problem)}
		}
		req.Input = append(req.Input, args)
	}
	c, err := f.Client()
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	resp, err := c.Submit(ctx, req)
	if err != nil {
		return err
	}
	if o.Contest != 0 && resp.Contest == 0 && o.Mode == api.ModeSubmit {
		fmt.Fprintf(f.IO.ErrOut, "contest %d has ended: this submission is practice and does not count\n", o.Contest)
	}
	sub, err := waitVerdict(cmd, f, c, resp.ID)
	if err != nil {
		return err
	}
	return showSubmission(f, sub, o.JSON, false)
}

// printSubmission prints sub's result in one line to w, and the tests and
// messages that explain it to details.
func printSubmission(w, details io.Writer, sub *api.Submission) {
	r := sub.Result
	where := fmt.Sprintf("(submission %d, %s, %s)", sub.ID, sub.Problem, sub.Language)
	if r == nil {
		fmt.Fprintf(w, "%s %s\n", sub.State, where)
		return
	}
	compiled := r.Verdict != api.CompileError && r.Verdict != api.InternalError
	switch {
	case r.Verdict == api.Accepted:
		fmt.Fprintf(w, "Accepted  %d/%d tests  %s  %.1f MiB  %s\n",
			r.Passed, r.Total, api.FormatMS(r.TimeMS), float64(r.MemoryKB)/1024, where)
	case !compiled:
		fmt.Fprintf(w, "%s  %s\n", r.Verdict.Name(), where)
	case r.Failed != nil && len(r.Tests) == 0:
		fmt.Fprintf(w, "%s on test %d of %d  %s\n", r.Verdict.Name(), r.Failed.Index, r.Total, where)
	default:
		fmt.Fprintf(w, "%s  %d/%d tests passed  %s\n", r.Verdict.Name(), r.Passed, r.Total, where)
	}
	w = details
	if len(r.Tests) > 0 {
		// A run: every test, passed or not.
		for i := range r.Tests {
			t := &r.Tests[i]
			fmt.Fprintf(w, "\ntest %d  %s  %s\n", t.Index, t.Verdict.Name(), api.FormatMS(t.TimeMS))
			printTest(w, t)
		}
		if !compiled && r.Message != "" {
			fmt.Fprintf(w, "%s\n", indent(r.Message))
		}
		return
	}
	shown, printed := false, ""
	if t := r.Failed; t != nil && len(t.Input) > 0 {
		shown = printTest(w, t)
		if t.Verdict != api.WrongAnswer {
			printed = t.Message
		}
	}
	if r.Message != "" && r.Message != printed && !(shown && r.Verdict == api.WrongAnswer) {
		fmt.Fprintf(w, "%s\n", indent(r.Message))
	}
}

// printTest prints a test's input, expected answer, output and what the
// code printed, and reports whether it printed an output.
func printTest(w io.Writer, t *api.TestResult) bool {
	if len(t.Input) > 0 {
		fmt.Fprintf(w, "  input:    %s\n", api.FormatInput(t.Input))
	}
	if t.Expected != nil {
		fmt.Fprintf(w, "  expected: %s\n", t.Expected)
	}
	if t.Actual != nil {
		fmt.Fprintf(w, "  output:   %s\n", t.Actual)
	}
	if t.Stdout != "" {
		fmt.Fprintf(w, "  stdout:\n%s\n", indent(t.Stdout))
	}
	if t.Message != "" && t.Verdict != api.WrongAnswer && t.Verdict != api.Accepted {
		fmt.Fprintf(w, "%s\n", indent(t.Message))
	}
	return t.Actual != nil
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n")
}
