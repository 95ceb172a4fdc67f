package main

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/client"
)

func newContestCmd(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "contest",
		Short: "List, show, create and register for contests",
		Long: `Contests are scored by ICPC rules: problems solved, then penalty time (the
minutes from the start to each first accept, plus 20 per rejected try before
it; compilation errors are not tries). Before the start a contest's problems
are hidden; in the freeze period the public scoreboard hides new results
until an admin reveals it.`,
	}
	cmd.AddCommand(newContestListCmd(f), newContestShowCmd(f), newContestCreateCmd(f), newContestEditCmd(f),
		newContestRegisterCmd(f), newContestRevealCmd(f))
	return cmd
}

func contestID(arg string) (int64, error) {
	id, err := strconv.ParseInt(arg, 10, 64)
	if err != nil || id <= 0 {
		return 0, &exitError{code: exitUsage, err: fmt.Errorf("contest %q: want its number, as `judge contest list` shows", arg)}
	}
	return id, nil
}

func newContestListCmd(f *Factory) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the contests",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cl, err := f.Client()
			if err != nil {
				return err
			}
			list, err := cl.Contests(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(f, list)
			}
			if len(list.Contests) == 0 {
				fmt.Fprintln(f.IO.ErrOut, "no contests yet; an admin creates one with `judge contest create`")
				return nil
			}
			t := newTable(f, "ID", "STATE", "START", "LENGTH", "PROBLEMS", "PARTICIPANTS", "REGISTERED", "TITLE")
			for _, c := range list.Contests {
				reg := "no"
				if c.Registered {
					reg = "yes"
				}
				t.row(strconv.FormatInt(c.ID, 10), contestState(&c),
					c.StartAt.Local().Format("2006-01-02 15:04"), shortDuration(time.Duration(c.DurationS)*time.Second),
					strconv.Itoa(c.ProblemCount), strconv.Itoa(c.Participants), reg, c.Title)
			}
			return t.print()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// contestState is the state with the freeze.
func contestState(c *api.Contest) string {
	if c.Frozen && c.State == api.ContestRunning {
		return "running (frozen)"
	}
	if c.Frozen {
		return "ended (frozen)"
	}
	return c.State
}

// shortDuration writes 2h, 1h30m or 45m.
func shortDuration(d time.Duration) string {
	d = d.Round(time.Minute)
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	switch {
	case h == 0:
		return fmt.Sprintf("%dm", m)
	case m == 0:
		return fmt.Sprintf("%dh", h)
	}
	return fmt.Sprintf("%dh%dm", h, m)
}

func newContestShowCmd(f *Factory) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "show ID",
		Short:   "Show a contest: its times, state and problems",
		Example: "  judge contest show 1",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return contestCall(cmd, f, args[0], asJSON, func(c *client.Client, ctx context.Context, id int64) (*api.Contest, error) {
				return c.Contest(ctx, id)
			}, func(c *api.Contest) { printContest(f.IO.Out, c) })
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func printContest(w io.Writer, c *api.Contest) {
	fmt.Fprintf(w, "%s (contest %d), %s\n", c.Title, c.ID, contestState(c))
	fmt.Fprintf(w, "  starts  %s\n  ends    %s\n", c.StartAt.Local().Format(time.RFC1123), c.EndAt.Local().Format(time.RFC1123))
	if c.FreezeS > 0 {
		fmt.Fprintf(w, "  freeze  the last %s\n", shortDuration(time.Duration(c.FreezeS)*time.Second))
	}
	switch now := c.ServerTime; c.State {
	case api.ContestUpcoming:
		fmt.Fprintf(w, "  starts in %s\n", c.StartAt.Sub(now).Round(time.Second))
	case api.ContestRunning:
		fmt.Fprintf(w, "  %s left\n", c.EndAt.Sub(now).Round(time.Second))
	}
	fmt.Fprintf(w, "  scoring %s, %d participants", c.Scoring, c.Participants)
	if c.Registered {
		fmt.Fprint(w, ", you are registered")
	}
	fmt.Fprintln(w)
	if len(c.Problems) == 0 {
		fmt.Fprintf(w, "  %d problems, shown at the start\n", c.ProblemCount)
		return
	}
	for _, p := range c.Problems {
		fmt.Fprintf(w, "  %-3s %-40s %s\n", p.Label, p.Problem, p.Title)
	}
}

// contestFlags are the flags of create and edit.
type contestFlags struct {
	title    string
	start    string
	duration time.Duration
	freeze   time.Duration
	problems []string
}

func (o *contestFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&o.title, "title", "", "the contest's title")
	cmd.Flags().StringVar(&o.start, "start", "", "start time: RFC 3339 (2026-12-01T18:00:00Z), or in a while from now (+10m)")
	cmd.Flags().DurationVar(&o.duration, "duration", 0, "length, such as 2h or 90m")
	cmd.Flags().DurationVar(&o.freeze, "freeze", 0, "scoreboard freeze before the end, such as 1h (0 for none)")
	cmd.Flags().StringSliceVar(&o.problems, "problems", nil, "problem slugs in order, labelled A, B, C...; or LABEL=slug")
}

// request builds the request from the flags cmd was given.
func (o *contestFlags) request(cmd *cobra.Command) (api.ContestRequest, error) {
	var req api.ContestRequest
	bad := func(err error) (api.ContestRequest, error) { return req, &exitError{code: exitUsage, err: err} }
	if cmd.Flags().Changed("title") {
		req.Title = &o.title
	}
	if cmd.Flags().Changed("start") {
		var t time.Time
		if rest, ok := strings.CutPrefix(o.start, "+"); ok {
			d, err := time.ParseDuration(rest)
			if err != nil {
				return bad(fmt.Errorf("--start %q: want +DURATION, such as +10m", o.start))
			}
			t = time.Now().Add(d).Truncate(time.Second)
		} else {
			var err error
			if t, err = time.Parse(time.RFC3339, o.start); err != nil {
				return bad(fmt.Errorf("--start %q: want RFC 3339, such as 2026-12-01T18:00:00Z, or +10m", o.start))
			}
		}
		req.StartAt = &t
	}
	if cmd.Flags().Changed("duration") {
		s := int64(o.duration / time.Second)
		req.DurationS = &s
	}
	if cmd.Flags().Changed("freeze") {
		s := int64(o.freeze / time.Second)
		req.FreezeS = &s
	}
	for _, p := range o.problems {
		label, slug, ok := strings.Cut(p, "=")
		if !ok {
			label, slug = "", p
		}
		req.Problems = append(req.Problems, api.ContestProblem{Label: label, Problem: slug})
	}
	return req, nil
}

func newContestCreateCmd(f *Factory) *cobra.Command {
	var o contestFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "create",
		Short: "Create a contest (admin)",
		Example: `  judge contest create --title "Weekly 1" --start 2026-12-01T18:00:00Z --duration 2h \
      --freeze 30m --problems two-sum,valid-palindrome,merge-intervals
  judge contest create --title Practice --start +5m --duration 90m --problems A=two-sum,B=sqrtx`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, name := range []string{"title", "start", "duration", "problems"} {
				if !cmd.Flags().Changed(name) {
					return &exitError{code: exitUsage, err: fmt.Errorf("--%s is required\nSee 'judge contest create --help'.", name)}
				}
			}
			req, err := o.request(cmd)
			if err != nil {
				return err
			}
			cl, err := f.Client()
			if err != nil {
				return err
			}
			c, err := cl.CreateContest(cmd.Context(), req)
			if err != nil {
				return err
			}
			if asJSON {
				return printJSON(f, c)
			}
			fmt.Fprintf(f.IO.ErrOut, "Created contest %d. Participants register with: judge contest register %d\n", c.ID, c.ID)
			printContest(f.IO.Out, c)
			return nil
		},
	}
	o.add(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newContestEditCmd(f *Factory) *cobra.Command {
	var o contestFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "edit ID",
		Short:   "Change a contest's title, times or problems (admin)",
		Example: "  judge contest edit 1 --start +1h\n  judge contest edit 1 --freeze 0",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			req, err := o.request(cmd)
			if err != nil {
				return err
			}
			return contestCall(cmd, f, args[0], asJSON, func(c *client.Client, ctx context.Context, id int64) (*api.Contest, error) {
				return c.UpdateContest(ctx, id, req)
			}, func(c *api.Contest) { printContest(f.IO.Out, c) })
		},
	}
	o.add(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newContestRegisterCmd(f *Factory) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "register ID",
		Short:   "Register for a contest",
		Example: "  judge contest register 1",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return contestCall(cmd, f, args[0], asJSON, (*client.Client).Register, func(c *api.Contest) {
				fmt.Fprintf(f.IO.Out, "Registered for %s (contest %d), which starts %s.\n", c.Title, c.ID, c.StartAt.Local().Format(time.RFC1123))
				fmt.Fprintf(f.IO.ErrOut, "Submit with: judge submit FILE --contest %d\n", c.ID)
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newContestRevealCmd(f *Factory) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "reveal ID",
		Short: "Unfreeze a contest's scoreboard for everyone (admin)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return contestCall(cmd, f, args[0], asJSON, (*client.Client).Reveal, func(c *api.Contest) {
				fmt.Fprintf(f.IO.Out, "The scoreboard of %s (contest %d) is revealed.\n", c.Title, c.ID)
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// contestCall runs do on the contest numbered arg and prints the contest it
// returns as JSON or with text.
func contestCall(cmd *cobra.Command, f *Factory, arg string, asJSON bool,
	do func(*client.Client, context.Context, int64) (*api.Contest, error), text func(*api.Contest)) error {
	id, err := contestID(arg)
	if err != nil {
		return err
	}
	cl, err := f.Client()
	if err != nil {
		return err
	}
	c, err := do(cl, cmd.Context(), id)
	if err != nil {
		return err
	}
	if asJSON {
		return printJSON(f, c)
	}
	text(c)
	return nil
}

func newLeaderboardCmd(f *Factory) *cobra.Command {
	var page, perPage int
	var watch, asJSON bool
	var every time.Duration
	cmd := &cobra.Command{
		Use:   "leaderboard CONTEST",
		Short: "Show a contest's scoreboard",
		Long: `Show a page of a contest's scoreboard, with your own row. With --watch it
redraws whenever the scoreboard changes, asking the daemon every --every;
asking costs the daemon almost nothing while nothing changed (ETag).`,
		Example: "  judge leaderboard 1\n  judge leaderboard 1 --watch\n  judge leaderboard 1 --page 2 --per-page 50 --json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := contestID(args[0])
			if err != nil {
				return err
			}
			c, err := f.Client()
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			etag := ""
			for {
				lb, tag, err := c.Leaderboard(ctx, id, page, perPage, etag)
				if err != nil {
					if ctx.Err() != nil {
						return nil
					}
					return err
				}
				if lb != nil {
					etag = tag
					if asJSON {
						if err := printJSON(f, lb); err != nil {
							return err
						}
					} else {
						// On a terminal --watch redraws the screen; in a
						// pipe each board follows the last one.
						tty := f.outTerminal()
						if watch && tty {
							fmt.Fprint(f.IO.Out, "\x1b[H\x1b[2J") // home, clear
						}
						printLeaderboard(f.IO.Out, lb)
						if watch && tty {
							fmt.Fprintf(f.IO.Out, "\nupdated %s; Ctrl-C to stop\n", time.Now().Format("15:04:05"))
						} else if watch {
							fmt.Fprintln(f.IO.Out)
						}
					}
				}
				if !watch {
					return nil
				}
				select {
				case <-ctx.Done():
					return nil
				case <-time.After(every):
				}
			}
		},
	}
	cmd.Flags().IntVar(&page, "page", 1, "page number, from 1")
	cmd.Flags().IntVar(&perPage, "per-page", 20, "rows per page")
	cmd.Flags().BoolVarP(&watch, "watch", "w", false, "redraw when the scoreboard changes")
	cmd.Flags().DurationVar(&every, "every", 2*time.Second, "how often --watch asks")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (with --watch, one object per change)")
	return cmd
}

func printLeaderboard(w io.Writer, lb *api.Leaderboard) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprint(tw, "RANK\tUSER\tSOLVED\tPENALTY")
	for _, l := range lb.Labels {
		fmt.Fprint(tw, "\t"+l)
	}
	fmt.Fprintln(tw)
	row := func(r *api.LeaderboardRow, mark string) {
		fmt.Fprintf(tw, "%d%s\t%s\t%d\t%d", r.Rank, mark, r.User, r.Solved, r.Penalty)
		for _, c := range r.Problems {
			fmt.Fprint(tw, "\t"+c.String())
		}
		fmt.Fprintln(tw)
	}
	for i := range lb.Rows {
		row(&lb.Rows[i], "")
	}
	if lb.Me != nil {
		fmt.Fprintln(tw, "")
		row(lb.Me, " (you)")
	}
	tw.Flush()
	last := lb.Page.Page*lb.PerPage - lb.PerPage + len(lb.Rows)
	fmt.Fprintf(w, "rows %d-%d of %d", min(last, lb.Page.Page*lb.PerPage-lb.PerPage+1), last, lb.Total)
	if lb.Frozen {
		fmt.Fprint(w, "; frozen: results of the last period show as pending (?) until the reveal")
	}
	fmt.Fprintln(w)
}
