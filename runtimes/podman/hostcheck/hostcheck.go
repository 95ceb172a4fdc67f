// Package hostcheck inspects a Linux host for what the Podman sandboxes need:
// for rootless Podman, user namespaces, subordinate user and group ids and
// the setuid helpers that map them, a runtime directory of the user's own,
// and cgroups delegated to the user; for every host, the cgroup hierarchy
// and its memory and pids controllers, and a Podman version the judge
// supports.
//
// It only reads files, all of them under Host.Root, so that tests can point
// it at a tree of fixtures; what the Podman service itself reports is the
// caller's to add (see `judge doctor`).
package hostcheck

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Status is the outcome of a check.
type Status string

// The outcomes of a check: OK needs nothing; Warn works, with a cost the
// line states; Fail stops the sandbox from working or from bounding a run.
const (
	OK   Status = "ok"
	Warn Status = "warn"
	Fail Status = "fail"
)

// Result is one check: what it found and, unless the check passed, the
// command that fixes it.
type Result struct {
	Check  string `json:"check"`
	Status Status `json:"status"`
	Found  string `json:"found"`
	Fix    string `json:"fix,omitempty"`
}

// Host is the machine to check, for the user that runs the daemon.
type Host struct {
	// Root is where the host's file system is: "/", except in tests.
	Root string
	// UID is the daemon's user: 0 for rootful Podman, any other for
	// rootless Podman. User is its name.
	UID  int
	User string
	// Getenv reads the daemon's environment (XDG_RUNTIME_DIR, PATH,
	// TMPDIR); nil reads nothing.
	Getenv func(string) string
}

// Local returns the host this process runs on, for its own user.
func Local() Host {
	return Host{Root: "/", UID: os.Geteuid(), User: userName(os.Geteuid()), Getenv: os.Getenv}
}

// userName looks uid up in /etc/passwd, and falls back to the number.
func userName(uid int) string {
	raw, err := os.ReadFile("/etc/passwd")
	if err == nil {
		for _, line := range strings.Split(string(raw), "\n") {
			f := strings.Split(line, ":")
			if len(f) > 2 && f[2] == strconv.Itoa(uid) {
				return f[0]
			}
		}
	}
	return strconv.Itoa(uid)
}

// Rootless reports whether the daemon's Podman runs rootless.
func (h Host) Rootless() bool { return h.UID != 0 }

func (h Host) path(p string) string { return filepath.Join(h.Root, p) }

func (h Host) getenv(k string) string {
	if h.Getenv == nil {
		return ""
	}
	return h.Getenv(k)
}

func (h Host) read(p string) (string, error) {
	b, err := os.ReadFile(h.path(p))
	return strings.TrimSpace(string(b)), err
}

func (h Host) exists(p string) bool {
	_, err := os.Stat(h.path(p))
	return err == nil
}

// SystemdRunning reports whether systemd is the host's init, as
// sd_booted(3) decides.
func (h Host) SystemdRunning() bool {
	st, err := os.Stat(h.path("/run/systemd/system"))
	return err == nil && st.IsDir()
}

// Check runs every check that applies to h, in the order `judge doctor`
// prints them.
func (h Host) Check() []Result {
	var rs []Result
	if h.Rootless() {
		rs = append(rs, h.UserNamespaces()...)
		rs = append(rs, h.SubIDs()...)
		rs = append(rs, h.IDMapHelpers()...)
		rs = append(rs, h.RuntimeDir())
	}
	rs = append(rs, h.Cgroups()...)
	if h.Rootless() {
		if r, ok := h.Linger(); ok {
			rs = append(rs, r)
		}
		if r, ok := h.PodmanUserNamespace(); ok {
			rs = append(rs, r)
		}
	}
	return rs
}

// sysctlFix sets a kernel parameter now and at every boot.
func sysctlFix(key, value string) string {
	return fmt.Sprintf("sysctl -w %s=%s && echo %s=%s > /etc/sysctl.d/60-judge-%s.conf", key, value, key, value, key)
}

// UserNamespaces checks that the kernel lets an unprivileged user make a user
// namespace, which is what rootless Podman runs in.
func (h Host) UserNamespaces() []Result {
	const name = "user namespaces"
	var rs []Result
	maxNS, err := h.read("/proc/sys/user/max_user_namespaces")
	if err == nil && maxNS == "0" {
		rs = append(rs, Result{name, Fail, "user.max_user_namespaces=0: no user may make a user namespace",
			sysctlFix("user.max_user_namespaces", "28633")})
	}
	// Debian's kernels before 11 and some hardened ones have this switch.
	if v, err := h.read("/proc/sys/kernel/unprivileged_userns_clone"); err == nil && v == "0" {
		rs = append(rs, Result{name, Fail, "kernel.unprivileged_userns_clone=0: only root may make user namespaces",
			sysctlFix("kernel.unprivileged_userns_clone", "1")})
	}
	// Ubuntu 24.04 lets only programs with an AppArmor profile that
	// allows it make user namespaces; its Podman package comes with one.
	if v, err := h.read("/proc/sys/kernel/apparmor_restrict_unprivileged_userns"); err == nil && v == "1" && !h.exists("/etc/apparmor.d/podman") {
		rs = append(rs, Result{name, Warn, "AppArmor restricts user namespaces to programs with a profile, and /etc/apparmor.d/podman is missing",
			"install Podman from the distribution's packages (they bring the profile), or: " + sysctlFix("kernel.apparmor_restrict_unprivileged_userns", "0")})
	}
	if len(rs) == 0 {
		found := "allowed"
		if maxNS != "" {
			found += " (user.max_user_namespaces=" + maxNS + ")"
		}
		rs = append(rs, Result{name, OK, found, ""})
	}
	return rs
}

// MinSubIDs is how many subordinate ids rootless Podman needs: the images'
// files belong to users up to 65534 (nobody), and each run gets a user of
// its own within them.
const MinSubIDs = 65536

// IDRange is one line of /etc/subuid or /etc/subgid: Owner (a user's name or
// uid) may map Count ids from Start.
type IDRange struct {
	Owner string
	Start int
	Count int
}

// End is the last id of r.
func (r IDRange) End() int { return r.Start + r.Count - 1 }

func (r IDRange) String() string { return fmt.Sprintf("%d-%d", r.Start, r.End()) }

// ParseSubIDs parses /etc/subuid or /etc/subgid, skipping blank lines,
// comments and lines it cannot read (as shadow's tools do).
func ParseSubIDs(data string) []IDRange {
	var rs []IDRange
	for _, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, ":")
		if len(f) != 3 {
			continue
		}
		start, err1 := strconv.Atoi(f[1])
		count, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || start < 0 || count <= 0 {
			continue
		}
		rs = append(rs, IDRange{Owner: f[0], Start: start, Count: count})
	}
	return rs
}

// owns reports whether r belongs to h's user, named or by number.
func (h Host) owns(r IDRange) bool {
	return r.Owner == h.User || r.Owner == strconv.Itoa(h.UID)
}

// freeRange returns MinSubIDs ids from 100000 up, above every range in
// either file (as scripts/rootless-user.sh picks them): free for any user,
// and an addition to the user's own ranges rather than an overlap.
func freeRange(files ...[]IDRange) IDRange {
	start := 100000
	for _, rs := range files {
		for _, r := range rs {
			start = max(start, r.End()+1)
		}
	}
	return IDRange{Start: start, Count: MinSubIDs}
}

// SubIDs checks that /etc/subuid and /etc/subgid give h's user at least
// MinSubIDs ids each, none of them another user's too.
func (h Host) SubIDs() []Result {
	files := []struct{ name, flag string }{{"subuid", "--add-subuids"}, {"subgid", "--add-subgids"}}
	var parsed [2][]IDRange
	var errs [2]error
	for i, f := range files {
		raw, err := os.ReadFile(h.path("/etc/" + f.name))
		parsed[i], errs[i] = ParseSubIDs(string(raw)), err
	}
	free := freeRange(parsed[0], parsed[1])
	// The user namespace Podman keeps maps the ids it had when made.
	migrate := fmt.Sprintf("; then, as %s: podman system migrate", h.User)
	var rs []Result
	for i, f := range files {
		var mine, others []IDRange
		total := 0
		for _, r := range parsed[i] {
			if h.owns(r) {
				mine, total = append(mine, r), total+r.Count
			} else {
				others = append(others, r)
			}
		}
		fix := fmt.Sprintf("usermod %s %s %s", f.flag, free, h.User) + migrate
		switch {
		case errs[i] != nil && !errors.Is(errs[i], fs.ErrNotExist):
			rs = append(rs, Result{f.name, Fail, fmt.Sprintf("cannot read /etc/%s: %v", f.name, errs[i]), "chmod 644 /etc/" + f.name})
		case total == 0:
			rs = append(rs, Result{f.name, Fail, fmt.Sprintf("no range for %s in /etc/%s: Podman maps only the user itself, and the images' files belong to others", h.User, f.name),
				fix + " (or, for both files: scripts/rootless-user.sh " + h.User + ")"})
		case total < MinSubIDs:
			rs = append(rs, Result{f.name, Fail, fmt.Sprintf("%s has %d ids in /etc/%s, Podman needs %d", h.User, total, f.name, MinSubIDs), fix})
		default:
			found := fmt.Sprintf("%s: %s (%d ids)", h.User, joinRanges(mine), total)
			if o, r, ok := overlap(mine, others); ok {
				rs = append(rs, Result{f.name, Warn, fmt.Sprintf("%s; %s overlaps %s's %s: their containers share those ids", found, r, o.Owner, o),
					fmt.Sprintf("remove %s's line %s:%d:%d from /etc/%s, then: %s", h.User, h.User, r.Start, r.Count, f.name, fix)})
			} else {
				rs = append(rs, Result{f.name, OK, found, ""})
			}
		}
	}
	return rs
}

func joinRanges(rs []IDRange) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = r.String()
	}
	return strings.Join(s, ", ")
}

// overlap finds a range of mine that shares ids with one of others.
func overlap(mine, others []IDRange) (other, own IDRange, ok bool) {
	for _, m := range mine {
		for _, o := range others {
			if m.Start <= o.End() && o.Start <= m.End() {
				return o, m, true
			}
		}
	}
	return IDRange{}, IDRange{}, false
}

// defaultPath is where the helpers are looked for when PATH is not set.
const defaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

// IDMapHelpers checks newuidmap and newgidmap, which Podman runs to map the
// subordinate ids into its user namespace: they must be on PATH and
// privileged, setuid root or with file capabilities.
func (h Host) IDMapHelpers() []Result {
	path := h.getenv("PATH")
	if path == "" {
		path = defaultPath
	}
	var rs []Result
	for _, name := range []string{"newuidmap", "newgidmap"} {
		found := ""
		var st os.FileInfo
		for _, dir := range filepath.SplitList(path) {
			if dir == "" || !filepath.IsAbs(dir) {
				continue
			}
			if s, err := os.Stat(h.path(filepath.Join(dir, name))); err == nil && !s.IsDir() {
				found, st = filepath.Join(dir, name), s
				break
			}
		}
		if found == "" {
			rs = append(rs, Result{name, Fail, "not found in PATH: Podman maps only the user itself",
				"apt-get install uidmap (Fedora: dnf install shadow-utils)"})
			continue
		}
		owner := -1
		if sys, ok := st.Sys().(*syscall.Stat_t); ok {
			owner = int(sys.Uid)
		}
		rs = append(rs, IDMapHelper(name, found, st.Mode(), owner, hasFileCaps(h.path(found))))
	}
	// Under no_new_privs, which children inherit, setuid gives nothing.
	if status, err := h.read("/proc/self/status"); err == nil && strings.Contains(status, "\nNoNewPrivs:\t1") {
		rs = append(rs, Result{"no_new_privs", Fail, "judge runs with no_new_privs: newuidmap and newgidmap cannot use their privileges, and a new rootless Podman fails (newuidmap: write to uid_map failed)",
			"run judge without it: drop NoNewPrivileges= from its systemd unit (and SystemCallFilter=, RestrictNamespaces= and other settings that imply it), or --security-opt no-new-privileges from its container"})
	}
	return rs
}

// IDMapHelper judges the helper name at path from its mode, its owner's uid
// and whether it has file capabilities.
func IDMapHelper(name, path string, mode fs.FileMode, owner int, caps bool) Result {
	switch {
	case mode&fs.ModeSetuid != 0 && owner == 0:
		return Result{name, OK, path + ", setuid root", ""}
	case caps:
		return Result{name, OK, path + ", with file capabilities", ""}
	case mode&fs.ModeSetuid != 0:
		return Result{name, Fail, fmt.Sprintf("%s is setuid but owned by uid %d, not root", path, owner),
			fmt.Sprintf("chown root:root %s && chmod u+s %s", path, path)}
	default:
		return Result{name, Fail, path + " is neither setuid root nor has file capabilities: it cannot map other ids",
			fmt.Sprintf("chmod u+s %s (or: apt-get install --reinstall uidmap)", path)}
	}
}

// hasFileCaps reports whether path has capabilities of its own, as
// shadow-utils installs the helpers on Fedora instead of setuid.
func hasFileCaps(path string) bool {
	n, err := syscall.Getxattr(path, "security.capability", nil)
	return err == nil && n > 0
}

// RuntimeDir checks XDG_RUNTIME_DIR, where rootless Podman and the daemon keep
// their sockets: if it is set, it must be a directory of the user's own.
func (h Host) RuntimeDir() Result {
	const name = "XDG_RUNTIME_DIR"
	dir := h.getenv("XDG_RUNTIME_DIR")
	session := fmt.Sprintf("set XDG_RUNTIME_DIR to a directory of %s's own with mode 0700, as the packaged judge.service does (/run/judge), or log in as %s (ssh, or machinectl shell %s@) rather than with su or sudo", h.User, h.User, h.User)
	if dir == "" {
		tmp := h.getenv("TMPDIR")
		if tmp == "" {
			tmp = "/tmp"
		}
		found := fmt.Sprintf("not set: the daemon puts its Podman socket in %s/judge-run-%d, and Podman its files in %s/podman-run-%d", tmp, h.UID, tmp, h.UID)
		if h.SystemdRunning() {
			// A login session would have set it; without one, neither
			// the user's systemd nor its D-Bus are at hand.
			return Result{name, Warn, found + "; no login session, so no systemd user manager or D-Bus for Podman", session}
		}
		return Result{name, OK, found, ""}
	}
	st, err := os.Stat(h.path(dir))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Result{name, Fail, dir + " does not exist: the daemon cannot make its Podman socket there",
			fmt.Sprintf("unset XDG_RUNTIME_DIR, or, as root: install -d -m 700 -o %s -g %s %s", h.User, h.User, dir)}
	case err != nil:
		return Result{name, Fail, fmt.Sprintf("%s: %v", dir, err), "unset XDG_RUNTIME_DIR, or " + session}
	case !st.IsDir():
		return Result{name, Fail, dir + " is not a directory", "unset XDG_RUNTIME_DIR, or " + session}
	}
	if sys, ok := st.Sys().(*syscall.Stat_t); ok && int(sys.Uid) != h.UID {
		// su without -l keeps the caller's, /run/user/0 for root.
		return Result{name, Fail, fmt.Sprintf("%s belongs to uid %d, not %s: Podman refuses it", dir, sys.Uid, h.User),
			"unset XDG_RUNTIME_DIR, or " + session}
	}
	return Result{name, OK, dir + ", owned by " + h.User, ""}
}

// Linger checks that the runtime directory of a login session,
// /run/user/UID, and the Podman socket and pause process in it, outlive the
// user's last session. It applies where systemd runs and XDG_RUNTIME_DIR is
// that directory (the packaged judge.service has one of its own instead).
func (h Host) Linger() (Result, bool) {
	if !h.SystemdRunning() || h.getenv("XDG_RUNTIME_DIR") != "/run/user/"+strconv.Itoa(h.UID) {
		return Result{}, false
	}
	if h.exists("/var/lib/systemd/linger/" + h.User) {
		return Result{"lingering", OK, "on: " + h.User + "'s systemd manager runs without a session", ""}, true
	}
	return Result{"lingering", Warn,
		"off: " + h.User + "'s systemd manager, its cgroups and /run/user/" + strconv.Itoa(h.UID) + " go away when the last session ends",
		"loginctl enable-linger " + h.User}, true
}

// PodmanUserNamespace checks that the user namespace a rootless Podman keeps
// (held by its pause process) maps the subordinate ids: one made before the
// ids were given maps only the user, until `podman system migrate`. It
// applies when the pause process runs and the user has the ids.
func (h Host) PodmanUserNamespace() (Result, bool) {
	var dirs []string
	if d := h.getenv("XDG_RUNTIME_DIR"); d != "" {
		dirs = append(dirs, d)
	}
	tmp := h.getenv("TMPDIR")
	if tmp == "" {
		tmp = "/tmp"
	}
	dirs = append(dirs, filepath.Join(tmp, "podman-run-"+strconv.Itoa(h.UID)))
	for _, d := range dirs {
		pid, err := h.read(filepath.Join(d, "libpod/tmp/pause.pid"))
		if err != nil {
			continue
		}
		if _, err := strconv.Atoi(pid); err != nil {
			continue
		}
		uids, err1 := h.read("/proc/" + pid + "/uid_map")
		gids, err2 := h.read("/proc/" + pid + "/gid_map")
		if err1 != nil || err2 != nil {
			continue // not running
		}
		nu, ng := mapped(uids), mapped(gids)
		if nu > MinSubIDs && ng > MinSubIDs {
			return Result{"podman user namespace", OK, fmt.Sprintf("maps %d uids and %d gids (pause process %s)", nu, ng, pid), ""}, true
		}
		if h.subIDTotal("subuid") < MinSubIDs || h.subIDTotal("subgid") < MinSubIDs {
			return Result{}, false // the subuid/subgid lines say what to do first
		}
		return Result{"podman user namespace", Fail,
			fmt.Sprintf("maps only %s and %s: Podman made it before %s had subordinate ids", plural(nu, "uid"), plural(ng, "gid"), h.User),
			"as " + h.User + ": podman system migrate (stops the user's running containers)"}, true
	}
	return Result{}, false
}

func (h Host) subIDTotal(file string) int {
	raw, _ := os.ReadFile(h.path("/etc/" + file))
	total := 0
	for _, r := range ParseSubIDs(string(raw)) {
		if h.owns(r) {
			total += r.Count
		}
	}
	return total
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// mapped sums the ranges of a /proc/PID/uid_map or gid_map.
func mapped(idMap string) int {
	total := 0
	for _, line := range strings.Split(idMap, "\n") {
		f := strings.Fields(line)
		if len(f) != 3 {
			continue
		}
		if n, err := strconv.Atoi(f[2]); err == nil {
			total += n
		}
	}
	return total
}

// APISocket checks the Podman API socket at path, where the daemon looks
// first; without a service there it starts `podman system service` itself,
// so only a socket that does not answer is worth a warning.
func APISocket(path string, systemd, rootless bool) Result {
	const name = "podman socket"
	unit := "systemctl enable --now podman.socket"
	if rootless {
		unit = "systemctl --user enable --now podman.socket"
	}
	c, err := net.DialTimeout("unix", path, 500*time.Millisecond)
	switch {
	case err == nil:
		c.Close()
		return Result{name, OK, path + " answers", ""}
	case errors.Is(err, fs.ErrNotExist):
		found := "no service at " + path + ": judge serve starts `podman system service` itself"
		if systemd {
			found += " (or keep one running: " + unit + ")"
		}
		return Result{name, OK, found, ""}
	}
	found := fmt.Sprintf("%s does not answer (%v): judge serve starts a service of its own instead", path, unwrapOp(err))
	if !errors.Is(err, syscall.ECONNREFUSED) {
		// Most often a runtime directory of another user's.
		return Result{name, Warn, found, "make " + filepath.Dir(path) + " the daemon's user's own, or name another socket with --podman"}
	}
	fix := "rm " + path + " (a socket left behind: nothing serves it)"
	if systemd {
		fix = strings.Replace(unit, "enable --now", "restart", 1) + ", or " + fix
	}
	return Result{name, Warn, found, fix}
}

// unwrapOp drops the "dial unix PATH: connect:" a net error repeats.
func unwrapOp(err error) error {
	var sys *os.SyscallError
	if errors.As(err, &sys) {
		return sys.Err
	}
	return err
}
