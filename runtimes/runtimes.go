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

	"gopkg.in/yaml.v3"

	"github.com/judgehq/judge/harness"
)

//go:embed */runtime.yaml
var recipes embed.FS

// Runtime is one language's runtime.
type Runtime struct {
	Name       string   `yaml:"name"`
	Display    string   `yaml:"display"`
	Extensions []string `yaml:"extensions"`
	Image      Image    `yaml:"image"`
	// Run is the command that runs the harness, with {harness} standing for
	// the harness source.
	Run     []string `yaml:"run"`
	Version []string `yaml:"version"`
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

// Command returns the command that runs the language's harness.
func (r *Runtime) Command() ([]string, error) {
	lang, ok := harness.Get(r.Name)
	if !ok {
		return nil, fmt.Errorf("no harness for %s", r.Name)
	}
	cmd := slices.Clone(r.Run)
	for i, a := range cmd {
		cmd[i] = strings.ReplaceAll(a, "{harness}", lang.Source)
	}
	return cmd, nil
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
		if len(rt.Run) == 0 || rt.Image.Suite == "" || len(rt.Image.Packages) == 0 {
			return nil, fmt.Errorf("%s: run, image.suite and image.packages are required", f)
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
	// Labels tag the container, to find it again.
	Labels map[string]string
}

// RunResult is how a run ended.
type RunResult struct {
	ExitCode int
	// Stderr is the start of the program's standard error.
	Stderr []byte
	// StdoutTruncated is set when the program wrote more than the limit.
	StdoutTruncated bool
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
}

// Write implements io.Writer. It reports every byte as written, so that a
// copy from the program goes on draining it.
func (l *LimitWriter) Write(p []byte) (int, error) {
	n := len(p)
	if len(p) > l.N {
		p = p[:l.N]
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
