package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"

	"github.com/spf13/cobra"

	"github.com/judgehq/judge/runtimes"
	"github.com/judgehq/judge/runtimes/podman"
)

// autogroups reports whether the kernel schedules each session as one
// group; known is false where the kernel does not say.
func autogroups() (on, known bool) {
	raw, err := os.ReadFile("/proc/sys/kernel/sched_autogroup_enabled")
	if err != nil {
		return false, false
	}
	return strings.TrimSpace(string(raw)) == "1", true
}

func newDoctorCmd(f *Factory) *cobra.Command {
	var uri string
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: "Check that this host can judge submissions",
		Long: `Check the host: Podman, its API socket, cgroups, the OCI runtime, how each
limit is enforced, and the runtime images. Each problem comes with its fix.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			out := f.IO.Out
			failed := false
			check := func(ok bool, what, detail, fix string) {
				mark := "ok  "
				if !ok {
					mark, failed = "FAIL", true
				}
				fmt.Fprintf(out, "%s %-22s %s\n", mark, what, detail)
				if !ok && fix != "" {
					fmt.Fprintf(out, "     fix: %s\n", fix)
				}
			}
			path, err := exec.LookPath("podman")
			check(err == nil, "podman installed", path, "apt-get install podman runc uidmap slirp4netns")
			path, err = exec.LookPath("mmdebstrap")
			check(err == nil, "mmdebstrap installed", path, "apt-get install mmdebstrap (needed by `judge runtimes build`)")

			sb, err := podman.New(cmd.Context(), podman.Options{URI: uri})
			if err != nil {
				check(false, "podman service", err.Error(), "start it with `podman system service --time=0` or check `podman info`")
				return silentExit(exitNotAccepted)
			}
			defer sb.Close()
			info := sb.Info()
			how := "existing service"
			if info.StartedService {
				how = "started by judge for this check"
			}
			check(true, "podman service", fmt.Sprintf("%s (%s), version %s", info.URI, how, info.Version), "")
			mode := "rootful"
			if info.Rootless {
				mode = "rootless"
			}
			check(true, "mode", mode, "")
			check(true, "cgroups", fmt.Sprintf("%s, manager %s", info.CgroupVersion, info.CgroupManager), "")
			check(info.StorageDriver != "vfs", "storage driver", info.StorageDriver,
				`vfs copies the image for every container; switch to overlay: printf '[storage]\ndriver = "overlay"\n' > ~/.config/containers/storage.conf && podman system reset -f`)
			check(info.Runtime != "", "OCI runtime", fmt.Sprintf("%s (service default %s)", info.Runtime, info.DefaultRuntime), "apt-get install runc")

			// The judged code, and the Podman service with what it
			// starts, run at a lower priority than the daemon. On a local
			// rootful service the containers go to a cgroup of the lowest
			// CPU class. Otherwise only nice values order them, and the
			// kernel's autogroups (one scheduling group per session, on by
			// default in Debian and Ubuntu) undo that: each container's
			// session weighs as much as the daemon's, and the API answers
			// slowly while the host is busy judging.
			on, known := autogroups()
			switch {
			case info.CPUPriority != "":
				check(true, "CPU priorities", "containers and conmon run with "+info.CPUPriority+": the daemon comes first", "")
			case known && on:
				fmt.Fprintf(out, "warn %-22s %s\n", "CPU priorities", "autogroups on: the judged code competes with the daemon for the CPU as an equal")
				fmt.Fprintf(out, "     fix: sysctl -w kernel.sched_autogroup_enabled=0 && echo kernel.sched_autogroup_enabled=0 > /etc/sysctl.d/60-judge.conf\n")
			case known:
				check(true, "CPU priorities", "autogroups off: nice values order the daemon before the judged code", "")
			}

			memBy := "judge-init sums every process's memory and kills at the limit; cgroup memory limit as a backstop"
			pidsBy := "RLIMIT_NPROC of a user of the run's own; cgroup pids limit"
			if !info.CgroupLimits {
				memBy = "judge-init sums every process's memory and kills at the limit; per-process RLIMIT_AS/DATA (rootless on cgroup v1: no cgroup limits)"
				pidsBy = "RLIMIT_NPROC of a user of the run's own (rootless on cgroup v1: no cgroup limits)"
			}
			fmt.Fprintln(out, "limits:")
			for _, l := range [][2]string{
				{"memory", memBy},
				{"processes", pidsBy},
				{"wall-clock time", "daemon timer, container killed"},
				{"time per test", "daemon watchdog on the harness's records"},
				{"open files", "RLIMIT_NOFILE"},
				{"file size", "RLIMIT_FSIZE"},
				{"disk", "tmpfs /tmp with a size limit, files counted by judge-init; read-only root"},
				{"output", "stdout and stderr capped by the daemon, run stopped at the cap"},
				{"leftovers", "judge-init kills everything when the command ends; container removed"},
				{"network", "none (no network namespace interfaces)"},
			} {
				fmt.Fprintf(out, "     %-16s %s\n", l[0], l[1])
			}

			for _, rt := range runtimes.Builtin() {
				st, err := sb.Image(cmd.Context(), rt)
				switch {
				case err != nil:
					check(false, "image "+rt.Name, err.Error(), "")
				case !st.Present:
					check(false, "image "+rt.Name, "missing", "judge runtimes build "+rt.Name)
				case !st.Current:
					check(false, "image "+rt.Name, "built from an older recipe", "judge runtimes build "+rt.Name)
				default:
					check(true, "image "+rt.Name, rt.ImageName()+" ("+strings.Join(rt.Image.Packages, " ")+")", "")
				}
			}
			if failed {
				return silentExit(exitNotAccepted)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&uri, "podman", "", "Podman service URI (default: the local socket)")
	return cmd
}
