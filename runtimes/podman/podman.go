// Package podman runs sandboxed programs in fresh Podman containers through
// the Podman v5 Go bindings, over the API socket of a Podman service. It is the
// only package that imports the bindings.
//
// Every run gets its own container: no network, a read-only root, a small
// tmpfs at /tmp, all capabilities dropped, no-new-privileges, the default
// seccomp profile, an unprivileged user, no host environment, and limits on
// wall-clock time, memory, processes, open files and file size. The container
// is removed after the run, whatever happened in it. Containers are started
// ahead of their runs (see pool), but each serves one run only.
package podman

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/containers/podman/v5/libpod/define"
	"github.com/containers/podman/v5/pkg/bindings"
	"github.com/containers/podman/v5/pkg/bindings/containers"
	"github.com/containers/podman/v5/pkg/bindings/system"
	"github.com/containers/podman/v5/pkg/specgen"
	spec "github.com/opencontainers/runtime-spec/specs-go"
	"github.com/sirupsen/logrus"

	"github.com/judgehq/judge/runtimes"
)

// Labels put on every sandbox container.
const (
	LabelSandbox = "io.judge.sandbox"
	LabelOwner   = "io.judge.owner"
)

// SandboxUser is the runtime images' default user. A sandbox runs its code
// as a user of its own per run instead (see Sandbox.containerSpec).
const SandboxUser = "65534:65534"

// Options configure a Sandbox.
type Options struct {
	// URI is the Podman service's address: unix:///path, tcp://host:port or
	// ssh://user@host/path. Empty means the local default socket, and a
	// service of the sandbox's own if none answers there.
	URI string
	// Runtime is the OCI runtime to use ("runc", "crun"); empty picks one
	// that works on the host.
	Runtime string
	// Owner tags this daemon's containers, so that a restart removes what an
	// earlier run of the same daemon left behind, and nothing else.
	Owner string
	// Warm is how many containers are kept started, per image and limits,
	// for the runs to come; 0 starts each container when its run comes.
	Warm int
	// Started, if set, learns how long each container took to create and
	// start.
	Started func(time.Duration)
	Logger  *slog.Logger
}

// Sandbox runs programs in Podman containers.
type Sandbox struct {
	uri     string
	runtime string
	owner   string
	log     *slog.Logger
	info    HostInfo
	service *exec.Cmd // the Podman service started by us, if any
	// serviceExited is closed when our service exits; serviceBin and
	// serviceArgs start it again.
	serviceExited <-chan struct{}
	serviceBin    string
	serviceArgs   []string
	serviceMu     sync.Mutex
	mu            sync.Mutex
	pool          *pool
	started       atomic.Bool // whether a container was ever started
	onStart       func(time.Duration)
	// cgroupParent holds the containers, if the sandbox made one.
	cgroupParent string
}

// HostInfo is what the sandbox learned of the Podman host.
type HostInfo struct {
	URI           string
	Version       string
	Rootless      bool
	CgroupVersion string
	CgroupManager string
	// DefaultRuntime is the service's default OCI runtime.
	DefaultRuntime string
	// Runtime is the OCI runtime the sandbox uses.
	Runtime string
	// StorageDriver is the service's graph driver; vfs copies the whole
	// image for every container and makes each run take seconds.
	StorageDriver string
	// StartedService is set when the sandbox started its own service.
	StartedService bool
	// CgroupLimits is set when cgroups enforce memory and process limits;
	// otherwise rlimits bound them.
	CgroupLimits bool
	// CPUPriority says how the containers yield the CPU to the daemon,
	// such as "cpu.idle=1" on the sandbox's cgroup, or is empty.
	CPUPriority string
}

// New connects to the Podman service, starting one if needed, and learns what
// the host supports.
func New(ctx context.Context, o Options) (*Sandbox, error) {
	s := &Sandbox{owner: o.Owner, log: o.Logger, onStart: o.Started}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	uri := o.URI
	if uri == "" {
		uri = "unix://" + DefaultSocket()
	}
	connCtx, err := connect(ctx, uri)
	if err != nil && o.URI == "" {
		uri, err = s.startService(ctx, o.Runtime)
		if err == nil {
			connCtx, err = connect(ctx, uri)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("connect to podman at %s: %w", uri, err)
	}
	s.uri = uri
	info, err := system.Info(connCtx, nil)
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("podman info: %w", err)
	}
	s.info = HostInfo{
		URI:            uri,
		Version:        info.Version.Version,
		Rootless:       info.Host.Security.Rootless,
		CgroupVersion:  info.Host.CgroupsVersion,
		CgroupManager:  info.Host.CgroupManager,
		StorageDriver:  storageDriver(info),
		StartedService: s.service != nil,
	}
	if info.Host.OCIRuntime != nil {
		s.info.DefaultRuntime = info.Host.OCIRuntime.Name
	}
	s.runtime = o.Runtime
	if s.runtime == "" && s.info.CgroupVersion != "v2" && s.info.DefaultRuntime == "crun" {
		// crun fails on hybrid and v1 cgroup hosts; runc works there.
		s.runtime = "runc"
	}
	s.info.Runtime = s.runtime
	if s.info.Runtime == "" {
		s.info.Runtime = s.info.DefaultRuntime
	}
	// Rootless Podman on cgroup v1 cannot put limits on cgroups.
	s.info.CgroupLimits = !s.info.Rootless || s.info.CgroupVersion == "v2"
	// A local rootful service with the cgroupfs manager puts containers
	// where we say; make that a cgroup whose CPU is the daemon's first.
	if !s.info.Rootless && s.info.CgroupManager == "cgroupfs" && strings.HasPrefix(uri, "unix://") && os.Geteuid() == 0 {
		parent, setting, err := prepareIdleCgroup(s.info.CgroupVersion == "v2")
		if err != nil {
			s.log.Warn("the containers will share the CPU with the daemon", "err", err)
		} else {
			s.cgroupParent, s.info.CPUPriority = parent, setting+" on "+parent
		}
	}
	s.pool = newPool(s, o.Warm)
	return s, nil
}

// Info describes the Podman host.
func (s *Sandbox) Info() HostInfo { return s.info }

func init() {
	// The bindings log through logrus to stderr, such as "Failed to write
	// input to service" when a container ends before it read all its
	// stdin (a program that stops early: nothing wrong). Their errors that
	// matter come back from the calls, and are logged by the daemon.
	logrus.SetOutput(io.Discard)
}

// conns holds one bindings connection per endpoint, shared by every call.
// A connection is an HTTP client that dials the service as needed, and for
// ssh:// one SSH connection that every request opens a channel in: a new one
// per call would leave an SSH connection (an sshd process on the runner) and
// idle HTTP connections behind each time, since the bindings cannot close
// them.
var conns = struct {
	sync.Mutex
	m map[string]context.Context
}{m: map[string]context.Context{}}

// connect returns the endpoint's connection, opening one if there is none or
// if the SSH connection of the one there no longer answers.
func connect(ctx context.Context, uri string) (context.Context, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	conns.Lock()
	c, ok := conns.m[uri]
	conns.Unlock()
	if ok {
		if !strings.HasPrefix(uri, "ssh://") {
			return c, nil
		}
		err := ping(ctx, c)
		if err == nil {
			return c, nil
		}
		if strings.Contains(err.Error(), "ssh: rejected") {
			// The SSH connection works, the service behind it does
			// not: a new connection would not help, and would stay
			// open.
			return nil, err
		}
	}
	c, err := bindings.NewConnection(ctx, uri)
	if err != nil {
		return nil, err
	}
	// A Podman service closes idle connections after twice its --time (5 s
	// by default): let go of them before, rather than send a request on a
	// connection that the service is closing.
	if conn, err := bindings.GetClient(c); err == nil {
		if t, ok := conn.Client.Transport.(*http.Transport); ok {
			t.IdleConnTimeout = 4 * time.Second
		}
	}
	// The connection must outlive the timeout used to establish it.
	c = context.WithoutCancel(c)
	conns.Lock()
	conns.m[uri] = c
	conns.Unlock()
	return c, nil
}

// ownConnection returns a connection that shares c's dialer (for ssh://,
// its SSH connection) but has an HTTP client and transport of its own, for
// calls that change them: containers.Attach replaces the transport of the
// connection it is given, and would take requests made meanwhile by others
// sharing it for its own stream. release lets go of its idle connections.
func ownConnection(c context.Context) (own context.Context, release func(), err error) {
	shared, err := bindings.GetClient(c)
	if err != nil {
		return nil, nil, err
	}
	t, ok := shared.Client.Transport.(*http.Transport)
	if !ok {
		return nil, nil, fmt.Errorf("podman connection with a %T transport", shared.Client.Transport)
	}
	conn := &bindings.Connection{URI: shared.URI, Client: &http.Client{Transport: t.Clone()}}
	return withConnection{c, conn}, conn.Client.CloseIdleConnections, nil
}

// withConnection is a bindings connection's context with another connection
// in place of the one it carries (the bindings keep theirs under a key of
// their own, so it is found by its type).
type withConnection struct {
	context.Context
	conn *bindings.Connection
}

func (w withConnection) Value(key any) any {
	v := w.Context.Value(key)
	if _, ok := v.(*bindings.Connection); ok {
		return w.conn
	}
	return v
}

// ping asks the service of connection c whether it answers.
func ping(ctx context.Context, c context.Context) error {
	conn, err := bindings.GetClient(c)
	if err != nil {
		return err
	}
	resp, err := conn.DoRequest(ctx, nil, http.MethodGet, "/_ping", nil, nil)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if !resp.IsSuccess() {
		return fmt.Errorf("ping: %s", resp.Status)
	}
	return nil
}

// DefaultSocket returns the local Podman API socket of the current user.
func DefaultSocket() string {
	if os.Geteuid() == 0 {
		return "/run/podman/podman.sock"
	}
	return filepath.Join(runtimeDir(), "podman", "podman.sock")
}

func runtimeDir() string {
	if d := os.Getenv("XDG_RUNTIME_DIR"); d != "" {
		return d
	}
	if os.Geteuid() == 0 {
		return "/run"
	}
	return filepath.Join(os.TempDir(), "judge-run-"+strconv.Itoa(os.Geteuid()))
}

// serviceDir is where the sockets of the Podman services that judge starts
// go: in the user's runtime directory, or for root without one in
// /run/judge-podman, a directory of its own that no service's
// RuntimeDirectory= (removed when the service stops) takes.
func serviceDir() string {
	if d := runtimeDir(); d != "/run" {
		return filepath.Join(d, "judge")
	}
	return "/run/judge-podman"
}

// ServiceNice is the nice value of the Podman service the sandbox starts.
const ServiceNice = 5

// startService starts `podman system service` on a socket of our own, tied to
// this process's life.
func (s *Sandbox) startService(ctx context.Context, runtime string) (string, error) {
	bin, err := exec.LookPath("podman")
	if err != nil {
		return "", errors.New("podman is not installed and no Podman service answers; install podman (apt-get install podman runc)")
	}
	dir := serviceDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	sock := filepath.Join(dir, fmt.Sprintf("podman-%d.sock", os.Getpid()))
	args := []string{}
	if runtime == "" && !cgroup2Host() {
		if _, err := exec.LookPath("runc"); err == nil {
			runtime = "runc"
		}
	}
	if runtime != "" {
		args = append(args, "--runtime", runtime)
	}
	args = append(args, "system", "service", "--time=0", "unix://"+sock)
	// The service, and what it starts (conmon, runc, the cleanup of
	// every container), yield the CPU to the daemon, so that the API
	// keeps answering while the host judges.
	if nice, err := exec.LookPath("nice"); err == nil {
		args = append([]string{"-n", strconv.Itoa(ServiceNice), bin}, args...)
		bin = nice
	}
	s.serviceBin, s.serviceArgs = bin, args
	if err := s.launchService(sock); err != nil {
		s.service, s.serviceExited = nil, nil
		return "", err
	}
	s.log.Info("started podman service", "socket", sock, "runtime", runtime)
	return "unix://" + sock, nil
}

// launchService starts the service command and waits until it opens sock.
// A service that then exits closes s.serviceExited.
func (s *Sandbox) launchService(sock string) error {
	cmd := exec.Command(s.serviceBin, s.serviceArgs...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Setpgid:   true,            // a terminal's Ctrl-C is ours to handle, not the service's
		Pdeathsig: syscall.SIGTERM, // and it ends when we do
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start podman service: %w", err)
	}
	exited := make(chan struct{})
	var waitErr error
	go func() { waitErr = cmd.Wait(); close(exited) }()
	s.service, s.serviceExited = cmd, exited
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			return fmt.Errorf("podman service exited: %v: %s", waitErr, bytes.TrimSpace(stderr.Bytes()))
		case <-time.After(50 * time.Millisecond):
		}
		if _, err := os.Stat(sock); err == nil {
			return nil
		}
	}
	cmd.Process.Kill()
	return errors.New("podman service did not open its socket within 15s")
}

// ensureService starts our Podman service again, on the same socket, if it
// died (killed, or crashed): the runs after it must not all fail.
func (s *Sandbox) ensureService() error {
	if s.serviceExited == nil {
		return nil // not ours
	}
	select {
	case <-s.serviceExited:
	default:
		return nil
	}
	s.serviceMu.Lock()
	defer s.serviceMu.Unlock()
	select {
	case <-s.serviceExited:
	default:
		return nil // another run restarted it
	}
	sock := strings.TrimPrefix(s.uri, "unix://")
	os.Remove(sock)
	s.log.Warn("the podman service exited; starting it again", "socket", sock)
	if err := s.launchService(sock); err != nil {
		return fmt.Errorf("restart: %w", err)
	}
	return nil
}

func cgroup2Host() bool {
	var st syscall.Statfs_t
	if err := syscall.Statfs("/sys/fs/cgroup", &st); err != nil {
		return false
	}
	return st.Type == 0x63677270 // CGROUP2_SUPER_MAGIC
}

// Close removes the sandbox's containers and stops the Podman service if the
// sandbox started it. Runs must have ended.
func (s *Sandbox) Close() error {
	if s.pool != nil {
		s.pool.close()
	}
	if s.started.Load() && s.owner != "" {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		s.Cleanup(ctx)
		cancel()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.service != nil && s.service.Process != nil {
		s.service.Process.Signal(syscall.SIGTERM)
		if u, err := url.Parse(s.uri); err == nil {
			defer os.Remove(u.Path)
		}
		s.service = nil
	}
	return nil
}

// Cleanup removes every container this sandbox's owner left behind, for
// example when the daemon was killed during a run. It returns how many.
func (s *Sandbox) Cleanup(ctx context.Context) (int, error) {
	conn, err := connect(ctx, s.uri)
	if err != nil {
		return 0, err
	}
	list, err := containers.List(conn, new(containers.ListOptions).WithAll(true).
		WithFilters(map[string][]string{"label": {LabelOwner + "=" + s.owner}}))
	if err != nil {
		return 0, fmt.Errorf("list containers: %w", err)
	}
	for _, c := range list {
		s.remove(conn, c.ID)
	}
	return len(list), nil
}

func (s *Sandbox) remove(conn context.Context, id string) {
	ctx, cancel := context.WithTimeout(conn, 30*time.Second)
	defer cancel()
	_, err := containers.Remove(ctx, id, new(containers.RemoveOptions).
		WithForce(true).WithVolumes(true).WithTimeout(0).WithIgnore(true))
	if err != nil {
		s.log.Warn("remove container", "id", id, "err", err)
	}
}

func ptr[T any](v T) *T { return &v }

// Sandbox users are taken in turn from [firstUID, firstUID+numUIDs): within
// the 65536 ids a rootless user namespace maps, and far apart enough in time
// that a uid comes back only long after its container is gone.
const (
	firstUID = 20000
	numUIDs  = 40000
)

// initNproc is judge-init's process limit: high enough for everything its
// user runs (for rootless Podman the daemon's user, with the daemon and the
// Podman service), and within what runc may set (above 32768 it fails here).
func initNproc() uint64 {
	var r syscall.Rlimit
	if err := syscall.Getrlimit(6 /* RLIMIT_NPROC */, &r); err == nil && r.Max < 16384 {
		return r.Max
	}
	return 16384
}

// uids hands out the sandbox users, to every sandbox of this process (there
// is one per runner, and runners can share a host). Daemons on one host
// start at different users.
var uids = func() *atomic.Uint64 {
	var u atomic.Uint64
	u.Store(rand.Uint64N(numUIDs))
	return &u
}()

// nextUID returns the user for the next run.
func nextUID() int {
	return firstUID + int(uids.Add(1)%numUIDs)
}

// initArgs are judge-init's arguments for req. judge-init is PID 1: it bounds
// the memory and files of the whole container where cgroups cannot, reaps and
// kills what the command leaves behind, and reports what the run used.
func initArgs(req runtimes.RunRequest) []string {
	l := req.Limits
	return append([]string{
		"-marker", req.Marker,
		"-uid", strconv.Itoa(nextUID()),
		"-nproc", strconv.Itoa(l.Pids),
		"-memory-kb", strconv.Itoa(l.MemoryMB << 10),
		"-files", strconv.Itoa(l.TmpFiles),
		"--"}, req.Cmd...)
}

// containerSpec builds the locked-down container for runs like req. The
// container starts judge-init waiting for the run's arguments, which come
// over standard input (see Run), so that it can be started before its run.
func (s *Sandbox) containerSpec(req runtimes.RunRequest) *specgen.SpecGenerator {
	l := req.Limits
	g := specgen.NewSpecGenerator(req.Image, false)
	g.Command = []string{InitPath, "-wait", "-idle", initIdle.String()}
	g.Entrypoint = []string{}
	g.Stdin = ptr(true)
	g.Terminal = ptr(false)
	g.Hostname = "sandbox"
	g.NetNS = specgen.Namespace{NSMode: specgen.NoNetwork}
	// A private IPC namespace without /dev/shm: a writable tmpfs there
	// would be memory outside every bound, and /dev stays read-only.
	g.IpcNS = specgen.Namespace{NSMode: specgen.None}
	g.ReadOnlyFilesystem = ptr(true)
	g.ReadWriteTmpfs = ptr(false)
	// judge-init starts as the container's root with the capabilities it
	// needs to drop to the run's user and to kill everything at the end;
	// the submission runs as that user with no capabilities at all. A user
	// of its own per run: RLIMIT_NPROC counts the processes of a user, so
	// with one user for all runs a fork bomb in one submission would
	// starve the others of processes.
	g.CapDrop = []string{"all"}
	g.CapAdd = []string{"CAP_SETUID", "CAP_SETGID", "CAP_SETPCAP", "CAP_KILL"}
	g.NoNewPrivileges = ptr(true)
	g.User = "0:0"
	g.EnvHost = ptr(false)
	g.HTTPProxy = ptr(false)
	g.Env = maps.Clone(runtimes.Env)
	g.WorkDir = "/tmp"
	g.UseImageHosts = ptr(true)
	g.UseImageResolvConf = ptr(true)
	g.Systemd = "false"
	g.OCIRuntime = s.runtime
	g.Mounts = []spec.Mount{{
		Destination: "/tmp",
		Type:        "tmpfs",
		Source:      "tmpfs",
		Options: []string{"rw", "nosuid", "nodev", "mode=1777",
			fmt.Sprintf("size=%dm", l.TmpfsMB)},
	}}
	g.Labels = map[string]string{LabelSandbox: "1", LabelOwner: s.owner}
	g.CgroupParent = s.cgroupParent
	for k, v := range req.Labels {
		g.Labels[k] = v
	}
	// The cgroup bound, where there is one, is a backstop above
	// judge-init's, which reports which limit struck.
	mem := int64(l.MemoryMB+l.MemoryMB/8) << 20
	if s.info.CgroupLimits {
		// Above the run user's RLIMIT_NPROC: judge-init's threads count
		// in the cgroup too, and must not be the ones that fail.
		pids := int64(l.Pids + 64)
		g.ResourceLimits = &spec.LinuxResources{
			Memory: &spec.LinuxMemory{Limit: &mem, Swap: &mem},
			Pids:   &spec.LinuxPids{Limit: pids},
		}
	}
	rl := func(typ string, v uint64) spec.POSIXRlimit { return spec.POSIXRlimit{Type: typ, Hard: v, Soft: v} }
	// Memory without cgroups is bounded by the run script's rlimit (see
	// runtimes.Runtime.Script).
	g.Rlimits = []spec.POSIXRlimit{
		rl("nofile", uint64(l.NoFile)),
		rl("fsize", uint64(l.FileSizeMB)<<20),
		rl("core", 0),
		// judge-init's own limit: its user (the host's user for rootless
		// Podman) has the daemon's processes too. The run's user gets
		// l.Pids from judge-init.
		rl("nproc", initNproc()),
	}
	return g
}

// startContainer creates and starts a container for runs like req.
func (s *Sandbox) startContainer(conn context.Context, req runtimes.RunRequest) (string, error) {
	s.started.Store(true)
	begin := time.Now()
	created, err := containers.CreateWithSpec(conn, s.containerSpec(req), nil)
	if err != nil {
		return "", fmt.Errorf("create container: %w", err)
	}
	if err := containers.Start(conn, created.ID, nil); err != nil {
		s.remove(conn, created.ID)
		return "", fmt.Errorf("start container: %w", err)
	}
	if s.onStart != nil {
		s.onStart(time.Since(begin))
	}
	return created.ID, nil
}

// Run implements the judge's Sandbox: it runs req in a fresh container, one
// started ahead of time if there is one, and removes the container
// afterwards.
func (s *Sandbox) Run(ctx context.Context, req runtimes.RunRequest) (*runtimes.RunResult, error) {
	if req.Marker == "" {
		return nil, errors.New("run request without a record marker")
	}
	if err := s.ensureService(); err != nil {
		return nil, err
	}
	// Attach replaces the connection's transport, so every run gets a
	// connection of its own (sharing the endpoint's dialer). It is not tied
	// to ctx: cancelling ctx kills the container, and the cleanup must still
	// go through.
	shared, err := connect(ctx, s.uri)
	if err != nil {
		return nil, fmt.Errorf("connect to podman: %w", err)
	}
	conn, release, err := ownConnection(shared)
	if err != nil {
		return nil, err
	}
	defer release()
	start := time.Now()
	id, warm, err := s.pool.take(conn, req)
	if err != nil {
		return nil, err
	}
	defer func() {
		if id != "" {
			s.pool.release(id)
		}
	}()

	var stderr bytes.Buffer
	overflow := make(chan struct{})
	var once sync.Once
	full := func() { once.Do(func() { close(overflow) }) }
	// The last bytes of the output hold judge-init's usage record, with
	// the command's exit status.
	tail := &tailWriter{n: 512}
	outw := &runtimes.LimitWriter{W: io.MultiWriter(req.Stdout, tail), N: req.Limits.StdoutBytes, Full: full}
	errw := &runtimes.LimitWriter{W: &stderr, N: req.Limits.StderrBytes, Full: full}
	// The container's judge-init waits for its arguments; the command
	// reads what follows them.
	request := initRequest(initArgs(req))
	ready := make(chan bool, 1)
	attached := make(chan error, 1)
	for attaching := true; attaching; {
		stdin := io.MultiReader(bytes.NewReader(request), bytes.NewReader(req.Stdin))
		go func() {
			attached <- containers.Attach(conn, id, stdin, outw, errw, ready, nil)
		}()
		select {
		case <-ready:
			attaching = false
		case err := <-attached:
			if !warm {
				return nil, fmt.Errorf("attach: %w", err)
			}
			// A container started ahead that is gone (the host's
			// doing): the run takes a fresh one instead.
			s.log.Warn("container started ahead is gone; starting another", "id", id, "err", err)
			s.pool.release(id)
			warm = false
			if id, err = s.startContainer(conn, req); err != nil {
				id = ""
				return nil, err
			}
		}
	}
	attachedAt := time.Now()
	res := &runtimes.RunResult{}
	wall := time.NewTimer(req.Limits.Wall)
	defer wall.Stop()
	select {
	case err = <-attached:
	case <-ctx.Done():
		res.Killed = true
	case <-wall.C:
		res.Killed, res.WallExceeded = true, true
	case <-overflow:
		// Nothing more of this run can be kept: stop it now rather than
		// let it write until the wall-clock limit.
		res.Killed = true
	}
	if res.Killed {
		kctx, cancel := context.WithTimeout(conn, 10*time.Second)
		if err := containers.Kill(kctx, id, new(containers.KillOptions).WithSignal("KILL")); err != nil {
			s.log.Debug("kill container", "id", id, "err", err)
		}
		cancel()
		select {
		case err = <-attached:
		case <-time.After(10 * time.Second):
			err = errors.New("output stream did not close after kill")
		}
	}
	if err != nil && !res.Killed {
		return nil, fmt.Errorf("attach: %w", err)
	}
	res.Stderr = stderr.Bytes()
	res.StdoutTruncated = outw.Truncated
	res.StderrTruncated = errw.Truncated
	// When judge-init reported, the container is done, and asking Podman
	// would only add its state polling to the run.
	status, reported := usageStatus(tail.Bytes(), req.Marker)
	if !reported || res.Killed {
		wctx, cancel := context.WithTimeout(conn, 30*time.Second)
		defer cancel()
		code, err := containers.Wait(wctx, id, new(containers.WaitOptions).WithInterval("10ms"))
		if err != nil {
			return nil, fmt.Errorf("wait for container: %w", err)
		}
		status = int(code)
		if code == 137 && !res.Killed {
			if data, err := containers.Inspect(wctx, id, nil); err == nil && data.State != nil {
				res.OOMKilled = data.State.OOMKilled
			}
		}
	}
	res.ExitCode = status
	res.Duration = time.Since(start)
	s.log.Debug("run", "container", id[:12], "warm", warm, "attach", attachedAt.Sub(start), "total", res.Duration, "waited", !reported || res.Killed)
	return res, nil
}

// usageStatus finds judge-init's usage record at the end of out and returns
// the command's exit status from it. judge-init writes it after every other
// process of the container is gone, so nothing can follow it.
func usageStatus(out []byte, marker string) (int, bool) {
	out = bytes.TrimSuffix(out, []byte("\n"))
	i := bytes.LastIndex(out, []byte("\n"+marker))
	if i < 0 {
		return 0, false
	}
	var rec struct {
		Kind   string `json:"k"`
		Status *int   `json:"status"`
	}
	if json.Unmarshal(out[i+1+len(marker):], &rec) != nil || rec.Kind != "usage" || rec.Status == nil {
		return 0, false
	}
	status := *rec.Status
	if status < 0 || status > 255 {
		status = 255
	}
	return status, true
}

// tailWriter keeps the last n bytes written to it.
type tailWriter struct {
	n   int
	buf []byte
}

func (t *tailWriter) Write(p []byte) (int, error) {
	if len(p) >= t.n {
		t.buf = append(t.buf[:0], p[len(p)-t.n:]...)
		return len(p), nil
	}
	if over := len(t.buf) + len(p) - t.n; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	t.buf = append(t.buf, p...)
	return len(p), nil
}

func (t *tailWriter) Bytes() []byte { return t.buf }

func storageDriver(info *define.Info) string {
	if info.Store == nil {
		return ""
	}
	return info.Store.GraphDriverName
}
