package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/client"
)

// Exit codes.
const (
	exitOK          = 0 // success, or Accepted
	exitNotAccepted = 1 // a verdict other than Accepted, or a failed check
	exitUsage       = 2 // bad usage or no connection to the daemon
)

// IO is where commands read and write.
type IO struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
}

// Factory carries what commands need, built once.
type Factory struct {
	IO     IO
	Config *viper.Viper

	client *client.Client
	local  *localJudge
}

// exitError carries an exit code through cobra.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}
func (e *exitError) Unwrap() error { return e.err }

// silentExit ends the command with code and no further message.
func silentExit(code int) error { return &exitError{code: code} }

func run(args []string) int {
	f := &Factory{IO: IO{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr}, Config: newConfig()}
	root := newRootCmd(f)
	root.SetArgs(args)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	err := root.ExecuteContext(ctx)
	f.Close()
	return exitCode(f, err)
}

func exitCode(f *Factory, err error) int {
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(f.IO.ErrOut, "error:", ee.err)
		}
		return ee.code
	}
	if errors.Is(err, client.ErrUnreachable) {
		fmt.Fprintf(f.IO.ErrOut, "error: %v\nStart the daemon with `judge serve`, or point to one with --server or JUDGE_SERVER.\n", err)
		return exitUsage
	}
	var apiErr *api.Error
	if errors.As(err, &apiErr) {
		fmt.Fprintln(f.IO.ErrOut, "error:", apiErr.Message)
		if apiErr.Code == api.CodeUnauthorized || apiErr.Code == api.CodeForbidden {
			// Not a verdict: the command cannot work as called.
			return exitUsage
		}
		return exitNotAccepted
	}
	fmt.Fprintln(f.IO.ErrOut, "error:", err)
	if strings.HasPrefix(err.Error(), "unknown command") {
		return exitUsage
	}
	return exitNotAccepted
}

// DefaultServer is the address `judge serve` listens on by default.
const DefaultServer = "http://127.0.0.1:7070"

func newConfig() *viper.Viper {
	v := viper.New()
	v.SetEnvPrefix("JUDGE")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	v.AutomaticEnv()
	v.SetConfigName("config")
	v.SetConfigType("yaml")
	v.AddConfigPath(filepath.Join(xdgDir("XDG_CONFIG_HOME", ".config"), "judge"))
	return v
}

func xdgDir(env, fallback string) string {
	if d := os.Getenv(env); d != "" {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil {
		home = os.TempDir()
	}
	return filepath.Join(home, fallback)
}

func newRootCmd(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "judge",
		Short: "A self-hosted code judge: practise and run contests in your terminal",
		Long: `judge is a code judge in one binary.

  judge serve                 run the daemon (HTTP API, SQLite, Podman sandboxes)
  judge login                 save the daemon's address and your token
  judge problems              list the problems
  judge open two-sum          write the stub to two-sum.py and open your editor
  judge run two-sum.py        run it on the samples
  judge submit two-sum.py     judge it; exits 0 only on Accepted
  judge tui                   practise in the terminal UI

Exit codes: 0 success (for submit, run and status: Accepted), 1 a verdict
other than Accepted or a request the daemon refused, 2 bad usage, a missing
login, or no connection to the daemon.

With no server configured (no 'judge login', JUDGE_SERVER or --server), judge
runs a local judge in-process: the bundled problems, your submissions in
$XDG_DATA_HOME/judge/local, and Podman sandboxes on this machine (build their
images once with 'judge runtimes build'). Commands started meanwhile share it.

Settings come from flags, then JUDGE_* environment variables (JUDGE_SERVER,
JUDGE_TOKEN, JUDGE_LANGUAGE, JUDGE_EDITOR), then the config file
($XDG_CONFIG_HOME/judge/config.yaml; see 'judge config'). Tables have a header
and aligned columns on a terminal, and tab-separated rows in a pipe; NO_COLOR
turns colors off. Commands that print data take --json.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if err := f.Config.BindPFlags(cmd.Flags()); err != nil {
				return err
			}
			if err := f.Config.ReadInConfig(); err != nil {
				var nf viper.ConfigFileNotFoundError
				if !errors.As(err, &nf) {
					return &exitError{code: exitUsage, err: fmt.Errorf("read config: %w", err)}
				}
			}
			return nil
		},
	}
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &exitError{code: exitUsage, err: fmt.Errorf("%w\nSee '%s --help'.", err, cmd.CommandPath())}
	})
	// Wrong arguments are usage errors, whatever the command.
	var wrapArgs func(*cobra.Command)
	wrapArgs = func(c *cobra.Command) {
		if c.Args != nil {
			check := c.Args
			c.Args = func(cmd *cobra.Command, args []string) error {
				if err := check(cmd, args); err != nil {
					return &exitError{code: exitUsage, err: fmt.Errorf("%w\nSee '%s --help'.", err, cmd.CommandPath())}
				}
				return nil
			}
		}
		for _, sub := range c.Commands() {
			wrapArgs(sub)
		}
	}
	root.PersistentFlags().String("server", "", "daemon address (env JUDGE_SERVER; default: the local judge)")
	root.AddCommand(
		newServeCmd(f),
		newBenchCmd(f),
		newProblemsCmd(f),
		newSubmitCmd(f),
		newRuntimesCmd(f),
		newDoctorCmd(f),
		newVersionCmd(f),
		newProblemCmd(f),
		newUserCmd(f),
		newLoginCmd(f),
		newLogoutCmd(f),
		newConfigCmd(f),
		newShowCmd(f),
		newOpenCmd(f),
		newRunCmd(f),
		newStatusCmd(f),
		newHistoryCmd(f),
		newContestCmd(f),
		newLeaderboardCmd(f),
		newTUICmd(f),
		newBackupCmd(f),
		newRestoreCmd(f),
	)
	wrapArgs(root)
	return root
}
