package problems

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Problem modes.
const (
	// ModeFunction: the solution implements Signature, and a harness
	// calls it once per test (the native format).
	ModeFunction = "function"
	// ModeIO: the solution is a whole program that reads a test's input
	// on stdin and writes its answer to stdout, as in ICPC. Its Signature
	// is IOSignature, and its checker compares tokens (Tokens).
	ModeIO = "io"
)

// IOSignature is the signature of every io problem: the program gets the
// test's input text and produces its output text.
var IOSignature = Signature{
	Function: "main",
	Params:   []Param{{Name: "input", Type: Type{Kind: String}}},
	Returns:  Type{Kind: String},
}

// IsKattis reports whether folder dir of fsys holds a problem package in
// the ICPC/Kattis problem package format (https://www.kattis.com/problem-package-format/):
// test data in data/sample and data/secret rather than tests/*.json.
func IsKattis(fsys fs.FS, dir string) bool {
	st, err := fs.Stat(fsys, path.Join(dir, "data"))
	return err == nil && st.IsDir()
}

// kattisSpec is the part of a Kattis problem.yaml that the judge reads. The
// format has more keys (source, license, uuid, ...); they are ignored.
type kattisSpec struct {
	// Name is the title: a string, or a map from language code to title.
	Name any `yaml:"name"`
	// Type is "pass-fail" (the default) or another type the judge lacks
	// (scoring, interactive, multi-pass, submit-answer).
	Type any `yaml:"type"`
	// Keywords become tags: a list, or a space-separated string.
	Keywords any `yaml:"keywords"`
	// Difficulty is the judge's own key: easy, medium or hard.
	Difficulty string `yaml:"difficulty"`
	Limits     struct {
		// TimeLimit is the time limit in seconds (format 2023-07).
		TimeLimit float64 `yaml:"time_limit"`
		// Memory is the memory limit in MiB.
		Memory int `yaml:"memory"`
	} `yaml:"limits"`
	// Validation is "default" or "custom..." (legacy format).
	Validation string `yaml:"validation"`
	// ValidatorFlags are the default output validator's flags (legacy).
	ValidatorFlags string `yaml:"validator_flags"`
}

// kattisVerdicts maps the folders of submissions/ to the verdict their
// solutions must get.
var kattisVerdicts = map[string]string{
	"accepted":              "AC",
	"wrong_answer":          "WA",
	"time_limit_exceeded":   "TLE",
	"run_time_error":        "RE",
	"memory_limit_exceeded": "MLE",
	"output_limit_exceeded": "OLE",
	"compile_error":         "CE",
}

// loadKattis reads and validates the Kattis-format problem in folder dir.
// The problem runs in the io mode, checked by the default output validator
// with the package's flags; the folder's name is the slug.
func loadKattis(fsys fs.FS, dir string) (*Problem, error) {
	name := path.Base(dir)
	verr := func(file, field, format string, args ...any) error {
		return &ValidationError{Problem: name, File: file, Field: field, Msg: fmt.Sprintf(format, args...)}
	}
	raw, err := fs.ReadFile(fsys, path.Join(dir, "problem.yaml"))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, verr("problem.yaml", "", "%v", unwrapPath(err))
	}
	var spec kattisSpec
	if err := yaml.Unmarshal(raw, &spec); err != nil && err != io.EOF {
		return nil, verr("problem.yaml", "", "%v", err)
	}
	p := &Problem{
		Slug:       name,
		Mode:       ModeIO,
		Difficulty: spec.Difficulty,
		Signature:  IOSignature,
		Limits:     Limits{Time: 2 * time.Second, MemoryMB: 256},
	}
	if !slugRE.MatchString(p.Slug) {
		return nil, verr("", "", "the folder name %q is the problem's short name: use lower-case letters, digits and single dashes", name)
	}
	if p.Title, err = kattisName(spec.Name); err != nil {
		return nil, verr("problem.yaml", "name", "%v", err)
	}
	if p.Difficulty == "" {
		p.Difficulty = "medium"
	} else if !slices.Contains(Difficulties, p.Difficulty) {
		return nil, verr("problem.yaml", "difficulty", "%q is not one of %s", p.Difficulty, strings.Join(Difficulties, ", "))
	}
	if p.Tags, err = kattisKeywords(spec.Keywords); err != nil {
		return nil, verr("problem.yaml", "keywords", "%v", err)
	}
	if t, ok := spec.Type.(string); spec.Type != nil && (!ok || t != "pass-fail") {
		return nil, verr("problem.yaml", "type", "%v: only pass-fail problems can be judged (stdin/stdout with the default output validator)", spec.Type)
	}
	if err := kattisLimits(fsys, dir, spec, &p.Limits); err != nil {
		return nil, verr("problem.yaml", "limits", "%v", err)
	}

	flags := spec.ValidatorFlags
	if td, err := fs.ReadFile(fsys, path.Join(dir, "data", "testdata.yaml")); err == nil {
		var t struct {
			Flags string `yaml:"output_validator_flags"`
		}
		if err := yaml.Unmarshal(td, &t); err != nil {
			return nil, verr("data/testdata.yaml", "", "%v", err)
		}
		if t.Flags != "" {
			flags = t.Flags
		}
	}
	custom := strings.HasPrefix(spec.Validation, "custom")
	for _, d := range []string{"output_validators", "output_validator"} {
		if st, err := fs.Stat(fsys, path.Join(dir, d)); err == nil && st.IsDir() {
			custom = true
		}
	}
	if custom {
		return nil, verr("problem.yaml", "validation", "custom output validators are not supported: the judge compares output with the default validator (tokens, case, spacing and float tolerances via validator_flags)")
	}
	if spec.Validation != "" && spec.Validation != "default" {
		return nil, verr("problem.yaml", "validation", "%q: want default", spec.Validation)
	}
	if p.CheckerSpec, err = parseValidatorFlags(flags); err != nil {
		return nil, verr("problem.yaml", "validator_flags", "%v", err)
	}
	if p.Checker, err = NewChecker(p.CheckerSpec, p.Signature.Returns); err != nil {
		return nil, verr("problem.yaml", "validator_flags", "%v", err)
	}

	if p.Tests, err = kattisTests(fsys, dir, verr); err != nil {
		return nil, err
	}
	st, err := kattisStatement(fsys, dir)
	if err != nil {
		return nil, verr("problem_statement", "", "%v", err)
	}
	p.Statement = st + sampleSection(p.Samples())

	if err := kattisSubmissions(fsys, dir, p, verr); err != nil {
		return nil, err
	}
	return p, nil
}

func kattisName(v any) (string, error) {
	switch n := v.(type) {
	case string:
		if strings.TrimSpace(n) != "" {
			return n, nil
		}
	case map[string]any:
		// English first, then the languages in order.
		langs := slices.Sorted(maps.Keys(n))
		if _, ok := n["en"]; ok {
			langs = append([]string{"en"}, langs...)
		}
		for _, lang := range langs {
			if s, ok := n[lang].(string); ok && strings.TrimSpace(s) != "" {
				return s, nil
			}
		}
	}
	return "", errors.New("missing: the problem's title (name: Hello World)")
}

func kattisKeywords(v any) ([]string, error) {
	switch k := v.(type) {
	case nil:
		return nil, nil
	case string:
		return strings.Fields(k), nil
	case []any:
		var out []string
		for _, e := range k {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("%v is not a string", e)
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, fmt.Errorf("want a list of words")
}

// kattisLimits reads the time limit from limits.time_limit or the legacy
// .timelimit file (seconds), and the memory limit in MiB.
func kattisLimits(fsys fs.FS, dir string, spec kattisSpec, l *Limits) error {
	secs := spec.Limits.TimeLimit
	if secs == 0 {
		if b, err := fs.ReadFile(fsys, path.Join(dir, ".timelimit")); err == nil {
			v, err := strconv.ParseFloat(strings.TrimSpace(string(b)), 64)
			if err != nil {
				return fmt.Errorf(".timelimit: %q is not a number of seconds", strings.TrimSpace(string(b)))
			}
			secs = v
		}
	}
	if secs != 0 {
		if secs < 0.001 || secs > 60 {
			return fmt.Errorf("time limit %gs is outside 0.001..60 s", secs)
		}
		l.Time = time.Duration(secs * float64(time.Second))
	}
	if m := spec.Limits.Memory; m != 0 {
		if m < 16 || m > 4096 {
			return fmt.Errorf("memory %d MiB is outside 16..4096", m)
		}
		l.MemoryMB = m
	}
	return nil
}

// parseValidatorFlags reads the default output validator's flags:
// case_sensitive, space_change_sensitive, float_tolerance E,
// float_absolute_tolerance E, float_relative_tolerance E.
func parseValidatorFlags(flags string) (CheckerSpec, error) {
	spec := CheckerSpec{Kind: "tokens"}
	f := strings.Fields(flags)
	for i := 0; i < len(f); i++ {
		switch f[i] {
		case "case_sensitive":
			spec.CaseSensitive = true
		case "space_change_sensitive":
			spec.SpaceSensitive = true
		case "float_tolerance", "float_absolute_tolerance", "float_relative_tolerance":
			if i+1 == len(f) {
				return spec, fmt.Errorf("%s needs a value", f[i])
			}
			v, err := strconv.ParseFloat(f[i+1], 64)
			if err != nil || v < 0 {
				return spec, fmt.Errorf("%s %q is not a tolerance", f[i], f[i+1])
			}
			switch f[i] {
			case "float_tolerance":
				spec.Abs, spec.Rel = v, v
			case "float_absolute_tolerance":
				spec.Abs = v
			default:
				spec.Rel = v
			}
			i++
		default:
			return spec, fmt.Errorf("unknown flag %q (want case_sensitive, space_change_sensitive, float_tolerance, float_absolute_tolerance or float_relative_tolerance)", f[i])
		}
	}
	return spec, nil
}

// kattisTests reads data/sample and data/secret (with their sub-folders,
// the test groups), each test an .in file and its .ans, in path order.
func kattisTests(fsys fs.FS, dir string, verr func(file, field, format string, args ...any) error) ([]Test, error) {
	var tests []Test
	for _, group := range []string{"sample", "secret"} {
		root := path.Join(dir, "data", group)
		if _, err := fs.Stat(fsys, root); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		var ins []string
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && path.Ext(p) == ".in" {
				ins = append(ins, p)
			}
			return err
		})
		if err != nil {
			return nil, verr("data/"+group, "", "%v", unwrapPath(err))
		}
		slices.SortFunc(ins, naturalCompare)
		for _, in := range ins {
			rel := strings.TrimPrefix(in, dir+"/")
			input, err := fs.ReadFile(fsys, in)
			if err != nil {
				return nil, verr(rel, "", "%v", unwrapPath(err))
			}
			ans, err := fs.ReadFile(fsys, strings.TrimSuffix(in, ".in")+".ans")
			if err != nil {
				return nil, verr(strings.TrimSuffix(rel, ".in")+".ans", "", "%v: every .in needs its .ans", unwrapPath(err))
			}
			tests = append(tests, Test{
				Name:     strings.TrimSuffix(strings.TrimPrefix(rel, "data/"), ".in"),
				Sample:   group == "sample",
				Args:     []any{string(input)},
				Expected: string(ans),
			})
		}
	}
	if len(tests) == 0 {
		return nil, verr("data", "", "no test cases (add data/sample/1.in with 1.ans, and data/secret/...)")
	}
	if !slices.ContainsFunc(tests, func(t Test) bool { return t.Sample }) {
		return nil, verr("data/sample", "", "no sample test (add data/sample/1.in and 1.ans)")
	}
	return tests, nil
}

var digitsRE = regexp.MustCompile(`\d+|\D+`)

// naturalCompare orders paths with numbers by value: 2.in before 10.in.
func naturalCompare(a, b string) int {
	pa, pb := digitsRE.FindAllString(a, -1), digitsRE.FindAllString(b, -1)
	for i := 0; i < len(pa) && i < len(pb); i++ {
		x, errx := strconv.Atoi(pa[i])
		y, erry := strconv.Atoi(pb[i])
		switch {
		case errx == nil && erry == nil && x != y:
			return x - y
		case pa[i] != pb[i]:
			return strings.Compare(pa[i], pb[i])
		}
	}
	return len(pa) - len(pb)
}

// kattisStatement reads the statement: Markdown (problem.en.md or
// problem.md in problem_statement/ or statement/), or else LaTeX
// (problem.en.tex or problem.tex), turned into Markdown.
func kattisStatement(fsys fs.FS, dir string) (string, error) {
	for _, d := range []string{"problem_statement", "statement"} {
		for _, f := range []string{"problem.en.md", "problem.md"} {
			if b, err := fs.ReadFile(fsys, path.Join(dir, d, f)); err == nil {
				return strings.TrimSpace(string(b)) + "\n", nil
			}
		}
		for _, f := range []string{"problem.en.tex", "problem.tex"} {
			if b, err := fs.ReadFile(fsys, path.Join(dir, d, f)); err == nil {
				return texToMarkdown(string(b)), nil
			}
		}
	}
	return "", errors.New("missing: add problem_statement/problem.en.md (or problem.en.tex)")
}

var (
	texSection = regexp.MustCompile(`\\(?:section|subsection)\*?\{([^}]*)\}`)
	texStyle   = regexp.MustCompile(`\\(textbf|emph|textit|texttt)\{([^}]*)\}`)
	texProblem = regexp.MustCompile(`\\problemname\{([^}]*)\}`)
)

// texToMarkdown turns the common parts of a Kattis LaTeX statement into
// Markdown: sections, bold, italics, code, itemize; math stays in $...$.
func texToMarkdown(s string) string {
	s = texProblem.ReplaceAllString(s, "")
	s = texSection.ReplaceAllString(s, "## $1")
	s = texStyle.ReplaceAllStringFunc(s, func(m string) string {
		g := texStyle.FindStringSubmatch(m)
		switch g[1] {
		case "textbf":
			return "**" + g[2] + "**"
		case "texttt":
			return "`" + g[2] + "`"
		}
		return "*" + g[2] + "*"
	})
	r := strings.NewReplacer(`\begin{itemize}`, "", `\end{itemize}`, "", `\item`, "-",
		`\begin{enumerate}`, "", `\end{enumerate}`, "", `\\`, "\n", `~`, " ", "``", `"`, "''", `"`)
	var out []string
	for _, line := range strings.Split(r.Replace(s), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "%") {
			continue
		}
		out = append(out, line)
	}
	return strings.TrimSpace(strings.Join(out, "\n")) + "\n"
}

// sampleSection shows the samples after an io statement, as Kattis does.
func sampleSection(samples []Test) string {
	var b strings.Builder
	for i, t := range samples {
		fmt.Fprintf(&b, "\n## Sample %d\n\nInput:\n\n```\n%s```\n\nOutput:\n\n```\n%s```\n",
			i+1, withNewline(t.Args[0].(string)), withNewline(t.Expected.(string)))
	}
	return b.String()
}

func withNewline(s string) string {
	if s == "" || strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}

// kattisSubmissions reads submissions/accepted (the reference solutions)
// and the folders of known-wrong ones, each a single source file.
func kattisSubmissions(fsys fs.FS, dir string, p *Problem, verr func(file, field, format string, args ...any) error) error {
	root := path.Join(dir, "submissions")
	entries, err := fs.ReadDir(fsys, root)
	if err != nil {
		return verr("submissions", "", "%v: add submissions/accepted/ with a solution", unwrapPath(err))
	}
	for _, e := range entries {
		verdict, ok := kattisVerdicts[e.Name()]
		if !e.IsDir() || !ok {
			continue
		}
		sols, err := readSolutions(fsys, path.Join(root, e.Name()), "submissions/"+e.Name())
		if err != nil {
			return verr("submissions/"+e.Name(), "", "%v", unwrapPath(err))
		}
		for _, s := range sols {
			s.Verdict = verdict
			if verdict == "AC" {
				p.Solutions = append(p.Solutions, s)
			} else {
				p.Wrong = append(p.Wrong, s)
			}
		}
	}
	if sub, _ := fs.ReadDir(fsys, path.Join(root, "accepted")); slices.ContainsFunc(sub, fs.DirEntry.IsDir) {
		return verr("submissions/accepted", "", "a submission of several files is not supported: one source file per solution")
	}
	if len(p.Solutions) == 0 {
		return verr("submissions/accepted", "", "no reference solution")
	}
	return nil
}

// Tokens is the ICPC default output validator: the output must have the
// expected whitespace-separated tokens, compared case-insensitively unless
// CaseSensitive; with SpaceSensitive the whitespace between them must match
// too; with a tolerance, an expected token that is a number accepts any
// number within Abs or Rel of it.
type Tokens struct {
	CaseSensitive, SpaceSensitive bool
	Abs, Rel                      float64
}

// Check implements Checker on the expected and actual output text.
func (c Tokens) Check(_ Type, expected, actual any) string {
	exp, act := expected.(string), actual.(string)
	et, at := tokenize(exp, c.SpaceSensitive), tokenize(act, c.SpaceSensitive)
	word := 0
	for i := range et {
		if i >= len(at) {
			if strings.TrimSpace(et[i]) == "" {
				return "the output lacks whitespace at its end"
			}
			return fmt.Sprintf("the output ends after %d tokens; expected %q next", word, cutToken(et[i]))
		}
		e, a := et[i], at[i]
		if strings.TrimSpace(e) == "" {
			if e != a {
				return fmt.Sprintf("the whitespace after token %d differs: expected %q, got %q", word, e, a)
			}
			continue
		}
		word++
		if why := c.token(e, a); why != "" {
			return fmt.Sprintf("token %d: %s", word, why)
		}
	}
	if len(at) > len(et) {
		for _, a := range at[len(et):] {
			if strings.TrimSpace(a) != "" {
				return fmt.Sprintf("the output goes on after the expected %d tokens: %q", word, cutToken(a))
			}
		}
		return "the output has more whitespace at its end"
	}
	return ""
}

func (c Tokens) token(e, a string) string {
	if c.Abs > 0 || c.Rel > 0 {
		if ev, err := strconv.ParseFloat(e, 64); err == nil {
			av, err := strconv.ParseFloat(a, 64)
			if err != nil {
				return fmt.Sprintf("expected the number %s, got %q", e, cutToken(a))
			}
			d := math.Abs(av - ev)
			if d <= c.Abs || d <= c.Rel*math.Abs(ev) {
				return ""
			}
			return fmt.Sprintf("expected %s, got %s (tolerance abs %g, rel %g)", e, a, c.Abs, c.Rel)
		}
	}
	if e == a || !c.CaseSensitive && strings.EqualFold(e, a) {
		return ""
	}
	return fmt.Sprintf("expected %q, got %q", cutToken(e), cutToken(a))
}

// tokenize splits s into its tokens, with the whitespace runs between them
// as tokens of their own when spaces count.
func tokenize(s string, spaces bool) []string {
	if !spaces {
		return strings.Fields(s)
	}
	var out []string
	for len(s) > 0 {
		i := 1
		ws := isSpace(s[0])
		for i < len(s) && isSpace(s[i]) == ws {
			i++
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out
}

func isSpace(b byte) bool { return strings.IndexByte(" \t\n\r\v\f", b) >= 0 }

func cutToken(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
