package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"

	"github.com/judgehq/judge/judge/client"
)

// configPath is the client's config file.
func configPath() string {
	return filepath.Join(xdgDir("XDG_CONFIG_HOME", ".config"), "judge", "config.yaml")
}

func newLoginCmd(f *Factory) *cobra.Command {
	var tokenFile string
	cmd := &cobra.Command{
		Use:   "login",
		Short: "Save the daemon's address and your token",
		Long: `Check a token with the daemon and save it, with the daemon's address, in
the config file (` + "`$XDG_CONFIG_HOME/judge/config.yaml`" + `, readable by you only).
The token is read from --token-file, or from standard input. JUDGE_SERVER and
JUDGE_TOKEN override the saved values. The address is ` + DefaultServer + `
unless --server gives another. Without a login, judge runs a local judge of
its own (see 'judge --help').

An admin makes tokens with 'judge user add NAME' or 'judge user token NAME';
the first admin's token is in the daemon's data directory (admin-token).`,
		Example: `  judge login --server http://judge.example.org:7070
  judge login --token-file /var/lib/judge/admin-token
  echo "$TOKEN" | judge login --server http://127.0.0.1:7070`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var raw []byte
			var err error
			if tokenFile != "" {
				raw, err = os.ReadFile(tokenFile)
			} else {
				if fi, ok := f.IO.In.(*os.File); ok && isTerminal(fi) {
					fmt.Fprint(f.IO.ErrOut, "Paste your token: ")
				}
				var line string
				line, err = bufio.NewReader(io.LimitReader(f.IO.In, 4096)).ReadString('\n')
				if errors.Is(err, io.EOF) {
					err = nil
				}
				raw = []byte(line)
			}
			if err != nil {
				return &exitError{code: exitUsage, err: fmt.Errorf("read the token: %w", err)}
			}
			token := strings.TrimSpace(string(raw))
			if token == "" {
				return &exitError{code: exitUsage, err: errors.New("no token given: pass --token-file FILE or pipe the token in")}
			}
			server := f.Config.GetString("server")
			if server == "" {
				server = DefaultServer
			}
			me, err := client.New(server, token).Me(cmd.Context())
			if err != nil {
				return err
			}
			path := configPath()
			if err := saveConfig(path, map[string]string{"server": server, "token": token}); err != nil {
				return err
			}
			fmt.Fprintf(f.IO.ErrOut, "Logged in to %s as %s (%s); saved in %s.\n", server, me.Name, me.Role, path)
			return nil
		},
	}
	cmd.Flags().StringVar(&tokenFile, "token-file", "", "read the token from this file")
	return cmd
}

// saveConfig sets keys in the YAML config at path, keeping its other keys,
// and leaves it readable by its owner only. An empty value removes its key.
func saveConfig(path string, set map[string]string) error {
	cfg := map[string]any{}
	if raw, err := os.ReadFile(path); err == nil {
		if err := yaml.Unmarshal(raw, &cfg); err != nil {
			return fmt.Errorf("config %s is not YAML (fix or remove it): %w", path, err)
		}
		if cfg == nil {
			cfg = map[string]any{}
		}
	}
	for k, v := range set {
		if v == "" {
			delete(cfg, k)
		} else {
			cfg[k] = v
		}
	}
	out, err := yaml.Marshal(cfg)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create config directory: %w", err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, out, 0o600); err != nil {
		return fmt.Errorf("write config: %w", err)
	}
	return os.Rename(tmp, path)
}

func newLogoutCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "logout",
		Short: "Forget the saved token",
		Long: `Remove the token from the config file. The token itself stays valid on the
daemon; revoke it with 'judge user revoke ID' ('judge user tokens NAME' lists
them) if it may have leaked.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			path := configPath()
			if f.Config.GetString("token") == "" {
				fmt.Fprintln(f.IO.ErrOut, "Not logged in.")
				return nil
			}
			if err := saveConfig(path, map[string]string{"token": ""}); err != nil {
				return err
			}
			fmt.Fprintf(f.IO.ErrOut, "Removed the token from %s.\n", path)
			if os.Getenv("JUDGE_TOKEN") != "" {
				fmt.Fprintln(f.IO.ErrOut, "JUDGE_TOKEN is still set in your environment.")
			}
			return nil
		},
	}
}

// configKeys are the keys 'judge config' reads and writes.
var configKeys = []struct{ key, what string }{
	{"server", "the daemon's address (JUDGE_SERVER); none: the local judge"},
	{"language", "the language of 'judge open' and the TUI (JUDGE_LANGUAGE)"},
	{"editor", "the editor command of 'judge open' (JUDGE_EDITOR; else $VISUAL, $EDITOR)"},
}

func newConfigCmd(f *Factory) *cobra.Command {
	known := func(key string) error {
		for _, k := range configKeys {
			if k.key == key {
				return nil
			}
		}
		var names []string
		for _, k := range configKeys {
			names = append(names, k.key)
		}
		return &exitError{code: exitUsage, err: fmt.Errorf("unknown key %q; the keys are %s (the token is set by 'judge login')", key, strings.Join(names, ", "))}
	}
	var asJSON bool
	list := &cobra.Command{
		Use:   "list",
		Short: "Print the settings and where they come from",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			all := map[string]string{}
			t := newTable(f, "KEY", "VALUE", "MEANING")
			for _, k := range configKeys {
				all[k.key] = f.Config.GetString(k.key)
				t.row(k.key, all[k.key], k.what)
			}
			login, shown := "no", ""
			if f.Config.GetString("token") != "" {
				login, shown = "yes", "(saved)"
			}
			if asJSON {
				all["logged_in"] = login
				return printJSON(f, all)
			}
			t.row("token", shown, "set by 'judge login' (JUDGE_TOKEN)")
			return t.print()
		},
	}
	list.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Read and change the client's settings",
		Long: `Read and change the settings in the config file
($XDG_CONFIG_HOME/judge/config.yaml). JUDGE_* environment variables and flags
override them.`,
		Example: `  judge config set language go
  judge config set editor 'code --wait'
  judge config get server
  judge config list`,
	}
	get := &cobra.Command{
		Use:   "get KEY",
		Short: "Print a setting",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := known(args[0]); err != nil {
				return err
			}
			fmt.Fprintln(f.IO.Out, f.Config.GetString(args[0]))
			return nil
		},
	}
	set := &cobra.Command{
		Use:   "set KEY VALUE",
		Short: "Change a setting (an empty VALUE removes it)",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := known(args[0]); err != nil {
				return err
			}
			if args[0] == "language" && args[1] != "" {
				if _, err := language(args[1]); err != nil {
					return err
				}
			}
			return saveConfig(configPath(), map[string]string{args[0]: args[1]})
		},
	}
	keys := func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, k := range configKeys {
			out = append(out, k.key+"\t"+k.what)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	get.ValidArgsFunction = keys
	set.ValidArgsFunction = func(c *cobra.Command, args []string, s string) ([]string, cobra.ShellCompDirective) {
		switch {
		case len(args) == 0:
			return keys(c, args, s)
		case args[0] == "language" && len(args) == 1:
			return completeLanguages(s), cobra.ShellCompDirectiveNoFileComp
		}
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	cmd.AddCommand(get, set, list)
	return cmd
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
