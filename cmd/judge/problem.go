package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/judgehq/judge/judge"
	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/problems"
	"github.com/judgehq/judge/runtimes"
	"github.com/judgehq/judge/runtimes/local"
	"github.com/judgehq/judge/runtimes/podman"
)

func newProblemCmd(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "problem",
		Short: "Work on problem packages",
	}
	cmd.AddCommand(newProblemValidateCmd(f))
	return cmd
}

type validateOptions struct {
	Dir       string
	Languages []string
	Jobs      int
	Local     bool
	Podman    string
}

func newProblemValidateCmd(f *Factory) *cobra.Command {
	o := validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate DIR",
		Short: "Check a problem package: every reference solution is accepted, every wrong one gets its verdict",
		Long: `Load the problem in DIR (or every problem in the folders under DIR), then judge
every reference solution under solutions/ (each must be Accepted) and every
known-wrong solution listed in problem.yaml (each must get its declared
verdict), in every language, in the same sandbox the daemon uses.

--local runs the solutions directly on this machine, without a sandbox, with
the compilers installed here: quick while writing a problem, never for code
you do not trust.`,
		Example: "  judge problem validate examples/problems\n  judge problem validate examples/problems/two-sum --lang python,cpp",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Dir = args[0]
			return validateRun(cmd.Context(), f, o)
		},
	}
	cmd.Flags().StringSliceVarP(&o.Languages, "lang", "l", nil, "only these languages")
	cmd.Flags().IntVarP(&o.Jobs, "jobs", "j", 2, "solutions judged at once")
	cmd.Flags().BoolVar(&o.Local, "local", false, "run on this machine without a sandbox")
	cmd.Flags().StringVar(&o.Podman, "podman", "", "Podman service URI (default: the local socket)")
	return cmd
}

// loadProblemDir loads one problem folder, or every problem folder in dir.
func loadProblemDir(dir string) ([]*problems.Problem, error) {
	if _, err := os.Stat(filepath.Join(dir, "problem.yaml")); err == nil {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, err
		}
		p, err := problems.Load(os.DirFS(filepath.Dir(abs)), filepath.Base(abs))
		if err != nil {
			return nil, err
		}
		return []*problems.Problem{p}, nil
	}
	return problems.LoadAll(os.DirFS(dir), ".")
}

type validation struct {
	problem *problems.Problem
	sol     problems.Solution
	lang    string
	res     *api.Result
	err     error
	took    time.Duration
}

func validateRun(ctx context.Context, f *Factory, o validateOptions) error {
	ps, err := loadProblemDir(o.Dir)
	if err != nil {
		return &exitError{code: exitNotAccepted, err: err}
	}
	rts := runtimes.NewSet(runtimes.Builtin())
	for _, l := range o.Languages {
		if _, ok := rts[l]; !ok {
			return &exitError{code: exitUsage, err: fmt.Errorf("unknown language %q; known: %s", l, strings.Join(rts.Names(), ", "))}
		}
	}
	var sandbox judge.Sandbox = local.Runner{}
	if o.Local {
		// Problems in the io mode run under judge-init's io mode.
		init, err := podman.InitBinary()
		if err != nil {
			return err
		}
		dir, err := os.MkdirTemp("", "judge-init-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		path := filepath.Join(dir, "judge-init")
		if err := os.WriteFile(path, init, 0o755); err != nil {
			return err
		}
		os.Setenv("JUDGE_INIT", path)
	} else {
		id := make([]byte, 6)
		rand.Read(id)
		sb, err := podman.New(ctx, podman.Options{URI: o.Podman, Owner: "validate-" + hex.EncodeToString(id), Warm: o.Jobs})
		if err != nil {
			return fmt.Errorf("%w\nRun `judge doctor` to check the host, or pass --local to run without a sandbox.", err)
		}
		defer sb.Close()
		sandbox = sb
	}
	grader := &judge.Grader{Sandbox: sandbox, Runtimes: rts}

	var work []*validation
	missing := map[string][]string{}
	for _, p := range ps {
		have := map[string]bool{}
		for _, sol := range append(slices.Clone(p.Solutions), p.Wrong...) {
			rt, ok := rts.ByExtension(sol.Ext)
			if !ok {
				return &exitError{code: exitNotAccepted, err: fmt.Errorf("%s/%s: no language uses .%s files", p.Slug, sol.Path, sol.Ext)}
			}
			if sol.Verdict == string(api.Accepted) {
				have[rt.Name] = true
			}
			if len(o.Languages) > 0 && !slices.Contains(o.Languages, rt.Name) {
				continue
			}
			work = append(work, &validation{problem: p, sol: sol, lang: rt.Name})
		}
		for _, l := range rts.Names() {
			if !have[l] && (len(o.Languages) == 0 || slices.Contains(o.Languages, l)) {
				missing[p.Slug] = append(missing[p.Slug], l)
			}
		}
	}

	jobs := make(chan *validation)
	var wg sync.WaitGroup
	for range max(o.Jobs, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for v := range jobs {
				start := time.Now()
				v.res, v.err = grader.Grade(ctx, judge.GradeRequest{
					Problem: v.problem, Language: v.lang, Code: v.sol.Code, Tests: v.problem.Tests,
				})
				v.took = time.Since(start)
			}
		}()
	}
	for _, v := range work {
		if ctx.Err() != nil {
			break
		}
		jobs <- v
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}

	tw := tabwriter.NewWriter(f.IO.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PROBLEM\tFILE\tLANGUAGE\tWANT\tGOT\tTIME\t")
	bad := 0
	for _, v := range work {
		got := "error"
		if v.err == nil {
			got = string(v.res.Verdict)
		}
		mark := "ok"
		if got != v.sol.Verdict {
			mark = "MISMATCH"
			bad++
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%.2fs\t%s\n", v.problem.Slug, v.sol.Path, v.lang, v.sol.Verdict, got, v.took.Seconds(), mark)
	}
	tw.Flush()
	for _, v := range work {
		if v.err == nil && string(v.res.Verdict) == v.sol.Verdict {
			continue
		}
		fmt.Fprintf(f.IO.Out, "\n%s/%s (%s): want %s\n", v.problem.Slug, v.sol.Path, v.lang, v.sol.Verdict)
		if v.err != nil {
			fmt.Fprintf(f.IO.Out, "    judge error: %v\n", v.err)
		} else {
			fmt.Fprintln(f.IO.Out, indent(fmt.Sprintf("%s: %s", v.res.Verdict.Name(), v.res.Message)))
		}
	}
	if len(missing) > 0 {
		fmt.Fprintln(f.IO.Out)
		for _, p := range ps {
			if m := missing[p.Slug]; len(m) > 0 {
				fmt.Fprintf(f.IO.Out, "%s: no reference solution in %s\n", p.Slug, strings.Join(m, ", "))
			}
		}
	}
	fmt.Fprintf(f.IO.Out, "\n%d problems, %d solutions, %d as declared, %d not\n", len(ps), len(work), len(work)-bad, bad)
	if bad > 0 {
		return silentExit(exitNotAccepted)
	}
	return nil
}
