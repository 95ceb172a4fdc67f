package main

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Set by the release build (see goreleaser.yaml).
var (
	version = ""
	commit  = ""
	date    = ""
)

// versionInfo is what 'judge version --json' prints.
type versionInfo struct {
	Version string `json:"version"`
	Commit  string `json:"commit,omitempty"`
	Date    string `json:"date,omitempty"`
	Go      string `json:"go"`
}

func buildVersion() versionInfo {
	v := versionInfo{Version: version, Commit: commit, Date: date, Go: runtime.Version()}
	if v.Version == "" {
		v.Version = "dev"
		if bi, ok := debug.ReadBuildInfo(); ok {
			if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
				v.Version = bi.Main.Version
			}
			for _, s := range bi.Settings {
				if s.Key == "vcs.revision" && len(s.Value) >= 12 {
					v.Commit = s.Value[:12]
				}
			}
		}
	}
	return v
}

func versionString() string {
	v := buildVersion()
	out := "judge " + v.Version
	if v.Commit != "" {
		out += " (" + v.Commit
		if v.Date != "" {
			out += ", " + v.Date
		}
		out += ")"
	}
	return out
}

func newVersionCmd(f *Factory) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if asJSON {
				return printJSON(f, buildVersion())
			}
			_, err := fmt.Fprintln(f.IO.Out, versionString())
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
