package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/judgehq/judge/runtimes"
	"github.com/judgehq/judge/runtimes/podman"
	"github.com/judgehq/judge/runtimes/podman/hostcheck"
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

// doctorOptions configure judge doctor.
type doctorOptions struct {
	IO   IO
	URI  string // the Podman service; empty for the local one
	JSON bool
}

// doctorReport is what 'judge doctor --json' prints.
type doctorReport struct {
	// OK is false when a check failed (and the exit status is 1).
	OK     bool               `json:"ok"`
	Checks []hostcheck.Result `json:"checks"`
	Limits []doctorLimit      `json:"limits,omitempty"`
}

// doctorLimit says how the sandbox enforces one limit on this host.
type doctorLimit struct {
	Limit      string `json:"limit"`
	EnforcedBy string `json:"enforced_by"`
}

// doctor collects the checks, printing each as it comes unless the report
// goes out as JSON at the end.
type doctor struct {
	out    io.Writer
	json   bool
	report doctorReport
}

func (d *doctor) add(rs ...hostcheck.Result) {
	for _, r := range rs {
		d.report.Checks = append(d.report.Checks, r)
		if d.json {
			continue
		}
		mark := map[hostcheck.Status]string{hostcheck.OK: "OK", hostcheck.Warn: "WARN", hostcheck.Fail: "FAIL"}[r.Status]
		// Podman's errors can take lines; they line up under the first.
		found := strings.ReplaceAll(strings.TrimSpace(r.Found), "\n", "\n"+strings.Repeat(" ", 28))
		fmt.Fprintf(d.out, "%-4s %-22s %s\n", mark, r.Check, found)
		if r.Status != hostcheck.OK && r.Fix != "" {
			fmt.Fprintf(d.out, "     fix: %s\n", r.Fix)
		}
	}
}

func (d *doctor) check(ok bool, what, found, fix string) {
	if ok {
		d.add(hostcheck.Result{Check: what, Status: hostcheck.OK, Found: found})
	} else {
		d.add(hostcheck.Result{Check: what, Status: hostcheck.Fail, Found: found, Fix: fix})
	}
}

func (d *doctor) limits(ls []doctorLimit) {
	d.report.Limits = ls
	if d.json {
		return
	}
	fmt.Fprintln(d.out, "limits:")
	for _, l := range ls {
		fmt.Fprintf(d.out, "     %-16s %s\n", l.Limit, l.EnforcedBy)
	}
}

// finish prints the JSON report, if asked for, and makes a failed check the
// command's exit status.
func (d *doctor) finish() error {
	d.report.OK = true
	for _, r := range d.report.Checks {
		if r.Status == hostcheck.Fail {
			d.report.OK = false
		}
	}
	if d.json {
		enc := json.NewEncoder(d.out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(d.report); err != nil {
			return err
		}
	}
	if !d.report.OK {
		return silentExit(exitNotAccepted)
	}
	return nil
}

func newDoctorCmd(f *Factory) *cobra.Command {
	o := &doctorOptions{IO: f.IO}
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: "Check that this host can judge submissions",
		Long: `Check the host: Podman and its version, its API socket, user namespaces,
subordinate ids and their helpers (rootless), cgroups and what they can limit,
the OCI runtime, how each limit is enforced, and the runtime images. Each line
is OK, WARN (works, at the cost it states) or FAIL, and every problem comes
with the command that fixes it. The exit status is 1 if a check failed.

Run it as the user that runs 'judge serve': root checks rootful Podman, any
other user rootless Podman. With --podman naming another host's service, the
checks of this host's files are left out; run judge doctor there for them.`,
		Example: "  judge doctor\n  judge doctor --json\n  judge doctor --podman unix:///run/user/1001/podman/podman.sock",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return doctorRun(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.URI, "podman", "", "Podman service URI (default: the local socket)")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON")
	return cmd
}

func doctorRun(ctx context.Context, o *doctorOptions) error {
	d := &doctor{out: o.IO.Out, json: o.JSON}
	path, err := exec.LookPath("podman")
	d.check(err == nil, "podman installed", path, "apt-get install podman runc uidmap slirp4netns")
	path, err = exec.LookPath("mmdebstrap")
	d.check(err == nil, "mmdebstrap installed", path, "apt-get install mmdebstrap (needed by `judge runtimes build`)")

	// This host's files matter when the service is this host's.
	host := hostcheck.Local()
	local := o.URI == "" || strings.HasPrefix(o.URI, "unix://")
	if local {
		d.add(host.Check()...)
	}
	if o.URI == "" {
		d.add(hostcheck.APISocket(podman.DefaultSocket(), host.SystemdRunning(), host.Rootless()))
	}

	sb, err := podman.New(ctx, podman.Options{URI: o.URI})
	if err != nil {
		// Without --podman the daemon starts a service of its own, so
		// what stops it is on this host; otherwise the service named is
		// not there.
		fix := "fix the FAIL lines above, if any; `podman info` shows Podman's own error"
		if o.URI != "" {
			fix = "start the service " + o.URI + " names (on its host: podman system service --time=0 URI, or systemctl enable --now podman.socket), or correct --podman"
		}
		d.check(false, "podman service", err.Error(), fix)
		if local {
			if v := clientVersion(ctx); v != "" {
				r := hostcheck.PodmanVersion(v)
				r.Found = "client " + r.Found
				d.add(r)
			}
		}
		return d.finish()
	}
	defer sb.Close()
	info := sb.Info()
	how := "existing service"
	if info.StartedService {
		how = "started by judge for this check"
	}
	d.check(true, "podman service", fmt.Sprintf("%s (%s)", info.URI, how), "")
	d.add(hostcheck.PodmanVersion(info.Version))
	mode := "rootful"
	if info.Rootless {
		mode = "rootless"
	}
	d.check(true, "mode", mode, "")
	d.check(true, "podman cgroups", fmt.Sprintf("%s, manager %s", info.CgroupVersion, info.CgroupManager), "")
	d.check(info.StorageDriver != "vfs", "storage driver", info.StorageDriver,
		`vfs copies the image for every container; switch to overlay: mkdir -p ~/.config/containers && printf '[storage]\ndriver = "overlay"\n' > ~/.config/containers/storage.conf && podman system reset -f (kernels before 5.13 also need: apt-get install fuse-overlayfs)`)
	d.check(info.Runtime != "", "OCI runtime", fmt.Sprintf("%s (service default %s)", info.Runtime, info.DefaultRuntime), "apt-get install runc")

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
		d.check(true, "CPU priorities", "containers and conmon run with "+info.CPUPriority+": the daemon comes first", "")
	case known && on:
		d.add(hostcheck.Result{Check: "CPU priorities", Status: hostcheck.Warn,
			Found: "autogroups on: the judged code competes with the daemon for the CPU as an equal",
			Fix:   "sysctl -w kernel.sched_autogroup_enabled=0 && echo kernel.sched_autogroup_enabled=0 > /etc/sysctl.d/60-judge.conf"})
	case known:
		d.check(true, "CPU priorities", "autogroups off: nice values order the daemon before the judged code", "")
	}

	memBy := "judge-init sums every process's memory and kills at the limit; cgroup memory limit as a backstop"
	pidsBy := "RLIMIT_NPROC of a user of the run's own; cgroup pids limit"
	if !info.CgroupLimits {
		memBy = "judge-init sums every process's memory and kills at the limit; per-process RLIMIT_AS/DATA (rootless on cgroup v1: no cgroup limits)"
		pidsBy = "RLIMIT_NPROC of a user of the run's own (rootless on cgroup v1: no cgroup limits)"
	}
	d.limits([]doctorLimit{
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
	})

	for _, rt := range runtimes.Builtin() {
		st, err := sb.Image(ctx, rt)
		switch {
		case err != nil:
			d.check(false, "image "+rt.Name, err.Error(), "")
		case !st.Present:
			d.check(false, "image "+rt.Name, "missing", "judge runtimes build "+rt.Name)
		case !st.Current:
			d.check(false, "image "+rt.Name, "built from an older recipe", "judge runtimes build "+rt.Name)
		default:
			d.check(true, "image "+rt.Name, rt.ImageName()+" ("+strings.Join(rt.Image.Packages, " ")+")", "")
		}
	}
	return d.finish()
}

// clientVersion asks the podman command for its version, when no service
// said it; "" if that fails too.
func clientVersion(ctx context.Context) string {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "podman", "--version").Output()
	if err != nil {
		return ""
	}
	// "podman version 4.3.1"
	f := strings.Fields(string(out))
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}
