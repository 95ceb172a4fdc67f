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
JUDGE_TOKEN override the saved values.

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
// and leaves it readable by its owner only.
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
		cfg[k] = v
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

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
