//go:build linux

// Command judge-init is the first process of every sandbox container. It runs
// the submission's command as its child and, for the whole container:
//
//   - bounds memory: it sums the resident memory of every process in the
//     container's PID namespace every few milliseconds and kills them all when
//     the sum passes the limit. Rlimits bound one process at a time and
//     cgroups are not available to rootless Podman on cgroup v1, so this is
//     what keeps a submission that forks to multiply its memory within its
//     budget;
//   - bounds the files in /tmp the same way (tmpfs inodes take kernel memory
//     that no size limit counts, and Podman 4 cannot set nr_inodes);
//   - reaps every process and kills what is left when the command ends, so a
//     daemonized or orphaned child cannot outlive its submission;
//   - reports peak memory and CPU time of everything the submission ran.
//
// It writes its findings as records of the harness protocol (see package
// harness) behind the run's marker, after every other process has been
// killed, so that nothing can interleave with them.
//
// judge-init starts as the container's root with only the capabilities it
// needs (SETUID, SETGID, SETPCAP, KILL), and runs the command as the run's own
// user with no capabilities at all, not even in its bounding set, with that
// user's process limit, and with a seccomp filter against namespaces (see
// seccomp.go). So the submission can neither signal, ptrace nor
// starve judge-init of processes, and a fork bomb counts against its own
// user only.
//
// A container can be started before its submission is known: with -wait,
// judge-init reads the arguments of the run from its standard input (a 4-byte
// big-endian length, then a JSON array of strings), re-executes itself with
// them, and the command reads the rest of standard input. It gives up after
// -idle without a request.
//
// Usage:
//
//	judge-init -marker M -uid N [-nproc N] [-memory-kb N] [-files N] [-interval D] -- command [args...]
//	judge-init -wait [-idle D]
//	judge-init io -- command [args...]   (as the run's user: see io.go)
package main

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Record kinds, as in package harness.
const (
	kindLimit = "limit"
	kindUsage = "usage"
)

type record struct {
	Kind string `json:"k"`
	// Error names the limit: "memory" or "files".
	Error string `json:"err,omitempty"`
	// MaxRSSKB is the peak of the summed resident memory.
	MaxRSSKB int64 `json:"rss,omitempty"`
	// CPUMillis is the user and system CPU time of every process.
	CPUMillis int64 `json:"cpu,omitempty"`
	// Status is the command's exit status, 128+n when signal n killed it.
	Status int `json:"status"`
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == childFlag {
		os.Exit(child(os.Args[2:]))
	}
	if len(os.Args) > 1 && os.Args[1] == ioFlag {
		os.Exit(ioMain(os.Args[2:]))
	}
	if len(os.Args) > 1 && os.Args[1] == waitFlag {
		os.Exit(wait(os.Args[2:]))
	}
	os.Exit(run())
}

// waitFlag makes judge-init wait for its arguments on standard input.
const waitFlag = "-wait"

// maxRequest bounds a request's size. The kernel bounds each argument to
// 128 KiB anyway.
const maxRequest = 8 << 20

// wait reads the run's arguments from standard input and re-executes
// judge-init with them. Reads of the pipe never take more than asked for, so
// what follows the request is left to the command.
func wait(args []string) int {
	fl := flag.NewFlagSet("judge-init -wait", flag.ContinueOnError)
	idle := fl.Duration("idle", 10*time.Minute, "how long to wait for a request")
	if err := fl.Parse(args); err != nil {
		return 97
	}
	go func() {
		time.Sleep(*idle)
		os.Exit(96)
	}()
	var size [4]byte
	if _, err := io.ReadFull(os.Stdin, size[:]); err != nil {
		return 96 // no request: the container was discarded unused
	}
	n := binary.BigEndian.Uint32(size[:])
	if n > maxRequest {
		fmt.Fprintf(os.Stderr, "judge-init: request of %d bytes\n", n)
		return 97
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(os.Stdin, buf); err != nil {
		fmt.Fprintf(os.Stderr, "judge-init: read request: %v\n", err)
		return 97
	}
	var argv []string
	if err := json.Unmarshal(buf, &argv); err != nil || len(argv) == 0 || argv[0] == waitFlag || argv[0] == childFlag || argv[0] == ioFlag {
		fmt.Fprintln(os.Stderr, "judge-init: malformed request")
		return 97
	}
	self, err := os.Executable()
	if err != nil {
		self = os.Args[0]
	}
	err = syscall.Exec(self, append([]string{os.Args[0]}, argv...), os.Environ())
	fmt.Fprintf(os.Stderr, "judge-init: exec: %v\n", err)
	return 98
}

// childFlag makes judge-init the command's first process: it drops to the
// run's user and execs the command.
const childFlag = "-child"

// child drops every capability and privilege and execs the command:
// args are uid, nproc, the command and its arguments.
func child(args []string) int {
	// The bounding set and the nice value belong to the calling thread, and
	// the exec'd command keeps those of the thread that calls execve: all
	// of it must happen on one thread.
	runtime.LockOSThread()
	if len(args) < 3 {
		return 97
	}
	uid, err1 := strconv.Atoi(args[0])
	nproc, err2 := strconv.ParseUint(args[1], 10, 64)
	if err1 != nil || err2 != nil {
		return 97
	}
	fail := func(what string, err error) int {
		fmt.Fprintf(os.Stderr, "judge-init: %s: %v\n", what, err)
		return 98
	}
	// Empty the bounding set, so that nothing the command runs can regain
	// a capability. Numbers past the kernel's last capability fail: fine.
	for c := 0; c < 64; c++ {
		syscall.RawSyscall(syscall.SYS_PRCTL, syscall.PR_CAPBSET_DROP, uintptr(c), 0)
	}
	// The judged code yields the CPU to the daemon, the Podman service and
	// this process's watchdog: a host busy judging keeps answering its
	// users. It cannot take the priority back: no RLIMIT_NICE, no
	// CAP_SYS_NICE.
	if err := syscall.Setrlimit(rlimitNice, &syscall.Rlimit{}); err != nil {
		return fail("nice limit", err)
	}
	if err := syscall.Setpriority(syscall.PRIO_PROCESS, 0, sandboxNice); err != nil {
		return fail("nice", err)
	}
	if err := syscall.Setgroups(nil); err != nil {
		return fail("setgroups", err)
	}
	if err := syscall.Setgid(uid); err != nil {
		return fail("setgid", err)
	}
	if err := syscall.Setuid(uid); err != nil {
		return fail("setuid", err)
	}
	if nproc > 0 {
		if err := syscall.Setrlimit(rlimitNproc, &syscall.Rlimit{Cur: nproc, Max: nproc}); err != nil {
			return fail("process limit", err)
		}
	}
	path, err := exec.LookPath(args[2])
	if err != nil {
		return fail("command", err)
	}
	if err := installFilter(); err != nil {
		return fail("seccomp filter", err)
	}
	return fail("exec", syscall.Exec(path, args[2:], os.Environ()))
}

// sandboxNice is the judged code's nice value.
const sandboxNice = 10

// rlimitNice is RLIMIT_NICE, which package syscall does not name.
const rlimitNice = 13

// rlimitNproc is RLIMIT_NPROC, which package syscall does not name.
const rlimitNproc = 6

func run() int {
	marker := flag.String("marker", "", "record marker")
	memoryKB := flag.Int64("memory-kb", 0, "bound on the summed resident memory of all processes, in KiB (0: none)")
	files := flag.Int64("files", 0, "bound on the inodes used in /tmp (0: none)")
	uid := flag.Int("uid", -1, "user to run the command as")
	nproc := flag.Int("nproc", 0, "process limit of that user (0: unchanged)")
	interval := flag.Duration("interval", 10*time.Millisecond, "how often to measure")
	flag.Parse()
	args := flag.Args()
	if len(args) == 0 || *marker == "" || *uid < 0 {
		fmt.Fprintln(os.Stderr, "usage: judge-init -marker M -uid N [-nproc N] [-memory-kb N] [-files N] -- command [args...]")
		return 97
	}
	// Not dumpable: nothing without CAP_SYS_PTRACE can ptrace this process
	// or open its /proc files.
	syscall.RawSyscall(syscall.SYS_PRCTL, syscall.PR_SET_DUMPABLE, 0, 0)

	self, err := os.Executable()
	if err != nil {
		self = os.Args[0]
	}
	cmd := exec.Command(self, append([]string{childFlag, strconv.Itoa(*uid), strconv.Itoa(*nproc)}, args...)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	// Its own process group, so that outside a PID namespace (tests) the
	// group can be killed instead of everything.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "judge-init: %v\n", err)
		return 98
	}
	main := cmd.Process.Pid

	s := &supervisor{self: os.Getpid(), group: main}
	exited := make(chan int, 1)
	go s.reap(main, exited)

	tick := time.NewTicker(*interval)
	defer tick.Stop()
	var limit string
	status := -1
loop:
	for {
		select {
		case status = <-exited:
			break loop
		case <-tick.C:
			rss, _ := s.measure()
			if *memoryKB > 0 && rss > *memoryKB {
				limit = "memory"
			} else if *files > 0 && tmpInodes() > *files {
				limit = "files"
			}
			if limit != "" {
				s.killAll()
				status = <-exited
				break loop
			}
		}
	}
	// The command is gone: whatever it left behind goes too.
	s.killAll()
	s.waitAll()

	if limit == "" && oomKills() > 0 {
		// The cgroup's bound, where there is one, struck between two
		// measures.
		limit = "memory"
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &ru)
	cpu := (ru.Utime.Nano() + ru.Stime.Nano()) / 1e6
	peak := max(s.peak(), ru.Maxrss)
	if limit != "" {
		emit(*marker, record{Kind: kindLimit, Error: limit, MaxRSSKB: peak, CPUMillis: cpu, Status: status})
	}
	emit(*marker, record{Kind: kindUsage, MaxRSSKB: peak, CPUMillis: cpu, Status: status})
	if status > 255 || status < 0 {
		return 255
	}
	return status
}

// emit writes one record on a line of its own.
func emit(marker string, r record) {
	b, _ := json.Marshal(r)
	os.Stdout.Write([]byte("\n" + marker + string(b) + "\n"))
}

type supervisor struct {
	self, group int

	mu     sync.Mutex
	maxRSS int64
	pageKB int64
}

// reap waits for every child, the main command's and the orphans the
// kernel hands to PID 1, and sends the main command's status to exited.
func (s *supervisor) reap(main int, exited chan<- int) {
	sent := false
	for {
		var ws syscall.WaitStatus
		pid, err := syscall.Wait4(-1, &ws, 0, nil)
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil { // ECHILD: nothing left
			if !sent {
				exited <- -1
			}
			return
		}
		if pid == main && !sent {
			sent = true
			switch {
			case ws.Exited():
				exited <- ws.ExitStatus()
			case ws.Signaled():
				exited <- 128 + int(ws.Signal())
			default:
				exited <- -1
			}
		}
	}
}

// killAll kills every other process of the namespace (when this is its
// PID 1), or else the command's process group.
func (s *supervisor) killAll() {
	if s.self == 1 {
		syscall.Kill(-1, syscall.SIGKILL)
		return
	}
	syscall.Kill(-s.group, syscall.SIGKILL)
}

// waitAll waits, briefly, until no process but this one is left.
func (s *supervisor) waitAll() {
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		if _, n := s.measure(); n == 0 {
			return
		}
		s.killAll()
		time.Sleep(2 * time.Millisecond)
	}
}

// measure sums the resident memory of every other process it can see and
// records the peak. It returns the sum in KiB and the number of processes.
func (s *supervisor) measure() (int64, int) {
	d, err := os.Open("/proc")
	if err != nil {
		return 0, 0
	}
	names, _ := d.Readdirnames(-1)
	d.Close()
	if s.pageKB == 0 {
		s.pageKB = int64(os.Getpagesize() / 1024)
	}
	var sum int64
	n := 0
	buf := make([]byte, 128)
	for _, name := range names {
		pid, err := strconv.Atoi(name)
		if err != nil || pid == s.self {
			continue
		}
		if s.self != 1 && !s.inGroup(pid) {
			continue
		}
		rss, ok := statmRSS("/proc/"+name+"/statm", buf)
		if !ok {
			continue
		}
		n++
		sum += rss * s.pageKB
	}
	s.mu.Lock()
	s.maxRSS = max(s.maxRSS, sum)
	s.mu.Unlock()
	return sum, n
}

// inGroup says whether pid belongs to the command's process group (outside a
// PID namespace only).
func (s *supervisor) inGroup(pid int) bool {
	pgid, err := syscall.Getpgid(pid)
	return err == nil && pgid == s.group
}

func (s *supervisor) peak() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.maxRSS
}

// statmRSS reads the resident pages from a /proc/PID/statm file. Zombies
// and exited processes read as absent.
func statmRSS(path string, buf []byte) (int64, bool) {
	f, err := os.Open(path)
	if err != nil {
		return 0, false
	}
	n, _ := f.Read(buf)
	f.Close()
	fields := strings.Fields(string(buf[:n]))
	if len(fields) < 2 {
		return 0, false
	}
	rss, err := strconv.ParseInt(fields[1], 10, 64)
	if err != nil {
		return 0, false
	}
	return rss, true
}

// oomKills is how many processes the kernel killed for the memory cgroup's
// limit, when the container has one.
func oomKills() int64 {
	for _, path := range []string{"/sys/fs/cgroup/memory.events", "/sys/fs/cgroup/memory/memory.oom_control"} {
		b, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		for _, line := range strings.Split(string(b), "\n") {
			if n, ok := strings.CutPrefix(line, "oom_kill "); ok {
				v, _ := strconv.ParseInt(strings.TrimSpace(n), 10, 64)
				return v
			}
		}
	}
	return 0
}

// tmpInodes is the number of inodes in use on /tmp.
func tmpInodes() int64 {
	var st syscall.Statfs_t
	if err := syscall.Statfs("/tmp", &st); err != nil {
		return 0
	}
	return int64(st.Files - st.Ffree)
}
