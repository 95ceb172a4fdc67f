package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/judgehq/judge/runtimes"
	"github.com/judgehq/judge/runtimes/podman"
)

func newRuntimesCmd(f *Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "runtimes",
		Short: "Manage the language runtime images",
	}
	cmd.AddCommand(newRuntimesBuildCmd(f), newRuntimesListCmd(f))
	return cmd
}

func newRuntimesListCmd(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the languages and their images",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			rts := runtimes.NewSet(runtimes.Builtin())
			for _, n := range rts.Names() {
				rt := rts[n]
				fmt.Fprintf(f.IO.Out, "%-10s %-12s %s  (%s: %s)\n", rt.Name, "."+strings.Join(rt.Extensions, " ."),
					rt.ImageName(), rt.Image.Suite, strings.Join(rt.Image.Packages, " "))
			}
			return nil
		},
	}
}

func newRuntimesBuildCmd(f *Factory) *cobra.Command {
	var cache, mirror, uri string
	var force bool
	cmd := &cobra.Command{
		Use:   "build [LANG...]",
		Short: "Build runtime images from Debian packages",
		Long: `Build each language's image from Debian packages with mmdebstrap and import
it into Podman (the local service, or --podman). With no LANG, build them all.

The root file systems are cached, so importing the same image into another
user's Podman storage or another host does not download the packages again.
To add a library to a language, add its Debian package to
runtimes/LANG/runtime.yaml and build again.`,
		Example: "  judge runtimes build\n  judge runtimes build python --cache /var/cache/judge",
		RunE: func(cmd *cobra.Command, args []string) error {
			rts := runtimes.NewSet(runtimes.Builtin())
			if len(args) == 0 {
				args = rts.Names()
			}
			for _, name := range args {
				if _, ok := rts[name]; !ok {
					return &exitError{code: exitUsage, err: fmt.Errorf("unknown language %q; known: %s", name, strings.Join(rts.Names(), ", "))}
				}
			}
			ctx := cmd.Context()
			sb, err := podman.New(ctx, podman.Options{URI: uri})
			if err != nil {
				return fmt.Errorf("%w\nRun `judge doctor` to check the host.", err)
			}
			defer sb.Close()
			for _, name := range args {
				start := time.Now()
				fmt.Fprintf(f.IO.ErrOut, "==> %s\n", name)
				if err := sb.BuildImage(ctx, rts[name], podman.BuildOptions{
					CacheDir: cache, Mirror: mirror, Progress: f.IO.ErrOut, Force: force,
				}); err != nil {
					return err
				}
				fmt.Fprintf(f.IO.Out, "built %s in %s\n", rts[name].ImageName(), time.Since(start).Round(100*time.Millisecond))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&cache, "cache", filepath.Join(xdgDir("XDG_CACHE_HOME", ".cache"), "judge", "rootfs"), "directory for root file system tarballs")
	cmd.Flags().StringVar(&mirror, "mirror", podman.DefaultMirror, "Debian mirror")
	cmd.Flags().StringVar(&uri, "podman", "", "Podman service URI (default: the local socket)")
	cmd.Flags().BoolVar(&force, "force", false, "download the packages again even if cached")
	return cmd
}
