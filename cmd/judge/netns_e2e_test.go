//go:build e2e

package main_test

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A runner host, in these tests, is a network namespace of this machine: its
// own address on a veth link to the root namespace, where the daemon runs,
// its own Podman service with image storage of its own and, for ssh://, its
// own sshd. The daemon reaches it over the network only, as it would reach
// another machine.

// netnsPrefix names the network namespaces of these tests; the test
// process's pid follows, so that a later run can remove what a killed one
// left behind.
const netnsPrefix = "judge-e2e-"

// runnerHost is one runner host.
type runnerHost struct {
	t *testing.T
	// user runs the host's Podman service (rootless) and logs in over SSH;
	// nil for root.
	user *daemonUser
	name string // the network namespace
	addr string // the host's address; peer is the root namespace's end
	peer string
	dir  string // storage, sockets and sshd files
	// podman is the host's Podman service, listening on podmanURI.
	podman    *exec.Cmd
	podmanURI string
	podmanLog *bytes.Buffer
}

// requireRunnerHostTools fails the test when a tool the runner hosts need is
// missing: scripts/setup.sh installs them.
func requireRunnerHostTools(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Fatal("runner hosts are network namespaces: run the test as root (JUDGE_E2E_USER runs the daemon and the runners as that user)")
	}
	for _, tool := range []string{"ip", "nsenter", "podman", "ssh-keygen", sshdPath()} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed: run scripts/setup.sh (iproute2, openssh-server)", tool)
		}
	}
}

func sshdPath() string {
	if p, err := exec.LookPath("sshd"); err == nil {
		return p
	}
	return "/usr/sbin/sshd" // sbin is not on every PATH
}

// ipCmd runs ip(8) and fails the test on an error.
func ipCmd(t *testing.T, args ...string) {
	t.Helper()
	if out, err := exec.Command("ip", args...).CombinedOutput(); err != nil {
		t.Fatalf("ip %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// sweepRunnerHosts removes the network namespaces, and the directories, that
// runs of these tests killed before their cleanup left behind.
func sweepRunnerHosts(t *testing.T) {
	out, _ := exec.Command("ip", "netns", "list").Output()
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || !strings.HasPrefix(f[0], netnsPrefix) {
			continue
		}
		pid, _, _ := strings.Cut(strings.TrimPrefix(f[0], netnsPrefix), "-")
		if _, err := os.Stat("/proc/" + pid); err == nil {
			continue // a test running now
		}
		t.Logf("removing network namespace %s, left by an earlier run", f[0])
		deleteNetns(t, f[0])
	}
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "judge-runner-*"))
	for _, d := range dirs {
		pid, _, _ := strings.Cut(strings.TrimPrefix(filepath.Base(d), "judge-runner-"), "-")
		if _, err := os.Stat("/proc/" + pid); err != nil {
			killLeftovers(t, d)
			os.RemoveAll(d)
		}
	}
}

// killLeftovers kills what a Podman service killed in the middle of its work
// leaves of a runner host's storage in dir, which no Podman knows of any
// more: conmon processes, and containers whose root file system is there,
// such as one whose `runc init` waits for a start that never comes. Their
// cgroups and mounts go too.
func killLeftovers(t *testing.T, dir string) {
	var pids []int
	var cgroups []string
	procs, _ := os.ReadDir("/proc")
	for _, p := range procs {
		pid, err := strconv.Atoi(p.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		cmdline, _ := os.ReadFile("/proc/" + p.Name() + "/cmdline")
		mountinfo, _ := os.ReadFile("/proc/" + p.Name() + "/mountinfo")
		left := bytes.Contains(cmdline, []byte(dir))
		for _, line := range strings.Split(string(mountinfo), "\n") {
			if f := strings.Fields(line); len(f) > 4 && f[4] == "/" && strings.Contains(line, dir) {
				left = true
			}
		}
		if !left {
			continue
		}
		comm, _ := os.ReadFile("/proc/" + p.Name() + "/comm")
		t.Logf("killing %d (%s), left on %s", pid, bytes.TrimSpace(comm), dir)
		cg, _ := os.ReadFile("/proc/" + p.Name() + "/cgroup")
		for _, line := range strings.Split(string(cg), "\n") {
			// cgroup v1 "4:pids:/libpod_parent/libpod-ID", v2 "0::/..."
			f := strings.SplitN(line, ":", 3)
			if len(f) == 3 && strings.Contains(filepath.Base(f[2]), "libpod-") {
				ctrl := strings.TrimPrefix(strings.Split(f[1], ",")[0], "name=")
				cgroups = append(cgroups, filepath.Join("/sys/fs/cgroup", ctrl, f[2]))
			}
		}
		syscall.Kill(pid, syscall.SIGKILL)
		pids = append(pids, pid)
	}
	for deadline := time.Now().Add(5 * time.Second); len(pids) > 0 && time.Now().Before(deadline); {
		if _, err := os.Stat("/proc/" + strconv.Itoa(pids[0])); err != nil {
			pids = pids[1:]
			continue
		}
		time.Sleep(20 * time.Millisecond)
	}
	for _, cg := range cgroups {
		os.Remove(cg)
	}
	// A killed rootful service leaves its storage mounted: the overlay
	// driver's home and the containers' root file systems. Deepest first.
	mountinfo, _ := os.ReadFile("/proc/self/mountinfo")
	var mounts []string
	for _, line := range strings.Split(string(mountinfo), "\n") {
		if f := strings.Fields(line); len(f) > 4 && strings.HasPrefix(f[4]+"/", dir+"/") {
			mounts = append(mounts, f[4])
		}
	}
	sort.Slice(mounts, func(i, j int) bool { return len(mounts[i]) > len(mounts[j]) })
	for _, m := range mounts {
		if err := syscall.Unmount(m, syscall.MNT_DETACH); err != nil {
			t.Logf("unmount %s: %v", m, err)
		}
	}
}

// deleteNetns kills what still runs in the namespace and deletes it, with
// its end of the link; the root namespace's end goes with it. What runs there
// is the test's: sshd's sessions, and for rootless Podman the host's pause
// process, which holds its user namespace (Podman keeps it in --tmpdir, so
// each host has its own, apart from the user's other Podman).
func deleteNetns(t *testing.T, name string) {
	out, _ := exec.Command("ip", "netns", "pids", name).Output()
	for _, f := range strings.Fields(string(out)) {
		if pid, err := strconv.Atoi(f); err == nil {
			syscall.Kill(pid, syscall.SIGKILL)
		}
	}
	if out, err := exec.Command("ip", "netns", "del", name).CombinedOutput(); err != nil {
		t.Logf("ip netns del %s: %v: %s", name, err, out)
	}
}

// newRunnerHost makes runner host i of this test: the network namespace, a
// veth pair with a /30 between it and the root namespace, and a directory for
// its state. The test's cleanup removes all of it.
func newRunnerHost(t *testing.T, u *daemonUser, i int) *runnerHost {
	t.Helper()
	pid := os.Getpid()
	h := &runnerHost{t: t, user: u, name: fmt.Sprintf("%s%d-%d", netnsPrefix, pid, i)}
	// A /30 per host in 10.200.0.0-10.249.255.255, by pid, so that test
	// processes side by side use different addresses.
	prefix := fmt.Sprintf("10.%d.%d.", 200+(pid>>8)%50, pid&255)
	h.peer, h.addr = prefix+strconv.Itoa(4*i+1), prefix+strconv.Itoa(4*i+2)
	end := fmt.Sprintf("jr%dh%d", pid, i) // the root namespace's end, at most 15 bytes

	ipCmd(t, "netns", "add", h.name)
	t.Cleanup(func() { deleteNetns(t, h.name) })
	ipCmd(t, "link", "add", end, "type", "veth", "peer", "name", "eth0", "netns", h.name)
	ipCmd(t, "addr", "add", h.peer+"/30", "dev", end)
	ipCmd(t, "link", "set", end, "up")
	ipCmd(t, "-n", h.name, "addr", "add", h.addr+"/30", "dev", "eth0")
	ipCmd(t, "-n", h.name, "link", "set", "eth0", "up")
	ipCmd(t, "-n", h.name, "link", "set", "lo", "up")

	dir, err := os.MkdirTemp("", fmt.Sprintf("judge-runner-%d-", pid))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := os.RemoveAll(dir); err != nil {
			t.Logf("remove %s: %v", dir, err)
		}
	})
	os.Chmod(dir, 0o755)
	if u != nil {
		os.Chown(dir, int(u.uid), int(u.gid))
	}
	h.dir = dir
	return h
}

// userName is who runs Podman on the host and logs in to it.
func (h *runnerHost) userName() string {
	if h.user == nil {
		return "root"
	}
	return h.user.name
}

// command runs name in the host's network namespace, as its user.
func (h *runnerHost) command(name string, args ...string) *exec.Cmd {
	ns := []string{"--net=/run/netns/" + h.name}
	if h.user != nil {
		ns = append(ns, "--setuid", strconv.Itoa(int(h.user.uid)), "--setgid", strconv.Itoa(int(h.user.gid)))
	}
	cmd := exec.Command("nsenter", append(append(ns, "--", name), args...)...)
	cmd.Dir = "/"
	if h.user != nil {
		cmd.Env = h.user.command("true").Env
	}
	return cmd
}

// podmanArgs are the global flags that give Podman on the host its own
// storage: on another machine it would have its own anyway.
func (h *runnerHost) podmanArgs(args ...string) []string {
	return append([]string{
		"--root", filepath.Join(h.dir, "storage"),
		"--runroot", filepath.Join(h.dir, "run"),
		"--tmpdir", filepath.Join(h.dir, "tmp"),
	}, args...)
}

// startPodman starts the host's Podman service on uri: a unix socket on the
// host, or tcp:// on its address. The cleanup stops it and removes the
// containers left in the host's storage.
func (h *runnerHost) startPodman(uri string) {
	t := h.t
	t.Helper()
	if h.podman == nil {
		t.Cleanup(func() {
			h.stopPodman()
			rm := h.command("podman", h.podmanArgs("rm", "--all", "--force", "--time", "0")...)
			if out, err := rm.CombinedOutput(); err != nil {
				t.Logf("remove containers on %s: %v\n%s", h.name, err, out)
			}
			killLeftovers(t, h.dir)
		})
	}
	if sock, ok := strings.CutPrefix(uri, "unix://"); ok {
		os.Remove(sock)
	}
	h.podmanURI, h.podmanLog = uri, &bytes.Buffer{}
	h.podman = h.command("podman", h.podmanArgs("system", "service", "--time=0", uri)...)
	h.podman.Stdout, h.podman.Stderr = h.podmanLog, h.podmanLog
	// A process group of its own: a rootless Podman runs as two processes
	// (the second in the user namespace), and killing the service kills both.
	h.podman.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := h.podman.Start(); err != nil {
		t.Fatalf("start podman on %s: %v", h.name, err)
	}
	network, addr := "unix", strings.TrimPrefix(uri, "unix://")
	if a, ok := strings.CutPrefix(uri, "tcp://"); ok {
		network, addr = "tcp", a
	}
	for deadline := time.Now().Add(30 * time.Second); ; {
		if c, err := net.DialTimeout(network, addr, time.Second); err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("podman service on %s (%s) does not answer:\n%s", h.name, uri, h.podmanLog)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// killPodman kills the host's Podman service at once, as a crash would; the
// containers it started keep running.
func (h *runnerHost) killPodman() {
	if h.podman != nil && h.podman.ProcessState == nil {
		syscall.Kill(-h.podman.Process.Pid, syscall.SIGKILL)
		h.podman.Wait()
	}
}

// stopPodman stops the host's Podman service.
func (h *runnerHost) stopPodman() {
	if h.podman == nil || h.podman.ProcessState != nil {
		return
	}
	syscall.Kill(-h.podman.Process.Pid, syscall.SIGTERM)
	done := make(chan struct{})
	go func() { h.podman.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(15 * time.Second):
		h.killPodman()
		<-done
	}
}

// attaches counts the runs the host's Podman has served: each run attaches
// to its container once (the events log is in the host's --tmpdir).
func (h *runnerHost) attaches() int {
	b, _ := os.ReadFile(filepath.Join(h.dir, "tmp", "events", "events.log"))
	return bytes.Count(b, []byte(`"Status":"attach"`))
}

// containers lists the judge's containers in the host's storage.
func (h *runnerHost) containers() string {
	h.t.Helper()
	out, err := h.command("podman", h.podmanArgs("ps", "--all", "--quiet", "--filter", "label=io.judge.sandbox")...).CombinedOutput()
	if err != nil {
		h.t.Fatalf("podman ps on %s: %v\n%s", h.name, err, out)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// setLink brings the host's end of its link down (the host is gone from the
// network: packets to it are lost) or up again.
func (h *runnerHost) setLink(up bool) {
	state := "down"
	if up {
		state = "up"
	}
	ipCmd(h.t, "-n", h.name, "link", "set", "eth0", state)
}

// sshClient is the daemon user's side of SSH: a key, and the runner hosts'
// keys in a known_hosts file, under a home of the test's own (the Podman
// bindings read ~/.ssh/known_hosts from $HOME).
type sshClient struct {
	home string
	key  string // the private key; the public one is key + ".pub"
}

func newSSHClient(t *testing.T, u *daemonUser) *sshClient {
	t.Helper()
	home, err := os.MkdirTemp("", fmt.Sprintf("judge-runner-%d-", os.Getpid()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(home) })
	os.Chmod(home, 0o755)
	c := &sshClient{home: home, key: filepath.Join(home, ".ssh", "id_ed25519")}
	os.Mkdir(filepath.Dir(c.key), 0o700)
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "judge-daemon", "-f", c.key).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v\n%s", err, out)
	}
	os.WriteFile(filepath.Join(home, ".ssh", "known_hosts"), nil, 0o600)
	if u != nil {
		filepath.Walk(home, func(p string, _ os.FileInfo, _ error) error { return os.Chown(p, int(u.uid), int(u.gid)) })
	}
	return c
}

// env is what the daemon and the CLI get so that the Podman bindings log in
// with the client's key and check hosts against its known_hosts.
func (c *sshClient) env() []string {
	return []string{"HOME=" + c.home, "CONTAINER_SSHKEY=" + c.key}
}

// trust adds a host key line to the client's known_hosts.
func (c *sshClient) trust(t *testing.T, line string) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(c.home, ".ssh", "known_hosts"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fmt.Fprintln(f, line)
}

// startSSHD starts an sshd on port 22 of the host's address that lets the
// host's user in with the client's key only, and returns the known_hosts line
// of its host key. Its config is what an operator's sshd_config needs, plus
// what a test's own sshd does: its own key files, and no strict modes, since
// they live in a temporary directory.
func (h *runnerHost) startSSHD(c *sshClient) string {
	t := h.t
	t.Helper()
	// The user's side of sshd reads authorized_keys; the host key is
	// root's only.
	dir := filepath.Join(h.dir, "sshd")
	os.Mkdir(dir, 0o755)
	hostKey := filepath.Join(dir, "host_ed25519")
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v\n%s", err, out)
	}
	pub, err := os.ReadFile(c.key + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "authorized_keys"), pub, 0o644)
	config := filepath.Join(dir, "sshd_config")
	os.WriteFile(config, []byte(fmt.Sprintf(`ListenAddress %s:22
HostKey %s
AuthorizedKeysFile %s
AllowUsers %s
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
AllowStreamLocalForwarding yes
UsePAM yes
StrictModes no
PidFile none
`, h.addr, hostKey, filepath.Join(dir, "authorized_keys"), h.userName())), 0o644)
	// sshd's privilege separation directory, as the openssh-server
	// package's service makes it.
	os.MkdirAll("/run/sshd", 0o755)

	var log bytes.Buffer
	cmd := exec.Command("nsenter", "--net=/run/netns/"+h.name, "--", sshdPath(), "-D", "-e", "-f", config)
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatalf("start sshd on %s: %v", h.name, err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
		if t.Failed() {
			t.Logf("sshd on %s:\n%s", h.name, &log)
		}
	})
	for deadline := time.Now().Add(20 * time.Second); ; {
		if c, err := net.DialTimeout("tcp", h.addr+":22", time.Second); err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("sshd on %s does not answer:\n%s", h.name, &log)
		}
		time.Sleep(50 * time.Millisecond)
	}
	key, err := os.ReadFile(hostKey + ".pub")
	if err != nil {
		t.Fatal(err)
	}
	f := strings.Fields(string(key))
	return h.addr + " " + f[0] + " " + f[1]
}

// sshSessions counts the SSH connections the host's sshd is serving.
func (h *runnerHost) sshSessions() int {
	out, _ := exec.Command("ip", "netns", "pids", h.name).Output()
	n := 0
	for _, f := range strings.Fields(string(out)) {
		cmdline, _ := os.ReadFile("/proc/" + f + "/cmdline")
		if bytes.HasPrefix(cmdline, []byte("sshd: "+h.userName())) && !bytes.Contains(cmdline, []byte("[")) {
			n++
		}
	}
	return n
}

// startRunnersDaemon starts `judge serve` from bin as u with args and env
// added, as startDaemon does, but leaves the images in u's own Podman
// storage alone: its runners have storage of their own. Its directory is
// swept like the runner hosts' if the test is killed.
func startRunnersDaemon(t *testing.T, u *daemonUser, bin string, args, env []string) *e2eEnv {
	t.Helper()
	dir, err := os.MkdirTemp("", fmt.Sprintf("judge-runner-%d-", os.Getpid()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	os.Chmod(dir, 0o755)
	data := filepath.Join(dir, "data")
	os.Mkdir(data, 0o750)
	if u != nil {
		os.Chown(data, int(u.uid), int(u.gid))
	}
	port := freePort(t)
	e := &e2eEnv{t: t, bin: bin, user: u, data: data, server: fmt.Sprintf("http://127.0.0.1:%d", port), log: &bytes.Buffer{}}
	e.args = append([]string{"serve", "--listen", fmt.Sprintf("127.0.0.1:%d", port), "--data", data}, args...)
	e.env = env
	e.start()
	t.Cleanup(func() {
		if e.daemon.ProcessState == nil {
			e.daemon.Process.Signal(syscall.SIGTERM)
			e.daemon.Wait()
		}
		if t.Failed() {
			t.Logf("daemon log:\n%s", e.log)
		}
	})
	return e
}
