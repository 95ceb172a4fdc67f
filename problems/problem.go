package problems

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Problem is a loaded and validated problem package.
type Problem struct {
	Slug       string
	Title      string
	Difficulty string
	Tags       []string
	// Mode is ModeFunction or ModeIO.
	Mode      string
	Limits    Limits
	Signature Signature
	Checker   Checker
	// CheckerSpec is the checker as declared.
	CheckerSpec CheckerSpec
	// CustomChecker is the source of a custom checker; Checker is nil then.
	CustomChecker string
	// Statement is the Markdown statement.
	Statement string
	Tests     []Test
	// Solutions are the reference solutions, all of which must be accepted.
	Solutions []Solution
	// Wrong are the known-wrong solutions with the verdict each must get.
	Wrong []Solution
}

// Limits bound one run of a solution.
type Limits struct {
	// Time is the limit per test case.
	Time time.Duration
	// MemoryMB is the memory limit of the whole run, in MiB.
	MemoryMB int
}

// Param is one named, typed parameter of a signature.
type Param struct {
	Name string `json:"name"`
	Type Type   `json:"type"`
}

// Signature is the function a solution implements.
type Signature struct {
	Function string  `json:"function"`
	Params   []Param `json:"params"`
	Returns  Type    `json:"returns"`
}

// Test is one test case: canonical argument values in parameter order and the
// canonical expected value.
type Test struct {
	// Name identifies the case: file name, plus the index for a file of many.
	Name     string
	Sample   bool
	Args     []any
	Expected any
}

// Solution is a solution file shipped with the problem.
type Solution struct {
	// Path is the file's path inside the problem folder.
	Path string
	// Ext is the file's extension without the dot, which names its language.
	Ext  string
	Code string
	// Verdict is the verdict the solution must get: "AC" for references.
	Verdict string
}

// ValidationError says which file and field of a problem package is wrong.
type ValidationError struct {
	Problem string
	File    string
	Field   string
	Msg     string
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString(e.Problem)
	if e.File != "" {
		b.WriteString("/" + e.File)
	}
	if e.Field != "" {
		b.WriteString(": " + e.Field)
	}
	b.WriteString(": " + e.Msg)
	return b.String()
}

// fileSpec is problem.yaml as written.
type fileSpec struct {
	Slug       string   `yaml:"slug"`
	Title      string   `yaml:"title"`
	Difficulty string   `yaml:"difficulty"`
	Tags       []string `yaml:"tags"`
	Limits     struct {
		TimeMS   int `yaml:"time_ms"`
		MemoryMB int `yaml:"memory_mb"`
	} `yaml:"limits"`
	Signature struct {
		Function string `yaml:"function"`
		Params   []struct {
			Name string `yaml:"name"`
			Type string `yaml:"type"`
		} `yaml:"params"`
		Returns string `yaml:"returns"`
	} `yaml:"signature"`
	Checker CheckerSpec `yaml:"checker"`
	Wrong   []struct {
		File    string `yaml:"file"`
		Verdict string `yaml:"verdict"`
	} `yaml:"wrong"`
}

// testFile is one test case as written in tests/*.json.
type testFile struct {
	Sample bool                       `json:"sample"`
	Input  map[string]json.RawMessage `json:"input"`
	Output json.RawMessage            `json:"output"`
}

var (
	slugRE  = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	identRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
)

// Difficulties are the allowed difficulty values, easiest first.
var Difficulties = []string{"easy", "medium", "hard"}

// WrongVerdicts are the verdicts a known-wrong solution may declare.
var WrongVerdicts = []string{"WA", "TLE", "RE", "CE", "MLE", "OLE"}

// Load reads and validates the problem in folder dir of fsys: a problem
// package of the native format, or of the ICPC/Kattis format (see IsKattis).
func Load(fsys fs.FS, dir string) (*Problem, error) {
	if IsKattis(fsys, dir) {
		return loadKattis(fsys, dir)
	}
	name := path.Base(dir)
	verr := func(file, field, format string, args ...any) error {
		return &ValidationError{Problem: name, File: file, Field: field, Msg: fmt.Sprintf(format, args...)}
	}
	raw, err := fs.ReadFile(fsys, path.Join(dir, "problem.yaml"))
	if err != nil {
		return nil, verr("problem.yaml", "", "%v", unwrapPath(err))
	}
	var spec fileSpec
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(&spec); err == io.EOF {
		return nil, verr("problem.yaml", "", "empty; see examples/problems/two-sum/problem.yaml")
	} else if err != nil {
		return nil, verr("problem.yaml", "", "%v", err)
	}
	p := &Problem{
		Slug:        spec.Slug,
		Title:       spec.Title,
		Difficulty:  spec.Difficulty,
		Tags:        spec.Tags,
		Mode:        ModeFunction,
		CheckerSpec: spec.Checker,
		Limits: Limits{
			Time:     time.Duration(spec.Limits.TimeMS) * time.Millisecond,
			MemoryMB: spec.Limits.MemoryMB,
		},
	}
	switch {
	case !slugRE.MatchString(p.Slug):
		return nil, verr("problem.yaml", "slug", "%q is not a slug (lower-case letters, digits and single dashes)", p.Slug)
	case p.Slug != name && name != ".":
		return nil, verr("problem.yaml", "slug", "%q differs from the folder name %q", p.Slug, name)
	case strings.TrimSpace(p.Title) == "":
		return nil, verr("problem.yaml", "title", "missing")
	case !slices.Contains(Difficulties, p.Difficulty):
		return nil, verr("problem.yaml", "difficulty", "%q is not one of %s", p.Difficulty, strings.Join(Difficulties, ", "))
	}
	if spec.Limits.TimeMS == 0 {
		p.Limits.Time = 2 * time.Second
	} else if spec.Limits.TimeMS < 0 || spec.Limits.TimeMS > 60_000 {
		return nil, verr("problem.yaml", "limits.time_ms", "%d is outside 1..60000", spec.Limits.TimeMS)
	}
	if spec.Limits.MemoryMB == 0 {
		p.Limits.MemoryMB = 256
	} else if spec.Limits.MemoryMB < 16 || spec.Limits.MemoryMB > 4096 {
		return nil, verr("problem.yaml", "limits.memory_mb", "%d is outside 16..4096", spec.Limits.MemoryMB)
	}

	sig := spec.Signature
	if !identRE.MatchString(sig.Function) {
		return nil, verr("problem.yaml", "signature.function", "%q is not an identifier", sig.Function)
	}
	p.Signature.Function = sig.Function
	seen := map[string]bool{}
	for i, prm := range sig.Params {
		field := fmt.Sprintf("signature.params[%d]", i)
		if !identRE.MatchString(prm.Name) {
			return nil, verr("problem.yaml", field+".name", "%q is not an identifier", prm.Name)
		}
		if seen[prm.Name] {
			return nil, verr("problem.yaml", field+".name", "%q appears twice", prm.Name)
		}
		seen[prm.Name] = true
		t, err := ParseType(prm.Type)
		if err != nil {
			return nil, verr("problem.yaml", field+".type", "%v", err)
		}
		p.Signature.Params = append(p.Signature.Params, Param{Name: prm.Name, Type: t})
	}
	if p.Signature.Returns, err = ParseType(sig.Returns); err != nil {
		return nil, verr("problem.yaml", "signature.returns", "%v", err)
	}
	if p.Checker, err = NewChecker(spec.Checker, p.Signature.Returns); err != nil {
		return nil, verr("problem.yaml", "checker", "%v", err)
	}
	if spec.Checker.Kind == "custom" {
		clean := path.Clean(spec.Checker.File)
		if strings.HasPrefix(clean, "../") || path.IsAbs(clean) || path.Ext(clean) != ".py" {
			return nil, verr("problem.yaml", "checker.file", "%q is not a .py file in the problem folder", spec.Checker.File)
		}
		src, err := fs.ReadFile(fsys, path.Join(dir, clean))
		if err != nil {
			return nil, verr("problem.yaml", "checker.file", "%v", unwrapPath(err))
		}
		p.CustomChecker = string(src)
	}

	st, err := fs.ReadFile(fsys, path.Join(dir, "statement.md"))
	if err != nil {
		return nil, verr("statement.md", "", "%v", unwrapPath(err))
	}
	if strings.TrimSpace(string(st)) == "" {
		return nil, verr("statement.md", "", "empty")
	}
	p.Statement = string(st)

	if p.Tests, err = loadTests(fsys, dir, p, verr); err != nil {
		return nil, err
	}

	sols, err := readSolutions(fsys, path.Join(dir, "solutions"), "solutions")
	if err != nil {
		return nil, verr("solutions", "", "%v", unwrapPath(err))
	}
	if len(sols) == 0 {
		return nil, verr("solutions", "", "no reference solution")
	}
	for i := range sols {
		sols[i].Verdict = "AC"
	}
	p.Solutions = sols

	for i, w := range spec.Wrong {
		field := fmt.Sprintf("wrong[%d]", i)
		if !slices.Contains(WrongVerdicts, w.Verdict) {
			return nil, verr("problem.yaml", field+".verdict", "%q is not one of %s", w.Verdict, strings.Join(WrongVerdicts, ", "))
		}
		clean := path.Clean(w.File)
		if !strings.HasPrefix(clean, "wrong/") {
			return nil, verr("problem.yaml", field+".file", "%q is not a file under wrong/", w.File)
		}
		code, err := fs.ReadFile(fsys, path.Join(dir, clean))
		if err != nil {
			return nil, verr("problem.yaml", field+".file", "%v", unwrapPath(err))
		}
		p.Wrong = append(p.Wrong, Solution{Path: clean, Ext: ext(clean), Code: string(code), Verdict: w.Verdict})
	}
	return p, nil
}

func loadTests(fsys fs.FS, dir string, p *Problem, verr func(file, field, format string, args ...any) error) ([]Test, error) {
	entries, err := fs.ReadDir(fsys, path.Join(dir, "tests"))
	if err != nil {
		return nil, verr("tests", "", "%v", unwrapPath(err))
	}
	var tests []Test
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".json" {
			continue
		}
		file := "tests/" + e.Name()
		raw, err := fs.ReadFile(fsys, path.Join(dir, file))
		if err != nil {
			return nil, verr(file, "", "%v", unwrapPath(err))
		}
		var cases []testFile
		trimmed := bytes.TrimSpace(raw)
		if len(trimmed) > 0 && trimmed[0] == '[' {
			err = strictUnmarshal(trimmed, &cases)
		} else {
			var one testFile
			err = strictUnmarshal(trimmed, &one)
			cases = []testFile{one}
		}
		if err != nil {
			return nil, verr(file, "", "%v", err)
		}
		for i, c := range cases {
			name := strings.TrimSuffix(e.Name(), ".json")
			field := ""
			if len(cases) > 1 {
				name = fmt.Sprintf("%s#%d", name, i+1)
				field = fmt.Sprintf("[%d].", i)
			}
			t := Test{Name: name, Sample: c.Sample}
			for _, prm := range p.Signature.Params {
				v, ok := c.Input[prm.Name]
				if !ok {
					return nil, verr(file, field+"input."+prm.Name, "missing")
				}
				cv, err := prm.Type.Decode(v)
				if err != nil {
					return nil, verr(file, field+"input."+prm.Name, "%v", err)
				}
				t.Args = append(t.Args, cv)
			}
			for k := range c.Input {
				if !seenParam(p.Signature.Params, k) {
					return nil, verr(file, field+"input."+k, "not a parameter of %s", p.Signature.Function)
				}
			}
			if c.Output == nil {
				return nil, verr(file, field+"output", "missing")
			}
			if t.Expected, err = p.Signature.Returns.Decode(c.Output); err != nil {
				return nil, verr(file, field+"output", "%v", err)
			}
			tests = append(tests, t)
		}
	}
	if len(tests) == 0 {
		return nil, verr("tests", "", "no test cases (add tests/*.json)")
	}
	if !slices.ContainsFunc(tests, func(t Test) bool { return t.Sample }) {
		return nil, verr("tests", "", `no sample test (mark at least one with "sample": true)`)
	}
	return tests, nil
}

func seenParam(ps []Param, name string) bool {
	return slices.ContainsFunc(ps, func(p Param) bool { return p.Name == name })
}

func strictUnmarshal(b []byte, v any) error {
	if len(b) == 0 {
		return errors.New("empty file: want a test case object or an array of them")
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		return errors.New("more than one JSON value: put several cases in one array")
	}
	return nil
}

func readSolutions(fsys fs.FS, dir, rel string) ([]Solution, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var out []Solution
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		code, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, Solution{Path: rel + "/" + e.Name(), Ext: ext(e.Name()), Code: string(code)})
	}
	return out, nil
}

func ext(name string) string { return strings.TrimPrefix(path.Ext(name), ".") }

// unwrapPath drops the fs.PathError's path, which the ValidationError names.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, fs.ErrNotExist) {
			return errors.New("missing")
		}
		return pe.Err
	}
	return err
}

// LoadAll loads every problem folder directly under root, sorted by slug.
// It fails on the first invalid package.
func LoadAll(fsys fs.FS, root string) ([]*Problem, error) {
	entries, err := fs.ReadDir(fsys, root)
	if err != nil {
		return nil, fmt.Errorf("read problems: %w", err)
	}
	var out []*Problem
	for _, e := range entries {
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p, err := Load(fsys, path.Join(root, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Slug < out[j].Slug })
	return out, nil
}

// Samples returns the sample tests.
func (p *Problem) Samples() []Test {
	var out []Test
	for _, t := range p.Tests {
		if t.Sample {
			out = append(out, t)
		}
	}
	return out
}
