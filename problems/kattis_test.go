package problems_test

import (
	"errors"
	"path"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/judgehq/judge/problems"
)

// kattisFS is a small valid Kattis package in folder "hello", with files
// replaced or removed (empty body) as given.
func kattisFS(over map[string]string) fstest.MapFS {
	files := map[string]string{
		"problem.yaml":                      "name: Hello\nlimits:\n  time_limit: 1.5\n  memory: 128\n",
		"problem_statement/problem.en.md":   "Say hello to $n$ people.\n",
		"data/sample/1.in":                  "2\n",
		"data/sample/1.ans":                 "hello hello\n",
		"data/secret/10.in":                 "10\n",
		"data/secret/10.ans":                strings.Repeat("hello ", 10) + "\n",
		"data/secret/2.in":                  "1\n",
		"data/secret/2.ans":                 "hello\n",
		"data/secret/group/1.in":            "0\n",
		"data/secret/group/1.ans":           "\n",
		"submissions/accepted/hello.py":     "print(' '.join(['hello'] * int(input())))\n",
		"submissions/accepted/hello.cpp":    "int main() {}\n",
		"submissions/wrong_answer/bye.py":   "print('bye')\n",
		"submissions/time_limit_exceeded/a": "while True: pass\n",
	}
	for k, v := range over {
		files[k] = v
	}
	fsys := fstest.MapFS{}
	for name, body := range files {
		if v, ok := over[name]; ok && v == "" {
			continue
		}
		fsys[path.Join("hello", name)] = &fstest.MapFile{Data: []byte(body)}
	}
	return fsys
}

func TestLoad_kattis(t *testing.T) {
	p, err := problems.Load(kattisFS(nil), "hello")
	if err != nil {
		t.Fatal(err)
	}
	if p.Mode != problems.ModeIO || p.Slug != "hello" || p.Title != "Hello" || p.Difficulty != "medium" {
		t.Errorf("mode %q, slug %q, title %q, difficulty %q", p.Mode, p.Slug, p.Title, p.Difficulty)
	}
	if want := (problems.Limits{Time: 1500 * time.Millisecond, MemoryMB: 128}); p.Limits != want {
		t.Errorf("limits %+v, want %+v", p.Limits, want)
	}
	var names []string
	for _, tc := range p.Tests {
		names = append(names, tc.Name)
	}
	// Samples first, then secret data in natural order, groups included.
	if got, want := strings.Join(names, " "), "sample/1 secret/2 secret/10 secret/group/1"; got != want {
		t.Errorf("tests %q, want %q", got, want)
	}
	if !p.Tests[0].Sample || p.Tests[1].Sample || p.Tests[0].Args[0] != "2\n" || p.Tests[0].Expected != "hello hello\n" {
		t.Errorf("first tests: %+v %+v", p.Tests[0], p.Tests[1])
	}
	if len(p.Solutions) != 2 || p.Solutions[0].Path != "submissions/accepted/hello.cpp" || p.Solutions[0].Verdict != "AC" {
		t.Errorf("solutions %+v", p.Solutions)
	}
	var wrong []string
	for _, w := range p.Wrong {
		wrong = append(wrong, w.Path+"="+w.Verdict)
	}
	if got, want := strings.Join(wrong, " "), "submissions/time_limit_exceeded/a=TLE submissions/wrong_answer/bye.py=WA"; got != want {
		t.Errorf("wrong %q, want %q", got, want)
	}
	if !strings.HasPrefix(p.Statement, "Say hello") || !strings.Contains(p.Statement, "## Sample 1\n\nInput:\n\n```\n2\n```") {
		t.Errorf("statement:\n%s", p.Statement)
	}
	if p.Signature.Function != "main" || p.Signature.Returns.Kind != problems.String || p.CheckerSpec.Kind != "tokens" {
		t.Errorf("signature %+v, checker %+v", p.Signature, p.CheckerSpec)
	}
}

func TestLoad_kattisVariants(t *testing.T) {
	for _, tc := range []struct {
		name string
		over map[string]string
		ok   func(p *problems.Problem) bool
	}{
		{"legacy timelimit file", map[string]string{"problem.yaml": "name: Hello\n", ".timelimit": "3\n"},
			func(p *problems.Problem) bool { return p.Limits.Time == 3*time.Second && p.Limits.MemoryMB == 256 }},
		{"no limits: 2 s", map[string]string{"problem.yaml": "name: Hello\n"},
			func(p *problems.Problem) bool { return p.Limits.Time == 2*time.Second }},
		{"name per language", map[string]string{"problem.yaml": "name:\n  de: Hallo\n  en: Hello there\n"},
			func(p *problems.Problem) bool { return p.Title == "Hello there" }},
		{"keywords string", map[string]string{"problem.yaml": "name: Hello\nkeywords: greeting strings\ndifficulty: easy\n"},
			func(p *problems.Problem) bool {
				return strings.Join(p.Tags, ",") == "greeting,strings" && p.Difficulty == "easy"
			}},
		{"float flags", map[string]string{"problem.yaml": "name: Hello\nvalidator_flags: case_sensitive float_absolute_tolerance 1e-3 float_relative_tolerance 1e-5\n"},
			func(p *problems.Problem) bool {
				c := p.CheckerSpec
				return c.CaseSensitive && !c.SpaceSensitive && c.Abs == 1e-3 && c.Rel == 1e-5
			}},
		{"testdata.yaml flags win", map[string]string{"problem.yaml": "name: Hello\nvalidator_flags: case_sensitive\n",
			"data/testdata.yaml": "output_validator_flags: space_change_sensitive float_tolerance 1e-6\n"},
			func(p *problems.Problem) bool {
				c := p.CheckerSpec
				return !c.CaseSensitive && c.SpaceSensitive && c.Abs == 1e-6 && c.Rel == 1e-6
			}},
		{"LaTeX statement", map[string]string{"problem_statement/problem.en.md": "",
			"problem_statement/problem.en.tex": "\\problemname{Hello}\n% a comment\nSay \\emph{hello}.\n\\section*{Input}\nOne \\textbf{number}.\n"},
			func(p *problems.Problem) bool {
				return strings.HasPrefix(p.Statement, "Say *hello*.\n## Input\nOne **number**.\n")
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := problems.Load(kattisFS(tc.over), "hello")
			if err != nil {
				t.Fatal(err)
			}
			if !tc.ok(p) {
				t.Errorf("unexpected problem: limits %+v, title %q, tags %q, checker %+v, statement:\n%s",
					p.Limits, p.Title, p.Tags, p.CheckerSpec, p.Statement)
			}
		})
	}
}

func TestLoad_kattisInvalid(t *testing.T) {
	for _, tc := range []struct {
		name string
		over map[string]string
		want string
	}{
		{"no name", map[string]string{"problem.yaml": "limits:\n  memory: 64\n"}, "hello/problem.yaml: name: missing"},
		{"interactive", map[string]string{"problem.yaml": "name: Hello\ntype: interactive\n"}, "only pass-fail"},
		{"custom validator", map[string]string{"problem.yaml": "name: Hello\nvalidation: custom\n"}, "custom output validators are not supported"},
		{"validator folder", map[string]string{"output_validators/check/check.py": "x"}, "custom output validators are not supported"},
		{"unknown flag", map[string]string{"problem.yaml": "name: Hello\nvalidator_flags: float_tolerance\n"}, "float_tolerance needs a value"},
		{"bad flag", map[string]string{"problem.yaml": "name: Hello\nvalidator_flags: fuzzy\n"}, `unknown flag "fuzzy"`},
		{"time limit", map[string]string{"problem.yaml": "name: Hello\nlimits:\n  time_limit: 100\n"}, "outside 0.001..60"},
		{"missing answer", map[string]string{"data/secret/2.ans": ""}, "hello/data/secret/2.ans: missing: every .in needs its .ans"},
		{"no sample", map[string]string{"data/sample/1.in": "", "data/sample/1.ans": ""}, "no sample test"},
		{"no statement", map[string]string{"problem_statement/problem.en.md": ""}, "add problem_statement/problem.en.md"},
		{"no accepted", map[string]string{"submissions/accepted/hello.py": "", "submissions/accepted/hello.cpp": ""}, "no reference solution"},
		{"bad difficulty", map[string]string{"problem.yaml": "name: Hello\ndifficulty: brutal\n"}, `"brutal" is not one of`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := problems.Load(kattisFS(tc.over), "hello")
			var verr *problems.ValidationError
			if !errors.As(err, &verr) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Load: %v, want a ValidationError with %q", err, tc.want)
			}
		})
	}
}

func TestTokens(t *testing.T) {
	str := problems.Type{Kind: problems.String}
	for _, tc := range []struct {
		name             string
		c                problems.Tokens
		expected, actual string
		why              string // "" when accepted
	}{
		{"same", problems.Tokens{}, "1 2\n3\n", "1 2\n3\n", ""},
		{"spacing ignored", problems.Tokens{}, "1 2\n3\n", "  1\t2 3", ""},
		{"case ignored", problems.Tokens{}, "Yes\n", "YES\n", ""},
		{"case counts", problems.Tokens{CaseSensitive: true}, "Yes\n", "YES\n", `token 1: expected "Yes", got "YES"`},
		{"wrong token", problems.Tokens{}, "1 2 3", "1 2 4", `token 3: expected "3", got "4"`},
		{"too short", problems.Tokens{}, "1 2 3", "1 2", `the output ends after 2 tokens; expected "3" next`},
		{"too long", problems.Tokens{}, "1 2", "1 2 3", `the output goes on after the expected 2 tokens: "3"`},
		{"empty ok", problems.Tokens{}, "\n", "", ""},
		{"numbers are text without tolerance", problems.Tokens{}, "1.0", "1", `token 1: expected "1.0", got "1"`},
		{"abs tolerance", problems.Tokens{Abs: 1e-6}, "0.5", "0.5000009", ""},
		{"abs tolerance exceeded", problems.Tokens{Abs: 1e-6}, "0.5", "0.500002", "token 1: expected 0.5, got 0.500002 (tolerance abs 1e-06, rel 0)"},
		{"rel tolerance", problems.Tokens{Rel: 1e-6}, "1000000", "1000000.9", ""},
		{"exponent form", problems.Tokens{Abs: 1e-6, Rel: 1e-6}, "157094154.9056", "1.5709415490560007E8", ""},
		{"integer read as number", problems.Tokens{Abs: 1e-9}, "3", "3.0000000001", ""},
		{"text where a number is due", problems.Tokens{Abs: 1e-6}, "3", "three", `token 1: expected the number 3, got "three"`},
		{"text tokens with tolerance", problems.Tokens{Abs: 1e-6}, "impossible", "Impossible", ""},
		{"space sensitive", problems.Tokens{SpaceSensitive: true}, "1 2\n", "1  2\n", `the whitespace after token 1 differs: expected " ", got "  "`},
		{"space sensitive newline", problems.Tokens{SpaceSensitive: true}, "1\n", "1", "the output lacks whitespace at its end"},
		{"space sensitive extra", problems.Tokens{SpaceSensitive: true}, "1\n", "1\n\n", `the whitespace after token 1 differs: expected "\n", got "\n\n"`},
		{"space sensitive trailing", problems.Tokens{SpaceSensitive: true}, "1", "1 ", "the output has more whitespace at its end"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.c.Check(str, tc.expected, tc.actual)
			if tc.why == "" && got != "" || tc.why != "" && !strings.HasPrefix(got, tc.why) && got != tc.why {
				t.Errorf("Check(%q, %q) = %q, want %q", tc.expected, tc.actual, got, tc.why)
			}
		})
	}
}
