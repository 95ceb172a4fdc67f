// Package runtimes describes the language runtimes (one folder per language:
// how its image is built from Debian packages, how code is run) and the
// request and result of one sandboxed run, which the sandbox backends in the
// sub-packages carry out.
package runtimes

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"strconv"

	"gopkg.in/yaml.v3"
)

//go:embed */runtime.yaml
var recipes embed.FS

// Runtime is one language's runtime.
type Runtime struct {
	Name       string   `yaml:"name"`
	Display    string   `yaml:"display"`
	Extensions []string `yaml:"extensions"`
	Image      Image    `yaml:"image"`
	// Source and Harness are the file names the user's code and the
	// harness are written to.
	Source  string `yaml:"source"`
	Harness string `yaml:"harness"`
	// Compile, if set, compiles them; its output is the compiler's message.
	Compile []string `yaml:"compile"`
	// CompileMemoryMB is the memory the compiler may use.
	CompileMemoryMB int `yaml:"compile_memory_mb"`
	// CompileTimeoutMS bounds the compilation.
	CompileTimeoutMS int `yaml:"compile_timeout_ms"`
	// Run starts the harness. {memory_mb} stands for the problem's memory
	// limit, for runtimes with a heap flag of their own.
	Run []string `yaml:"run"`
	// Memory says which rlimit bounds the run's memory besides cgroups: "as"
	// (address space), "data" (for runtimes that reserve much address space
	// up front) or "none" (the runtime bounds its heap itself).
	Memory string `yaml:"memory"`
	// MemoryErrors are what the runtime says, in an error or on stderr,
	// when an allocation fails: a run that ends with one of them exceeded
	// its memory limit, whatever else it did.
	MemoryErrors []string `yaml:"memory_errors"`
	// Env is set for compiling and running.
	Env map[string]string `yaml:"env"`
	// Version prints the compiler's or runtime's version.
	Version []string `yaml:"version"`
	// IO is how a whole program is built and run for problems in the io
	// mode (stdin/stdout, as in ICPC), if the language supports them.
	IO *IOSpec `yaml:"io"`
}

// IOSpec is how a runtime builds and runs a whole program that reads the
// test's input on stdin and writes its answer to stdout.
type IOSpec struct {
	// Source is the file name the program is written to.
	Source string `yaml:"source"`
	// Compile, if set, compiles it.
	Compile []string `yaml:"compile"`
	// Run starts the program, once per test; {memory_mb} as in Run.
	Run []string `yaml:"run"`
}

// InitPath is where judge-init, the first process of every sandbox
// container, lives in the runtime images. Its io mode runs an io program
// once per test. A run on the host names another copy in $JUDGE_INIT.
const InitPath = "/judge-init"

// ForIO returns the runtime that runs whole programs in the io mode: the
// user's code is the program and judge-init's io mode is the harness. It
// returns false if the language has no io section.
func (r *Runtime) ForIO() (*Runtime, bool) {
	if r.IO == nil {
		return nil, false
	}
	io := *r
	io.Source, io.Harness, io.Compile = r.IO.Source, "", r.IO.Compile
	io.Run = append([]string{InitPath, "io", "--"}, r.IO.Run...)
	return &io, true
}

// Image is how a runtime's container image is built.
type Image struct {
	Suite    string   `yaml:"suite"`
	Packages []string `yaml:"packages"`
}

// ImageName is the local image the runtime runs in.
func (r *Runtime) ImageName() string { return "localhost/judge-" + r.Name + ":latest" }

// RecipeHash identifies the image recipe; an image built from an older recipe
// carries another hash in its label.
func (r *Runtime) RecipeHash() string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n", r.Image.Suite, strings.Join(r.Image.Packages, ","))
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// CompileTimeout bounds the compilation, 10 s unless the recipe says.
func (r *Runtime) CompileTimeout() time.Duration {
	if r.CompileTimeoutMS > 0 {
		return time.Duration(r.CompileTimeoutMS) * time.Millisecond
	}
	return 10 * time.Second
}

// OutOfMemory says whether msg, a run's error or stderr, says that an
// allocation failed.
func (r *Runtime) OutOfMemory(msg string) bool {
	for _, m := range r.MemoryErrors {
		if strings.Contains(msg, m) {
			return true
		}
	}
	return false
}

// compileLogBytes is how much of a compiler's output is kept.
const compileLogBytes = 32 << 10

// MemoryOverheadMB is added to a problem's memory limit for the runtime's own
// needs (interpreter, JIT, harness), so that the limit is the solution's.
const MemoryOverheadMB = 64

// Script returns the command that runs a submission: a POSIX shell script
// that writes the code and the harness to files in a fresh directory,
// compiles them if the runtime says how, and starts the harness under the
// run's memory rlimit. The code, the harness and the record marker travel
// as arguments, so no host file is shared with the sandbox.
func (r *Runtime) Script(code, harnessSrc, marker string, memoryMB int) []string {
	var b strings.Builder
	b.WriteString("umask 077\n")
	b.WriteString(`d=$(mktemp -d) && cd "$d" || exit 98` + "\n")
	for k, v := range r.Env {
		fmt.Fprintf(&b, "export %s=%s\n", k, shellQuote(strings.ReplaceAll(v, "{dir}", "$d")))
	}
	if r.Harness != "" {
		fmt.Fprintf(&b, "printf '%%s' \"$1\" > %s && printf '%%s' \"$2\" > %s || exit 98\n",
			shellQuote(r.Source), shellQuote(r.Harness))
	} else {
		fmt.Fprintf(&b, "printf '%%s' \"$1\" > %s || exit 98\n", shellQuote(r.Source))
	}
	if len(r.Compile) > 0 {
		// The compiler's messages go through a file, of which only the
		// start reaches stderr: a compile-time bomb's megabytes of errors
		// are a Compilation Error, not an overflow of the run's stderr.
		fmt.Fprintf(&b, "%s </dev/null >compile.log 2>&1; s=$?; head -c %d compile.log >&2; rm -f compile.log\n",
			shellJoin(r.Compile), compileLogBytes)
		b.WriteString(`if [ $s = 0 ]; then printf '%s{"k":"compiled"}\n' "$3"; ` +
			`else printf '%s{"k":"compile","status":%d}\n' "$3" "$s"; exit 0; fi` + "\n")
	}
	run := make([]string, len(r.Run))
	for i, a := range r.Run {
		run[i] = strings.ReplaceAll(a, "{memory_mb}", strconv.Itoa(memoryMB))
	}
	limit := int64(memoryMB+MemoryOverheadMB) << 20
	var rlimit []string
	switch r.Memory {
	case "as":
		rlimit = []string{"prlimit", fmt.Sprintf("--as=%d", limit), "--"}
	case "data":
		rlimit = []string{"prlimit", fmt.Sprintf("--data=%d", limit), "--"}
	}
	// judge-init's io mode (a Go program, which reserves much address
	// space) runs outside the rlimit and each test's program inside it.
	at := 0
	if run[0] == InitPath {
		at = 3 // judge-init io --
	}
	run = slices.Concat(run[:at], rlimit, run[at:])
	b.WriteString("exec " + shellJoin(run) + "\n")
	return []string{"/bin/sh", "-c", b.String(), "judge", code, harnessSrc, marker}
}

func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_=./:,+{}@") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// shellJoin quotes args for the shell. InitPath stands for $JUDGE_INIT if
// that is set.
func shellJoin(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = shellQuote(a)
		if a == InitPath {
			q[i] = `"${JUDGE_INIT:-` + InitPath + `}"`
		}
	}
	return strings.Join(q, " ")
}

// Load reads the runtime recipes from fsys, one folder per language each with
// a runtime.yaml.
func Load(fsys fs.FS) ([]*Runtime, error) {
	files, err := fs.Glob(fsys, "*/runtime.yaml")
	if err != nil {
		return nil, err
	}
	var out []*Runtime
	for _, f := range files {
		raw, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		var rt Runtime
		dec := yaml.NewDecoder(bytes.NewReader(raw))
		dec.KnownFields(true)
		if err := dec.Decode(&rt); err != nil && err != io.EOF {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		if rt.Name != path.Dir(f) {
			return nil, fmt.Errorf("%s: name %q differs from the folder", f, rt.Name)
		}
		if len(rt.Run) == 0 || rt.Image.Suite == "" || len(rt.Image.Packages) == 0 || rt.Source == "" || rt.Harness == "" {
			return nil, fmt.Errorf("%s: run, source, harness, image.suite and image.packages are required", f)
		}
		if rt.IO != nil && (rt.IO.Source == "" || len(rt.IO.Run) == 0) {
			return nil, fmt.Errorf("%s: io needs source and run", f)
		}
		if !slices.Contains([]string{"as", "data", "none"}, rt.Memory) {
			return nil, fmt.Errorf("%s: memory %q: want as, data or none", f, rt.Memory)
		}
		out = append(out, &rt)
	}
	return out, nil
}

// Builtin returns the runtimes built into the binary.
func Builtin() []*Runtime {
	rts, err := Load(recipes)
	if err != nil {
		panic(err) // embedded at build time; covered by tests
	}
	return rts
}

// Set is the runtimes by name.
type Set map[string]*Runtime

// NewSet indexes runtimes by name.
func NewSet(rts []*Runtime) Set {
	s := Set{}
	for _, r := range rts {
		s[r.Name] = r
	}
	return s
}

// ByExtension returns the runtime whose files end in .ext.
func (s Set) ByExtension(ext string) (*Runtime, bool) {
	for _, r := range s {
		if slices.Contains(r.Extensions, ext) {
			return r, true
		}
	}
	return nil, false
}

// Names lists the runtimes, sorted.
func (s Set) Names() []string {
	var out []string
	for n := range s {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// Env is the environment every sandboxed run starts with; nothing of the
// host's environment goes in.
var Env = map[string]string{
	"PATH": "/usr/local/bin:/usr/bin:/bin",
	"HOME": "/tmp",
	"LANG": "C.UTF-8",
}

// Limits bound one sandboxed run.
type Limits struct {
	// Wall is the wall-clock limit of the whole run.
	Wall time.Duration
	// MemoryMB bounds the memory of the run.
	MemoryMB int
	// Pids bounds the number of processes and threads.
	Pids int
	// NoFile bounds open files per process.
	NoFile int
	// FileSizeMB bounds the size of any file written.
	FileSizeMB int
	// TmpfsMB is the size of the writable /tmp.
	TmpfsMB int
	// TmpFiles bounds the files (inodes) in /tmp.
	TmpFiles int
	// StdoutBytes and StderrBytes cap what is kept of each stream.
	StdoutBytes int
	StderrBytes int
}

// DefaultLimits are the limits of a run unless the problem says otherwise.
func DefaultLimits() Limits {
	return Limits{
		Wall:        30 * time.Second,
		MemoryMB:    256,
		Pids:        64,
		NoFile:      64,
		FileSizeMB:  16,
		TmpfsMB:     64,
		TmpFiles:    10000,
		StdoutBytes: 16 << 20,
		StderrBytes: 64 << 10,
	}
}

// RunRequest is one program to run in a fresh sandbox.
type RunRequest struct {
	Image string
	Cmd   []string
	// Stdin is the program's whole standard input.
	Stdin []byte
	// Stdout receives the program's standard output as it is written, up to
	// Limits.StdoutBytes.
	Stdout io.Writer
	Limits Limits
	// Marker is the prefix of the run's protocol records (see package
	// harness), for the records a sandbox adds itself.
	Marker string
	// Labels tag the container, to find it again.
	Labels map[string]string
}

// RunResult is how a run ended.
type RunResult struct {
	ExitCode int
	// Stderr is the start of the program's standard error.
	Stderr []byte
	// StdoutTruncated and StderrTruncated are set when the program wrote
	// more than the limit to the stream; the run is stopped then.
	StdoutTruncated bool
	StderrTruncated bool
	// Killed is set when the run was stopped: the context was cancelled or
	// the wall-clock limit passed.
	Killed bool
	// WallExceeded is set when the wall-clock limit passed.
	WallExceeded bool
	// OOMKilled is set when the kernel killed the program for memory.
	OOMKilled bool
	Duration  time.Duration
}

// LimitWriter passes the first N bytes written to W and drops the rest,
// noting that it did.
type LimitWriter struct {
	W         io.Writer
	N         int
	Truncated bool
	// Full, if set, is called when the first byte is dropped.
	Full func()
}

// Write implements io.Writer. It reports every byte as written, so that a
// copy from the program goes on draining it.
func (l *LimitWriter) Write(p []byte) (int, error) {
	n := len(p)
	if len(p) > l.N {
		p = p[:l.N]
		if !l.Truncated && l.Full != nil {
			l.Full()
		}
		l.Truncated = true
	}
	if len(p) > 0 {
		w, err := l.W.Write(p)
		l.N -= w
		if err != nil {
			return w, err
		}
	}
	return n, nil
}
