package hostcheck

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// tree writes files (path relative to the root: content) into a new root.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, content := range files {
		full := filepath.Join(root, p)
		dir := filepath.Dir(full)
		if strings.HasSuffix(p, "/") {
			dir = full // a directory
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if dir == full {
			continue
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// env is a Getenv of the given variables.
func env(kv ...string) func(string) string {
	return func(k string) string {
		for i := 0; i+1 < len(kv); i += 2 {
			if kv[i] == k {
				return kv[i+1]
			}
		}
		return ""
	}
}

// want is a result's status and pieces its text must hold.
type want struct {
	check  string
	status Status
	found  string // in Found
	fix    string // in Fix
}

func expect(t *testing.T, got []Result, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Fatalf("got %d results, want %d:\n%s", len(got), len(wants), dump(got))
	}
	for i, w := range wants {
		r := got[i]
		if r.Check != w.check || r.Status != w.status || !strings.Contains(r.Found, w.found) || !strings.Contains(r.Fix, w.fix) {
			t.Errorf("result %d = %+v\nwant check %q, status %s, found with %q, fix with %q", i, r, w.check, w.status, w.found, w.fix)
		}
		if r.Status != OK && r.Fix == "" {
			t.Errorf("result %d (%s) is %s without a fix", i, r.Check, r.Status)
		}
	}
}

func dump(rs []Result) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(string(r.Status) + " " + r.Check + ": " + r.Found + " | fix: " + r.Fix + "\n")
	}
	return b.String()
}

func TestParseSubIDs(t *testing.T) {
	got := ParseSubIDs("# comment\n\nada:100000:65536\n1001:165536:1000\nbad line\nbob:x:10\ncy:5:0\n  dee:200000:10  \n")
	want := []IDRange{{"ada", 100000, 65536}, {"1001", 165536, 1000}, {"dee", 200000, 10}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("ParseSubIDs = %+v, want %+v", got, want)
	}
	if got[0].String() != "100000-165535" {
		t.Fatalf("String = %q", got[0].String())
	}
}

func TestHost_SubIDs(t *testing.T) {
	const others = "judge-e2e:100000:65536\nada:231072:65536\n"
	for _, c := range []struct {
		name           string
		subuid, subgid string // "-": no file
		want           []want
	}{
		{
			name:   "ranges of its own",
			subuid: others + "bea:296608:65536\n", subgid: others + "bea:296608:65536\n",
			want: []want{{"subuid", OK, "bea: 296608-362143 (65536 ids)", ""}, {"subgid", OK, "bea: 296608-362143", ""}},
		},
		{
			name:   "by uid, in two ranges",
			subuid: others + "1004:296608:30000\nbea:400000:35536\n", subgid: others + "1004:296608:65536\n",
			want: []want{{"subuid", OK, "296608-326607, 400000-435535 (65536 ids)", ""}, {"subgid", OK, "(65536 ids)", ""}},
		},
		{
			name:   "none: a free range above the others",
			subuid: others, subgid: others,
			want: []want{
				{"subuid", Fail, "no range for bea in /etc/subuid", "usermod --add-subuids 296608-362143 bea; then, as bea: podman system migrate (or, for both files: scripts/rootless-user.sh bea)"},
				{"subgid", Fail, "no range for bea in /etc/subgid", "usermod --add-subgids 296608-362143 bea"},
			},
		},
		{
			name:   "the free range is above both files",
			subuid: others, subgid: others + "cy:400000:65536\n",
			want: []want{
				{"subuid", Fail, "no range", "usermod --add-subuids 465536-531071 bea"},
				{"subgid", Fail, "no range", "usermod --add-subgids 465536-531071 bea"},
			},
		},
		{
			name:   "no files",
			subuid: "-", subgid: "-",
			want: []want{
				{"subuid", Fail, "no range", "usermod --add-subuids 100000-165535 bea"},
				{"subgid", Fail, "no range", "usermod --add-subgids 100000-165535 bea"},
			},
		},
		{
			name:   "too few",
			subuid: "bea:100000:1000\n", subgid: "bea:100000:65536\n",
			want: []want{
				{"subuid", Fail, "bea has 1000 ids in /etc/subuid, Podman needs 65536", "usermod --add-subuids 165536-231071 bea; then, as bea: podman system migrate"},
				{"subgid", OK, "", ""},
			},
		},
		{
			name:   "overlapping another user's",
			subuid: others + "bea:200000:65536\n", subgid: others + "bea:240000:65536\n",
			want: []want{
				{"subuid", Warn, "200000-265535 overlaps ada's 231072-296607", "remove bea's line bea:200000:65536 from /etc/subuid"},
				{"subgid", Warn, "240000-305535 overlaps ada's 231072-296607", "usermod --add-subgids 305536-371071 bea"},
			},
		},
		{
			name:   "next to another user's",
			subuid: others + "bea:296608:65536\n", subgid: "bea:165536:65536\n" + others,
			want: []want{{"subuid", OK, "", ""}, {"subgid", OK, "bea: 165536-231071", ""}},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{"etc/": ""}
			if c.subuid != "-" {
				files["etc/subuid"] = c.subuid
			}
			if c.subgid != "-" {
				files["etc/subgid"] = c.subgid
			}
			h := Host{Root: tree(t, files), UID: 1004, User: "bea"}
			expect(t, h.SubIDs(), c.want)
		})
	}
}

func TestIDMapHelper(t *testing.T) {
	for _, c := range []struct {
		mode   os.FileMode
		owner  int
		caps   bool
		status Status
		fix    string
	}{
		{0o755 | os.ModeSetuid, 0, false, OK, ""},
		{0o755, 0, true, OK, ""},
		{0o755, 0, false, Fail, "chmod u+s /usr/bin/newuidmap"},
		{0o755 | os.ModeSetuid, 1000, false, Fail, "chown root:root /usr/bin/newuidmap"},
	} {
		r := IDMapHelper("newuidmap", "/usr/bin/newuidmap", c.mode, c.owner, c.caps)
		if r.Status != c.status || !strings.Contains(r.Fix, c.fix) {
			t.Errorf("IDMapHelper(%v, owner %d, caps %t) = %+v, want %s with fix %q", c.mode, c.owner, c.caps, r, c.status, c.fix)
		}
	}
}

func TestHost_IDMapHelpers(t *testing.T) {
	root := tree(t, map[string]string{"usr/bin/newuidmap": "", "bin/": ""})
	h := Host{Root: root, UID: 1004, User: "bea", Getenv: env("PATH", "/bin:relative:/usr/bin")}
	// newuidmap is found in the second absolute directory but is not
	// setuid root; newgidmap is nowhere.
	expect(t, h.IDMapHelpers(), []want{
		{"newuidmap", Fail, "/usr/bin/newuidmap is neither setuid root", "chmod u+s /usr/bin/newuidmap"},
		{"newgidmap", Fail, "not found in PATH", "apt-get install uidmap"},
	})
}

func TestHost_IDMapHelpers_noNewPrivs(t *testing.T) {
	status := "Name:\tjudge\nUmask:\t0022\nNoNewPrivs:\t%s\nSeccomp:\t0\n"
	for _, c := range []struct {
		nnp  string
		want []string
	}{
		{"0", []string{"newuidmap", "newgidmap"}},
		{"1", []string{"newuidmap", "newgidmap", "no_new_privs"}},
	} {
		root := tree(t, map[string]string{"proc/self/status": fmt.Sprintf(status, c.nnp)})
		h := Host{Root: root, UID: 1004, User: "bea", Getenv: env("PATH", "/usr/bin")}
		var got []string
		for _, r := range h.IDMapHelpers() {
			got = append(got, r.Check)
			if r.Check == "no_new_privs" && (r.Status != Fail || !strings.Contains(r.Fix, "NoNewPrivileges=")) {
				t.Errorf("no_new_privs: %+v", r)
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("NoNewPrivs %s: checks %q, want %q", c.nnp, got, c.want)
		}
	}
}

func TestHost_RuntimeDir(t *testing.T) {
	root := tree(t, map[string]string{"run/user/1004/": "", "run/file": "", "run/systemd/system/": ""})
	noSystemd := tree(t, map[string]string{})
	me := os.Getuid()
	for _, c := range []struct {
		name string
		root string
		uid  int
		xdg  string
		want want
	}{
		{"unset, no systemd", noSystemd, me, "", want{"XDG_RUNTIME_DIR", OK, "not set: the daemon puts its Podman socket in /tmp/judge-run-", ""}},
		{"unset, systemd", root, me, "", want{"XDG_RUNTIME_DIR", Warn, "no login session", "as the packaged judge.service does (/run/judge), or log in as bea (ssh, or machinectl shell bea@)"}},
		{"missing", root, me, "/run/user/9999", want{"XDG_RUNTIME_DIR", Fail, "/run/user/9999 does not exist", "install -d -m 700 -o bea -g bea /run/user/9999"}},
		{"not a directory", root, me, "/run/file", want{"XDG_RUNTIME_DIR", Fail, "not a directory", "unset XDG_RUNTIME_DIR"}},
		{"own", root, me, "/run/user/1004", want{"XDG_RUNTIME_DIR", OK, "/run/user/1004, owned by bea", ""}},
		{"another user's", root, me + 1, "/run/user/1004", want{"XDG_RUNTIME_DIR", Fail, "belongs to uid", "unset XDG_RUNTIME_DIR"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := Host{Root: c.root, UID: c.uid, User: "bea", Getenv: env("XDG_RUNTIME_DIR", c.xdg)}
			expect(t, []Result{h.RuntimeDir()}, []want{c.want})
		})
	}
}

func TestHost_UserNamespaces(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  []want
	}{
		{"allowed", map[string]string{"proc/sys/user/max_user_namespaces": "96365\n", "proc/sys/kernel/unprivileged_userns_clone": "1\n"},
			[]want{{"user namespaces", OK, "user.max_user_namespaces=96365", ""}}},
		{"no switches at all", map[string]string{},
			[]want{{"user namespaces", OK, "allowed", ""}}},
		{"none allowed", map[string]string{"proc/sys/user/max_user_namespaces": "0\n"},
			[]want{{"user namespaces", Fail, "user.max_user_namespaces=0", "sysctl -w user.max_user_namespaces=28633 && echo user.max_user_namespaces=28633 > /etc/sysctl.d/"}}},
		{"root only", map[string]string{"proc/sys/user/max_user_namespaces": "100\n", "proc/sys/kernel/unprivileged_userns_clone": "0\n"},
			[]want{{"user namespaces", Fail, "kernel.unprivileged_userns_clone=0", "sysctl -w kernel.unprivileged_userns_clone=1"}}},
		{"AppArmor without a profile", map[string]string{"proc/sys/kernel/apparmor_restrict_unprivileged_userns": "1\n"},
			[]want{{"user namespaces", Warn, "/etc/apparmor.d/podman is missing", "kernel.apparmor_restrict_unprivileged_userns=0"}}},
		{"AppArmor with a profile", map[string]string{"proc/sys/kernel/apparmor_restrict_unprivileged_userns": "1\n", "etc/apparmor.d/podman": "profile podman"},
			[]want{{"user namespaces", OK, "allowed", ""}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := Host{Root: tree(t, c.files), UID: 1004, User: "bea"}
			expect(t, h.UserNamespaces(), c.want)
		})
	}
}

const (
	mountsV2     = "proc /proc proc rw 0 0\ncgroup2 /sys/fs/cgroup cgroup2 rw,nosuid,nodev,noexec,relatime,nsdelegate 0 0\n"
	mountsHybrid = "tmpfs /sys/fs/cgroup tmpfs rw 0 0\ncgroup /sys/fs/cgroup/cpu cgroup rw,relatime,cpu 0 0\n" +
		"cgroup /sys/fs/cgroup/memory cgroup rw,relatime,memory 0 0\ncgroup /sys/fs/cgroup/pids cgroup rw,relatime,pids 0 0\n" +
		"cgroup /sys/fs/cgroup/systemd cgroup rw,relatime,name=systemd 0 0\ncgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime 0 0\n"
	mountsV1NoPids = "cgroup /sys/fs/cgroup/memory cgroup rw,memory 0 0\ncgroup /sys/fs/cgroup/cpu,cpuacct cgroup rw,cpu,cpuacct 0 0\n"
	userCgroup     = "sys/fs/cgroup/user.slice/user-1004.slice/user@1004.service/cgroup.controllers"
)

func TestHost_Delegation(t *testing.T) {
	// A delegated cgroup is the user's: the test's own uid, or, for root,
	// a user the fixture is handed to.
	uid := os.Getuid()
	if uid == 0 {
		uid = 1004
	}
	u := strconv.Itoa(uid)
	manager := "sys/fs/cgroup/user.slice/user-" + u + ".slice/user@" + u + ".service/"
	unit := "sys/fs/cgroup/system.slice/judge.service/"
	session := "sys/fs/cgroup/user.slice/user-1000.slice/session-3.scope/"
	for _, c := range []struct {
		name  string
		files map[string]string
		mine  []string // directories that are the user's
		// foreign is set when a cgroup of the fixture is another
		// user's; the others are the user's (root's in the tree).
		foreign bool
		want    want
	}{
		{"user manager with memory and pids", map[string]string{manager + "cgroup.controllers": "cpu memory pids\n", "proc/self/cgroup": "0::/user.slice/user-1000.slice/session-3.scope\n", session + "cgroup.controllers": "memory pids"},
			[]string{manager}, true, want{"cgroup delegation", OK, "user@" + u + ".service (/user.slice/user-" + u + ".slice/user@" + u + ".service) is bea's, with cpu memory pids", ""}},
		{"a unit with Delegate=yes", map[string]string{unit + "cgroup.controllers": "cpu io memory pids\n", "proc/self/cgroup": "0::/system.slice/judge.service\n"},
			[]string{unit}, false, want{"cgroup delegation", OK, "this process's cgroup (/system.slice/judge.service) is bea's, with cpu io memory pids", ""}},
		{"the unit's cgroup lacks pids", map[string]string{unit + "cgroup.controllers": "cpu memory\n", "proc/self/cgroup": "0::/system.slice/judge.service\n", "run/systemd/system/": ""},
			[]string{unit}, false, want{"cgroup delegation", Fail, "no cgroup with memory and pids is bea's", "Delegate=yes"}},
		{"another user's session", map[string]string{session + "cgroup.controllers": "memory pids\n", "proc/self/cgroup": "0::/user.slice/user-1000.slice/session-3.scope\n", "run/systemd/system/": ""},
			nil, true, want{"cgroup delegation", Fail, "user@" + u + ".service does not run", "loginctl enable-linger bea"}},
		{"user manager without memory", map[string]string{manager + "cgroup.controllers": "cpu\n", "run/systemd/system/": ""},
			[]string{manager}, false, want{"cgroup delegation", Fail, `bea's systemd manager has only "cpu"`,
				`mkdir -p /etc/systemd/system/user@.service.d && printf '[Service]\nDelegate=memory pids cpu\n' > /etc/systemd/system/user@.service.d/delegate.conf && systemctl daemon-reload; then log bea out and in`}},
		{"the user manager's cgroup is not the user's", map[string]string{manager + "cgroup.controllers": "memory pids\n", "run/systemd/system/": ""},
			nil, true, want{"cgroup delegation", Fail, "no cgroup with memory and pids is bea's", "loginctl enable-linger bea"}},
		{"no systemd", map[string]string{"proc/self/cgroup": "0::/\n"},
			nil, false, want{"cgroup delegation", Fail, "no systemd", "run judge serve as root"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := tree(t, c.files)
			if os.Getuid() == 0 {
				for _, d := range c.mine {
					if err := os.Chown(filepath.Join(root, d), uid, uid); err != nil {
						t.Fatal(err)
					}
				}
			} else if c.foreign {
				t.Skip("only root can give a fixture to another user")
			}
			h := Host{Root: root, UID: uid, User: "bea"}
			expect(t, []Result{h.Delegation()}, []want{c.want})
		})
	}
}

func TestHost_Cgroups(t *testing.T) {
	for _, c := range []struct {
		name  string
		uid   int
		files map[string]string
		want  []want
	}{
		{"v2 rootful", 0, map[string]string{"proc/self/mounts": mountsV2, "sys/fs/cgroup/cgroup.controllers": "cpuset cpu io memory hugetlb pids rdma misc\n"},
			[]want{{"cgroups", OK, "v2, controllers: cpuset cpu io memory", ""}}},
		{"v2 rootful without memory", 0, map[string]string{"proc/self/mounts": mountsV2, "sys/fs/cgroup/cgroup.controllers": "cpuset cpu io pids\n"},
			[]want{{"cgroups", Fail, "no memory controller", "cgroup_enable=memory"}}},
		{"v2 rootless", 1004, map[string]string{"proc/self/mounts": mountsV2, userCgroup: "cpu memory pids\n"},
			[]want{{"cgroups", OK, "v2", ""}, {"cgroup delegation", Fail, "no systemd", "run judge serve as root"}}}, // more in TestHost_Delegation
		{"hybrid rootless", 1004, map[string]string{"proc/self/mounts": mountsHybrid},
			[]want{{"cgroups", Warn, "hybrid: v1 controllers, v2 at /sys/fs/cgroup/unified without any: rootless Podman cannot limit cgroup v1, so memory and process limits fall back to rlimits and judge-init's accounting",
				"systemd.unified_cgroup_hierarchy=1"}}},
		{"hybrid rootful", 0, map[string]string{"proc/self/mounts": mountsHybrid},
			[]want{{"cgroups", OK, "hybrid", ""}}},
		{"v1 rootful without pids", 0, map[string]string{"proc/self/mounts": mountsV1NoPids},
			[]want{{"cgroups", Warn, "v1; no pids controller", "kernel command line"}}},
		{"v1 rootless", 1004, map[string]string{"proc/self/mounts": mountsV1NoPids},
			[]want{{"cgroups", Warn, "v1: rootless Podman cannot limit cgroup v1", "run judge serve as root"}}},
		{"none", 0, map[string]string{"proc/self/mounts": "proc /proc proc rw 0 0\n"},
			[]want{{"cgroups", Fail, "no cgroup file system", "mount -t cgroup2"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := Host{Root: tree(t, c.files), UID: c.uid, User: "bea"}
			expect(t, h.Cgroups(), c.want)
		})
	}
}

func TestHost_Linger(t *testing.T) {
	for _, c := range []struct {
		name  string
		xdg   string
		files map[string]string
		apply bool
		want  want
	}{
		{"no systemd", "/run/user/1004", map[string]string{}, false, want{}},
		{"a runtime directory of its own", "/run/judge", map[string]string{"run/systemd/system/": ""}, false, want{}},
		{"off", "/run/user/1004", map[string]string{"run/systemd/system/": ""}, true, want{"lingering", Warn, "/run/user/1004 go away", "loginctl enable-linger bea"}},
		{"on", "/run/user/1004", map[string]string{"run/systemd/system/": "", "var/lib/systemd/linger/bea": ""}, true, want{"lingering", OK, "on", ""}},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := Host{Root: tree(t, c.files), UID: 1004, User: "bea", Getenv: env("XDG_RUNTIME_DIR", c.xdg)}
			r, ok := h.Linger()
			if ok != c.apply {
				t.Fatalf("applies = %t, want %t", ok, c.apply)
			}
			if ok {
				expect(t, []Result{r}, []want{c.want})
			}
		})
	}
}

func TestHost_PodmanUserNamespace(t *testing.T) {
	const (
		full   = "         0       1004          1\n         1     296608      65536\n"
		single = "         0       1004          1\n"
		subids = "bea:296608:65536\n"
	)
	for _, c := range []struct {
		name  string
		xdg   string
		files map[string]string
		apply bool
		want  want
	}{
		{"no pause process", "", map[string]string{"etc/subuid": subids, "etc/subgid": subids}, false, want{}},
		{"pause process gone", "", map[string]string{"etc/subuid": subids, "etc/subgid": subids,
			"tmp/podman-run-1004/libpod/tmp/pause.pid": "4242"}, false, want{}},
		{"maps the ids", "", map[string]string{"etc/subuid": subids, "etc/subgid": subids,
			"tmp/podman-run-1004/libpod/tmp/pause.pid": "4242", "proc/4242/uid_map": full, "proc/4242/gid_map": full},
			true, want{"podman user namespace", OK, "maps 65537 uids and 65537 gids (pause process 4242)", ""}},
		{"made before the ids", "/run/user/1004", map[string]string{"etc/subuid": subids, "etc/subgid": subids,
			"run/user/1004/libpod/tmp/pause.pid": "77\n", "proc/77/uid_map": single, "proc/77/gid_map": full},
			true, want{"podman user namespace", Fail, "maps only 1 uid and 65537 gids", "as bea: podman system migrate"}},
		{"no ids yet: subuid says what to do", "", map[string]string{
			"tmp/podman-run-1004/libpod/tmp/pause.pid": "4242", "proc/4242/uid_map": single, "proc/4242/gid_map": single},
			false, want{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			root := tree(t, c.files)
			h := Host{Root: root, UID: 1004, User: "bea", Getenv: env("XDG_RUNTIME_DIR", c.xdg, "TMPDIR", "/tmp")}
			r, ok := h.PodmanUserNamespace()
			if ok != c.apply {
				t.Fatalf("applies = %t, want %t (%+v)", ok, c.apply, r)
			}
			if ok {
				expect(t, []Result{r}, []want{c.want})
			}
		})
	}
}

func TestHost_Check(t *testing.T) {
	files := map[string]string{"proc/self/mounts": mountsHybrid, "etc/subuid": "bea:100000:65536\n", "etc/subgid": "bea:100000:65536\n"}
	checks := func(rs []Result) []string {
		var names []string
		for _, r := range rs {
			names = append(names, r.Check)
		}
		return names
	}
	rootless := Host{Root: tree(t, files), UID: 1004, User: "bea", Getenv: env("PATH", "/usr/bin")}
	want := []string{"user namespaces", "subuid", "subgid", "newuidmap", "newgidmap", "XDG_RUNTIME_DIR", "cgroups"}
	if got := checks(rootless.Check()); !reflect.DeepEqual(got, want) {
		t.Errorf("rootless checks = %q, want %q", got, want)
	}
	// Rootful Podman needs no user namespace, ids or helpers.
	rootful := Host{Root: rootless.Root, UID: 0, User: "root"}
	if got := checks(rootful.Check()); !reflect.DeepEqual(got, []string{"cgroups"}) {
		t.Errorf("rootful checks = %q, want [cgroups]", got)
	}
}

func TestAPISocket(t *testing.T) {
	dir := t.TempDir()
	live := filepath.Join(dir, "live.sock")
	l, err := net.Listen("unix", live)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	stale := filepath.Join(dir, "stale.sock")
	sl, err := net.Listen("unix", stale)
	if err != nil {
		t.Fatal(err)
	}
	sl.(*net.UnixListener).SetUnlinkOnClose(false)
	sl.Close()

	// A socket in a directory the user may not enter.
	closed := filepath.Join(dir, "closed")
	if err := os.Mkdir(closed, 0o700); err != nil {
		t.Fatal(err)
	}
	cl, err := net.Listen("unix", filepath.Join(closed, "podman.sock"))
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	var denied Result
	if os.Geteuid() == 0 {
		// Root enters any directory: a file in the socket's path fails
		// the same way, with another error than "refused".
		file := filepath.Join(closed, "file")
		os.WriteFile(file, nil, 0o600)
		denied = APISocket(filepath.Join(file, "podman.sock"), true, true)
		closed = file
	} else {
		os.Chmod(closed, 0)
		defer os.Chmod(closed, 0o700)
		denied = APISocket(filepath.Join(closed, "podman.sock"), true, true)
	}

	expect(t, []Result{
		denied,
		APISocket(live, false, false),
		APISocket(filepath.Join(dir, "none.sock"), false, false),
		APISocket(filepath.Join(dir, "none.sock"), true, true),
		APISocket(stale, true, false),
		APISocket(stale, false, true),
	}, []want{
		{"podman socket", Warn, "does not answer", "make " + closed + " the daemon's user's own"},
		{"podman socket", OK, live + " answers", ""},
		{"podman socket", OK, "judge serve starts `podman system service` itself", ""},
		{"podman socket", OK, "systemctl --user enable --now podman.socket", ""},
		{"podman socket", Warn, "does not answer (connection refused)", "systemctl restart podman.socket, or rm " + stale},
		{"podman socket", Warn, "does not answer", "rm " + stale},
	})
}

func TestPodmanVersion(t *testing.T) {
	for _, c := range []struct {
		v      string
		status Status
	}{
		{"4.3.1", OK}, {"4.3", OK}, {"5.4.0", OK}, {"v4.9.3", OK}, {"4.10.0-dev", OK},
		{"4.2.0", Warn}, {"4.0.3", Warn},
		{"3.4.4", Fail}, {"1.9", Fail},
		{"", Warn}, {"unknown", Warn},
	} {
		r := PodmanVersion(c.v)
		if r.Status != c.status {
			t.Errorf("PodmanVersion(%q) = %+v, want %s", c.v, r, c.status)
		}
		if r.Status == Fail && !strings.Contains(r.Fix, "4.3 or later") {
			t.Errorf("PodmanVersion(%q) fix = %q", c.v, r.Fix)
		}
	}
}

func TestCompareVersions(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"4.3.1", "4.3", 1}, {"4.3.0", "4.3", 0}, {"4.10", "4.9.9", 1}, {"3.4.4", "4.0", -1},
		{"5.0.0-rc1", "5.0.0", 0}, {"x", "4.0", -1}, {"4.0", "x", 1}, {"x", "y", 0},
	} {
		if got := CompareVersions(c.a, c.b); got != c.want {
			t.Errorf("CompareVersions(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}
