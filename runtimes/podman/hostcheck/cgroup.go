package hostcheck

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// CgroupMode is how the host mounts cgroups.
type CgroupMode string

// Cgroup modes: the unified v2 hierarchy only; the v1 controllers with a
// v2 hierarchy beside them that holds none (systemd's "hybrid"); v1 only;
// none mounted.
const (
	CgroupV2     CgroupMode = "v2"
	CgroupHybrid CgroupMode = "hybrid"
	CgroupV1     CgroupMode = "v1"
	CgroupNone   CgroupMode = "none"
)

// cgroupMount is a cgroup file system from /proc/self/mounts.
type cgroupMount struct {
	dir     string
	v2      bool
	options []string // for v1, the controllers among them
}

// cgroupMounts reads the cgroup mounts under /sys/fs/cgroup.
func (h Host) cgroupMounts() ([]cgroupMount, error) {
	raw, err := h.read("/proc/self/mounts")
	if err != nil {
		return nil, err
	}
	var ms []cgroupMount
	for _, line := range strings.Split(raw, "\n") {
		f := strings.Fields(line)
		if len(f) < 4 || (f[2] != "cgroup" && f[2] != "cgroup2") {
			continue
		}
		if f[1] != "/sys/fs/cgroup" && !strings.HasPrefix(f[1], "/sys/fs/cgroup/") {
			continue
		}
		ms = append(ms, cgroupMount{dir: f[1], v2: f[2] == "cgroup2", options: strings.Split(f[3], ",")})
	}
	return ms, nil
}

// Cgroups returns the host's cgroup mode, from the mounts.
func (h Host) Cgroups() []Result {
	ms, err := h.cgroupMounts()
	if err != nil {
		return []Result{{"cgroups", Warn, "cannot read the mounts: " + err.Error(), ""}}
	}
	mode, v1 := CgroupNone, map[string]bool{}
	unified := ""
	for _, m := range ms {
		switch {
		case m.v2 && m.dir == "/sys/fs/cgroup":
			mode = CgroupV2
		case m.v2:
			unified = m.dir
		default:
			for _, o := range m.options {
				v1[o] = true
			}
		}
	}
	if mode != CgroupV2 && len(v1) > 0 {
		mode = CgroupV1
		if unified != "" {
			mode = CgroupHybrid
		}
	}
	return h.cgroupResults(mode, unified, v1)
}

// toV2 is how a host boots with cgroup v2 only.
const toV2 = "boot with cgroup v2: add systemd.unified_cgroup_hierarchy=1 to GRUB_CMDLINE_LINUX in /etc/default/grub, update-grub, reboot"

func (h Host) cgroupResults(mode CgroupMode, unified string, v1 map[string]bool) []Result {
	switch mode {
	case CgroupNone:
		return []Result{{"cgroups", Fail, "no cgroup file system at /sys/fs/cgroup", "mount -t cgroup2 none /sys/fs/cgroup"}}
	case CgroupV2:
		if h.Rootless() {
			return []Result{{"cgroups", OK, "v2", ""}, h.Delegation()}
		}
		controllers, err := h.read("/sys/fs/cgroup/cgroup.controllers")
		if err != nil {
			return []Result{{"cgroups", Fail, "v2, but cannot read its controllers: " + err.Error(), ""}}
		}
		return []Result{controllersResult("cgroups", "v2, controllers: "+controllers, fields(controllers), Fail, kernelFix)}
	}
	found := "v1"
	if mode == CgroupHybrid {
		found = "hybrid: v1 controllers, v2 at " + unified + " without any"
	}
	if h.Rootless() {
		// The sandbox bounds memory and processes without cgroups where
		// it has to: judge-init's accounting and rlimits.
		return []Result{{"cgroups", Warn, found + ": rootless Podman cannot limit cgroup v1, so memory and process limits fall back to rlimits and judge-init's accounting, without a cgroup backstop",
			toV2 + "; or run judge serve as root"}}
	}
	// Podman drops a v1 limit whose controller is not mounted, with only a
	// warning: judge-init still bounds the run.
	return []Result{controllersResult("cgroups", found, v1, Warn, kernelFix)}
}

// kernelFix turns on the memory controller, which some kernels (Raspberry
// Pi's) leave off.
const kernelFix = "add cgroup_enable=memory cgroup_memory=1 to the kernel command line (GRUB_CMDLINE_LINUX in /etc/default/grub, then update-grub; Raspberry Pi: /boot/firmware/cmdline.txt) and reboot"

// controllersResult checks that have holds the memory and pids controllers,
// which the sandbox limits; missing ones get status bad.
func controllersResult(name, found string, have map[string]bool, bad Status, fix string) Result {
	var missing []string
	for _, c := range []string{"memory", "pids"} {
		if !have[c] {
			missing = append(missing, c)
		}
	}
	if len(missing) == 0 {
		return Result{name, OK, found, ""}
	}
	return Result{name, bad, fmt.Sprintf("%s; no %s controller: no cgroup backstop for judge-init's limits", found, strings.Join(missing, " or ")), fix}
}

func fields(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(s) {
		m[f] = true
	}
	return m
}

// DelegateDropIn is the systemd drop-in that gives every user's systemd
// manager, and so their rootless Podman, the controllers the sandbox uses.
const DelegateDropIn = "/etc/systemd/system/user@.service.d/delegate.conf"

// Delegation checks, on cgroup v2, that a cgroup with the memory and pids
// controllers is the user's to manage: rootless Podman sets a run's limits
// in the cgroup it runs in (with the cgroupfs manager; a unit with
// Delegate=yes, as the packaged judge.service, gives it one) or in one its
// systemd user manager makes under user@UID.service (with the systemd
// manager). A run with limits fails when neither has them.
func (h Host) Delegation() Result {
	const name = "cgroup delegation"
	uid := strconv.Itoa(h.UID)
	manager := "/user.slice/user-" + uid + ".slice/user@" + uid + ".service"
	dropIn := fmt.Sprintf(`mkdir -p %s && printf '[Service]\nDelegate=memory pids cpu\n' > %s && systemctl daemon-reload; then log %s out and in (or: systemctl restart user@%s.service)`,
		strings.TrimSuffix(DelegateDropIn, "/delegate.conf"), DelegateDropIn, h.User, uid)

	type candidate struct {
		where, dir  string
		owned       bool
		controllers string
		err         error
	}
	look := func(where, dir string) candidate {
		c := candidate{where: where, dir: dir}
		st, err := os.Stat(h.path("/sys/fs/cgroup" + dir))
		if err != nil {
			c.err = err
			return c
		}
		if sys, ok := st.Sys().(*syscall.Stat_t); ok {
			c.owned = int(sys.Uid) == h.UID
		}
		c.controllers, c.err = h.read("/sys/fs/cgroup" + dir + "/cgroup.controllers")
		return c
	}
	var cs []candidate
	if own := h.ownCgroup(); own != "" && own != manager {
		cs = append(cs, look("this process's cgroup", own))
	}
	cs = append(cs, look("user@"+uid+".service", manager))
	for _, c := range cs {
		if c.err == nil && c.owned && hasAll(c.controllers, "memory", "pids") {
			return Result{name, OK, fmt.Sprintf("%s (%s) is %s's, with %s", c.where, c.dir, h.User, c.controllers), ""}
		}
	}
	mgr := cs[len(cs)-1]
	switch {
	case mgr.err == nil && mgr.owned:
		return Result{name, Fail, fmt.Sprintf("%s's systemd manager has only %q: rootless Podman cannot set the memory and pids limits, and runs fail", h.User, mgr.controllers), dropIn}
	case !h.SystemdRunning():
		return Result{name, Fail, "no cgroup of " + h.User + "'s own and no systemd to delegate one: rootless Podman cannot set the memory and pids limits",
			"run judge serve as root (rootful Podman)"}
	}
	return Result{name, Fail, fmt.Sprintf("no cgroup with memory and pids is %s's: not this process's, and user@%s.service does not run", h.User, uid),
		"run the daemon as a unit with Delegate=yes, as the packaged judge.service does; or: loginctl enable-linger " + h.User + " (starts user@" + uid + ".service), then " + dropIn}
}

// ownCgroup returns this process's cgroup v2 path, as /proc/self/cgroup
// says, or "".
func (h Host) ownCgroup() string {
	raw, err := h.read("/proc/self/cgroup")
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(raw, "\n") {
		if p, ok := strings.CutPrefix(line, "0::"); ok {
			return p
		}
	}
	return ""
}

func hasAll(controllers string, want ...string) bool {
	have := fields(controllers)
	for _, w := range want {
		if !have[w] {
			return false
		}
	}
	return true
}
