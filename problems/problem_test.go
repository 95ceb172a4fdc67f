package problems_test

import (
	"errors"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/judgehq/judge/examples"
	"github.com/judgehq/judge/problems"
)

// pkgDir is where the in-memory fixture package lives inside its fs.FS. It is
// nested on purpose: Load must name the problem by the folder's base name.
const pkgDir = "set/pair-sum"

const baseYAML = `slug: pair-sum
title: Pair Sum
difficulty: medium
tags: [array, hash-table]
limits:
  time_ms: 1500
  memory_mb: 128
signature:
  function: pairSum
  params:
    - {name: nums, type: "int[]"}
    - {name: target, type: long}
  returns: "int[]"
checker:
  kind: exact
wrong:
  - {file: wrong/off-by-one.py, verdict: WA}
  - {file: wrong/slow.go, verdict: TLE}
`

// basePackage returns the files of a valid problem package, relative to its
// folder. Each test case edits a fresh copy.
func basePackage() map[string]string {
	return map[string]string{
		"problem.yaml":        baseYAML,
		"statement.md":        "# Pair Sum\n\nReturn the indices of two numbers that add up to `target`.\n",
		"tests/README":        "not a test: no .json extension",
		"tests/notes.txt":     "not a test either",
		"tests/sample-1.json": `{"sample": true, "input": {"nums": [2, 7, 11, 15], "target": 9}, "output": [0, 1]}`,
		"tests/secret.json": `[
  {"input": {"nums": [3, 3], "target": 6}, "output": [0, 1]},
  {"input": {"target": 9223372036854775807, "nums": [-1, 5]}, "output": [1, 0]}
]`,
		"tests/more/nested.json":  `this folder is skipped, so this file is never parsed`,
		"solutions/solution.py":   "class Solution:\n    pass\n",
		"solutions/solution.go":   "package main\n",
		"solutions/.gitkeep":      "",
		"solutions/lib/helper.py": "# folders under solutions/ are skipped\n",
		"wrong/off-by-one.py":     "class Solution:\n    pass  # off by one\n",
		"wrong/slow.go":           "package main // slow\n",
		"wrong/unlisted.py":       "# not declared in problem.yaml, so not loaded\n",
	}
}

func buildFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[path.Join(pkgDir, name)] = &fstest.MapFile{Data: []byte(body)}
	}
	return fsys
}

// replace edits one fixture file, failing the test if old is not in it, so
// that a case cannot silently test the unedited package.
func replace(t *testing.T, files map[string]string, name, old, new string) {
	t.Helper()
	body, ok := files[name]
	if !ok {
		t.Fatalf("fixture has no file %s", name)
	}
	if !strings.Contains(body, old) {
		t.Fatalf("fixture %s does not contain %q", name, old)
	}
	files[name] = strings.Replace(body, old, new, 1)
}

// removeUnder deletes every fixture file under the folder prefix.
func removeUnder(t *testing.T, files map[string]string, prefix string) {
	t.Helper()
	n := 0
	for name := range files {
		if strings.HasPrefix(name, prefix+"/") {
			delete(files, name)
			n++
		}
	}
	if n == 0 {
		t.Fatalf("fixture has no files under %s/", prefix)
	}
}

func TestLoad(t *testing.T) {
	p, err := problems.Load(buildFS(basePackage()), pkgDir)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if p.Slug != "pair-sum" || p.Title != "Pair Sum" || p.Difficulty != "medium" {
		t.Errorf("slug, title, difficulty = %q, %q, %q", p.Slug, p.Title, p.Difficulty)
	}
	if !reflect.DeepEqual(p.Tags, []string{"array", "hash-table"}) {
		t.Errorf("Tags = %q", p.Tags)
	}
	if want := (problems.Limits{Time: 1500 * time.Millisecond, MemoryMB: 128}); p.Limits != want {
		t.Errorf("Limits = %+v, want %+v", p.Limits, want)
	}
	wantSig := problems.Signature{
		Function: "pairSum",
		Params: []problems.Param{
			{Name: "nums", Type: problems.MustParseType("int[]")},
			{Name: "target", Type: problems.MustParseType("long")},
		},
		Returns: problems.MustParseType("int[]"),
	}
	if !reflect.DeepEqual(p.Signature, wantSig) {
		t.Errorf("Signature = %#v, want %#v", p.Signature, wantSig)
	}
	if _, ok := p.Checker.(problems.Exact); !ok {
		t.Errorf("Checker = %#v, want Exact", p.Checker)
	}
	if p.CheckerSpec.Kind != "exact" {
		t.Errorf("CheckerSpec = %+v", p.CheckerSpec)
	}
	if !strings.HasPrefix(p.Statement, "# Pair Sum\n") {
		t.Errorf("Statement = %q", p.Statement)
	}

	wantTests := []problems.Test{
		{Name: "sample-1", Sample: true, Args: []any{[]any{int64(2), int64(7), int64(11), int64(15)}, int64(9)}, Expected: []any{int64(0), int64(1)}},
		{Name: "secret#1", Args: []any{[]any{int64(3), int64(3)}, int64(6)}, Expected: []any{int64(0), int64(1)}},
		// Args follow the signature's order, not the order of the JSON keys.
		{Name: "secret#2", Args: []any{[]any{int64(-1), int64(5)}, int64(9223372036854775807)}, Expected: []any{int64(1), int64(0)}},
	}
	if !reflect.DeepEqual(p.Tests, wantTests) {
		t.Errorf("Tests =\n%#v\nwant\n%#v", p.Tests, wantTests)
	}

	wantSolutions := []problems.Solution{
		{Path: "solutions/solution.go", Ext: "go", Code: "package main\n", Verdict: "AC"},
		{Path: "solutions/solution.py", Ext: "py", Code: "class Solution:\n    pass\n", Verdict: "AC"},
	}
	if !reflect.DeepEqual(p.Solutions, wantSolutions) {
		t.Errorf("Solutions =\n%#v\nwant\n%#v", p.Solutions, wantSolutions)
	}
	wantWrong := []problems.Solution{
		{Path: "wrong/off-by-one.py", Ext: "py", Code: "class Solution:\n    pass  # off by one\n", Verdict: "WA"},
		{Path: "wrong/slow.go", Ext: "go", Code: "package main // slow\n", Verdict: "TLE"},
	}
	if !reflect.DeepEqual(p.Wrong, wantWrong) {
		t.Errorf("Wrong =\n%#v\nwant\n%#v", p.Wrong, wantWrong)
	}
}

func TestLoad_variants(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(t *testing.T, files map[string]string)
		check func(t *testing.T, p *problems.Problem)
	}{
		{
			name: "default limits",
			edit: func(t *testing.T, f map[string]string) {
				replace(t, f, "problem.yaml", "limits:\n  time_ms: 1500\n  memory_mb: 128\n", "")
			},
			check: func(t *testing.T, p *problems.Problem) {
				if want := (problems.Limits{Time: 2 * time.Second, MemoryMB: 256}); p.Limits != want {
					t.Errorf("Limits = %+v, want %+v", p.Limits, want)
				}
			},
		},
		{
			name: "limit bounds",
			edit: func(t *testing.T, f map[string]string) {
				replace(t, f, "problem.yaml", "time_ms: 1500", "time_ms: 60000")
				replace(t, f, "problem.yaml", "memory_mb: 128", "memory_mb: 16")
			},
			check: func(t *testing.T, p *problems.Problem) {
				if want := (problems.Limits{Time: time.Minute, MemoryMB: 16}); p.Limits != want {
					t.Errorf("Limits = %+v, want %+v", p.Limits, want)
				}
			},
		},
		{
			name: "default checker",
			edit: func(t *testing.T, f map[string]string) {
				replace(t, f, "problem.yaml", "checker:\n  kind: exact\n", "")
			},
			check: func(t *testing.T, p *problems.Problem) {
				if _, ok := p.Checker.(problems.Exact); !ok {
					t.Errorf("Checker = %#v, want Exact", p.Checker)
				}
				if p.CheckerSpec.Kind != "" {
					t.Errorf("CheckerSpec.Kind = %q, want it as declared (empty)", p.CheckerSpec.Kind)
				}
			},
		},
		{
			name: "no wrong solutions",
			edit: func(t *testing.T, f map[string]string) {
				replace(t, f, "problem.yaml", "wrong:\n  - {file: wrong/off-by-one.py, verdict: WA}\n  - {file: wrong/slow.go, verdict: TLE}\n", "")
				removeUnder(t, f, "wrong")
			},
			check: func(t *testing.T, p *problems.Problem) {
				if len(p.Wrong) != 0 {
					t.Errorf("Wrong = %#v, want none", p.Wrong)
				}
			},
		},
		{
			name: "every wrong verdict",
			edit: func(t *testing.T, f map[string]string) {
				list := "wrong:\n"
				for _, v := range problems.WrongVerdicts {
					list += "  - {file: wrong/" + v + ".py, verdict: " + v + "}\n"
					f["wrong/"+v+".py"] = v
				}
				replace(t, f, "problem.yaml", "wrong:\n  - {file: wrong/off-by-one.py, verdict: WA}\n  - {file: wrong/slow.go, verdict: TLE}\n", list)
			},
			check: func(t *testing.T, p *problems.Problem) {
				var got []string
				for _, w := range p.Wrong {
					got = append(got, w.Verdict)
					if w.Code != w.Verdict || w.Path != "wrong/"+w.Verdict+".py" {
						t.Errorf("wrong solution %+v does not match its file", w)
					}
				}
				if !reflect.DeepEqual(got, problems.WrongVerdicts) {
					t.Errorf("verdicts = %q, want %q", got, problems.WrongVerdicts)
				}
			},
		},
		{
			name: "wrong file in a subfolder, path cleaned",
			edit: func(t *testing.T, f map[string]string) {
				replace(t, f, "problem.yaml", "wrong/slow.go", "wrong/./go/../go/slow.go")
				f["wrong/go/slow.go"] = "package slow"
			},
			check: func(t *testing.T, p *problems.Problem) {
				if len(p.Wrong) != 2 || p.Wrong[1].Path != "wrong/go/slow.go" || p.Wrong[1].Code != "package slow" {
					t.Errorf("Wrong = %#v", p.Wrong)
				}
			},
		},
		{
			name: "single-case array is not numbered",
			edit: func(t *testing.T, f map[string]string) {
				f["tests/one.json"] = ` [ {"input": {"nums": [], "target": 0}, "output": []} ] `
			},
			check: func(t *testing.T, p *problems.Problem) {
				names := testNames(p.Tests)
				if want := []string{"one", "sample-1", "secret#1", "secret#2"}; !reflect.DeepEqual(names, want) {
					t.Errorf("test names = %q, want %q", names, want)
				}
				if got := p.Tests[0]; !reflect.DeepEqual(got.Args, []any{[]any{}, int64(0)}) || !reflect.DeepEqual(got.Expected, []any{}) {
					t.Errorf("test one = %#v", got)
				}
			},
		},
		{
			name: "sample inside an array file",
			edit: func(t *testing.T, f map[string]string) {
				replace(t, f, "tests/sample-1.json", `"sample": true`, `"sample": false`)
				replace(t, f, "tests/secret.json", `{"input": {"target"`, `{"sample": true, "input": {"target"`)
			},
			check: func(t *testing.T, p *problems.Problem) {
				if names := testNames(p.Samples()); !reflect.DeepEqual(names, []string{"secret#2"}) {
					t.Errorf("samples = %q, want [secret#2]", names)
				}
			},
		},
		{
			name: "no parameters",
			edit: func(t *testing.T, f map[string]string) {
				replace(t, f, "problem.yaml", "  params:\n    - {name: nums, type: \"int[]\"}\n    - {name: target, type: long}\n", "")
				replace(t, f, "problem.yaml", `returns: "int[]"`, "returns: string")
				removeUnder(t, f, "tests")
				f["tests/a.json"] = `{"sample": true, "input": {}, "output": "x"}`
				f["tests/b.json"] = `{"output": "y"}`
			},
			check: func(t *testing.T, p *problems.Problem) {
				want := []problems.Test{
					{Name: "a", Sample: true, Expected: "x"},
					{Name: "b", Expected: "y"},
				}
				if !reflect.DeepEqual(p.Tests, want) {
					t.Errorf("Tests = %#v, want %#v", p.Tests, want)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := basePackage()
			tt.edit(t, files)
			p, err := problems.Load(buildFS(files), pkgDir)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			tt.check(t, p)
		})
	}
}

func testNames(ts []problems.Test) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Name)
	}
	return out
}

func TestLoad_invalid(t *testing.T) {
	const (
		yamlFile = "problem.yaml"
		wrongs   = "wrong:\n  - {file: wrong/off-by-one.py, verdict: WA}\n"
	)
	tests := []struct {
		name string
		edit func(t *testing.T, files map[string]string)
		// The ValidationError must have exactly this File and Field, and its
		// Msg must contain msg.
		file, field, msg string
	}{
		// problem.yaml as a file.
		{"missing problem.yaml", func(t *testing.T, f map[string]string) { delete(f, yamlFile) },
			yamlFile, "", "missing"},
		{"invalid YAML", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "tags: [array, hash-table]", "tags: [array, hash-table")
		},
			yamlFile, "", "yaml:"},
		{"YAML tab indentation", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "  time_ms", "\ttime_ms") },
			yamlFile, "", "yaml:"},
		{"empty problem.yaml", func(t *testing.T, f map[string]string) { f[yamlFile] = "" },
			yamlFile, "", ""},
		{"YAML is a list", func(t *testing.T, f map[string]string) { f[yamlFile] = "- slug: pair-sum\n" },
			yamlFile, "", "cannot unmarshal"},
		{"unknown top-level field", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "title:", "author: me\ntitle:") },
			yamlFile, "", "field author not found"},
		{"misspelled field", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "difficulty:", "dificulty:") },
			yamlFile, "", "field dificulty not found"},
		{"unknown limits field", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "time_ms:", "time:") },
			yamlFile, "", "field time not found"},
		{"unknown param field", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "{name: target, type: long}", "{name: target, type: long, min: 0}")
		},
			yamlFile, "", "field min not found"},
		{"limits of the wrong YAML type", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "time_ms: 1500", "time_ms: fast") },
			yamlFile, "", "cannot unmarshal"},

		// slug, title, difficulty.
		{"missing slug", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "slug: pair-sum\n", "") },
			yamlFile, "slug", `"" is not a slug`},
		{"upper-case slug", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "slug: pair-sum", "slug: Pair-Sum") },
			yamlFile, "slug", `"Pair-Sum" is not a slug`},
		{"underscore slug", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "slug: pair-sum", "slug: pair_sum") },
			yamlFile, "slug", `"pair_sum" is not a slug`},
		{"double dash slug", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "slug: pair-sum", "slug: pair--sum") },
			yamlFile, "slug", `"pair--sum" is not a slug`},
		{"leading dash slug", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "slug: pair-sum", "slug: -pair-sum") },
			yamlFile, "slug", `"-pair-sum" is not a slug`},
		{"trailing dash slug", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "slug: pair-sum", "slug: pair-sum-") },
			yamlFile, "slug", `"pair-sum-" is not a slug`},
		{"slug with space", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "slug: pair-sum", `slug: "pair sum"`) },
			yamlFile, "slug", `"pair sum" is not a slug`},
		{"slug differs from folder", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "slug: pair-sum", "slug: two-sum") },
			yamlFile, "slug", `"two-sum" differs from the folder name "pair-sum"`},
		{"missing title", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "title: Pair Sum\n", "") },
			yamlFile, "title", "missing"},
		{"blank title", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "title: Pair Sum", `title: "  "`) },
			yamlFile, "title", "missing"},
		{"missing difficulty", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "difficulty: medium\n", "") },
			yamlFile, "difficulty", `"" is not one of easy, medium, hard`},
		{"capitalised difficulty", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "difficulty: medium", "difficulty: Medium")
		},
			yamlFile, "difficulty", `"Medium" is not one of easy, medium, hard`},
		{"unknown difficulty", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "difficulty: medium", "difficulty: extreme")
		},
			yamlFile, "difficulty", `"extreme" is not one of easy, medium, hard`},

		// limits.
		{"negative time", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "time_ms: 1500", "time_ms: -1") },
			yamlFile, "limits.time_ms", "-1 is outside 1..60000"},
		{"time too long", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "time_ms: 1500", "time_ms: 60001") },
			yamlFile, "limits.time_ms", "60001 is outside 1..60000"},
		{"memory too small", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "memory_mb: 128", "memory_mb: 15") },
			yamlFile, "limits.memory_mb", "15 is outside 16..4096"},
		{"memory too large", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "memory_mb: 128", "memory_mb: 4097") },
			yamlFile, "limits.memory_mb", "4097 is outside 16..4096"},
		{"negative memory", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "memory_mb: 128", "memory_mb: -256") },
			yamlFile, "limits.memory_mb", "-256 is outside 16..4096"},

		// signature.
		{"missing function", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "  function: pairSum\n", "") },
			yamlFile, "signature.function", `"" is not an identifier`},
		{"function with dash", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "function: pairSum", "function: pair-sum")
		},
			yamlFile, "signature.function", `"pair-sum" is not an identifier`},
		{"function starting with a digit", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "function: pairSum", "function: 2sum")
		},
			yamlFile, "signature.function", `"2sum" is not an identifier`},
		{"param without name", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "{name: target, type: long}", "{type: long}")
		},
			yamlFile, "signature.params[1].name", `"" is not an identifier`},
		{"param name not an identifier", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "{name: nums,", "{name: my nums,") },
			yamlFile, "signature.params[0].name", `"my nums" is not an identifier`},
		{"duplicate param", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "{name: target, type: long}", "{name: nums, type: long}")
		},
			yamlFile, "signature.params[1].name", `"nums" appears twice`},
		{"unknown param type", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "{name: target, type: long}", "{name: target, type: integer}")
		},
			yamlFile, "signature.params[1].type", `unknown type "integer"`},
		{"param type too deep", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, `type: "int[]"`, `type: "int[][][]"`) },
			yamlFile, "signature.params[0].type", `unknown type "int[][][]"`},
		{"param without type", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "{name: target, type: long}", "{name: target}")
		},
			yamlFile, "signature.params[1].type", `unknown type ""`},
		{"missing return type", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "  returns: \"int[]\"\n", "") },
			yamlFile, "signature.returns", `unknown type ""`},
		{"unknown return type", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, `returns: "int[]"`, "returns: void") },
			yamlFile, "signature.returns", `unknown type "void"`},
		{"unknown checker", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "kind: exact", "kind: sorted") },
			yamlFile, "checker", `unknown checker "sorted"`},
		{"custom checker file missing", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "kind: exact", "kind: custom\n  file: check.py")
		}, yamlFile, "checker.file", "missing"},
		{"custom checker outside the folder", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "kind: exact", "kind: custom\n  file: ../check.py")
		}, yamlFile, "checker.file", "is not a .py file in the problem folder"},

		// statement.md.
		{"missing statement.md", func(t *testing.T, f map[string]string) { delete(f, "statement.md") },
			"statement.md", "", "missing"},
		{"blank statement.md", func(t *testing.T, f map[string]string) { f["statement.md"] = " \n\t\n" },
			"statement.md", "", "empty"},

		// tests/.
		{"no tests folder", func(t *testing.T, f map[string]string) { removeUnder(t, f, "tests") },
			"tests", "", "missing"},
		{"no JSON test files", func(t *testing.T, f map[string]string) {
			delete(f, "tests/sample-1.json")
			delete(f, "tests/secret.json")
		}, "tests", "", "no test cases (add tests/*.json)"},
		{"empty array of cases only", func(t *testing.T, f map[string]string) {
			delete(f, "tests/sample-1.json")
			f["tests/secret.json"] = "[]"
		}, "tests", "", "no test cases"},
		{"no sample test", func(t *testing.T, f map[string]string) {
			replace(t, f, "tests/sample-1.json", `"sample": true`, `"sample": false`)
		},
			"tests", "", `no sample test (mark at least one with "sample": true)`},
		{"test file not JSON", func(t *testing.T, f map[string]string) { f["tests/sample-1.json"] = "sample: true" },
			"tests/sample-1.json", "", "invalid character"},
		{"test file empty", func(t *testing.T, f map[string]string) { f["tests/sample-1.json"] = "" },
			"tests/sample-1.json", "", "empty file"},
		{"test file unknown key", func(t *testing.T, f map[string]string) { replace(t, f, "tests/sample-1.json", `"output"`, `"outptu"`) },
			"tests/sample-1.json", "", `unknown field "outptu"`},
		{"test file sample not a bool", func(t *testing.T, f map[string]string) {
			replace(t, f, "tests/sample-1.json", `"sample": true`, `"sample": "yes"`)
		},
			"tests/sample-1.json", "", "cannot unmarshal"},
		{"test input not an object", func(t *testing.T, f map[string]string) {
			f["tests/sample-1.json"] = `{"sample": true, "input": [[2, 7], 9], "output": [0, 1]}`
		}, "tests/sample-1.json", "", "cannot unmarshal"},
		{"test missing an input param", func(t *testing.T, f map[string]string) { replace(t, f, "tests/sample-1.json", `, "target": 9`, "") },
			"tests/sample-1.json", "input.target", "missing"},
		{"test without input", func(t *testing.T, f map[string]string) {
			f["tests/sample-1.json"] = `{"sample": true, "output": [0, 1]}`
		}, "tests/sample-1.json", "input.nums", "missing"},
		{"test with an extra input key", func(t *testing.T, f map[string]string) {
			replace(t, f, "tests/sample-1.json", `"target": 9`, `"target": 9, "k": 2`)
		},
			"tests/sample-1.json", "input.k", "not a parameter of pairSum"},
		{"test input key differs in case", func(t *testing.T, f map[string]string) {
			replace(t, f, "tests/sample-1.json", `"target": 9`, `"target": 9, "Nums": []`)
		},
			"tests/sample-1.json", "input.Nums", "not a parameter of pairSum"},
		{"test input of the wrong type", func(t *testing.T, f map[string]string) {
			replace(t, f, "tests/sample-1.json", `"target": 9`, `"target": "9"`)
		},
			"tests/sample-1.json", "input.target", `want long, got string "9"`},
		{"test input element of the wrong type", func(t *testing.T, f map[string]string) {
			replace(t, f, "tests/sample-1.json", "[2, 7, 11, 15]", "[2, 7, 11.5, 15]")
		},
			"tests/sample-1.json", "input.nums", "[2]: want int, got 11.5"},
		{"test input out of int range", func(t *testing.T, f map[string]string) {
			replace(t, f, "tests/sample-1.json", "[2, 7, 11, 15]", "[2, 7, 2147483648]")
		},
			"tests/sample-1.json", "input.nums", "[2]: 2147483648 is out of the 32-bit int range"},
		{"test input null", func(t *testing.T, f map[string]string) {
			replace(t, f, "tests/sample-1.json", "[2, 7, 11, 15]", "null")
		},
			"tests/sample-1.json", "input.nums", "want int[], got null"},
		{"test output of the wrong type", func(t *testing.T, f map[string]string) {
			replace(t, f, "tests/sample-1.json", `"output": [0, 1]`, `"output": "0 1"`)
		},
			"tests/sample-1.json", "output", `want int[], got string "0 1"`},
		{"test output element of the wrong type", func(t *testing.T, f map[string]string) {
			replace(t, f, "tests/sample-1.json", `"output": [0, 1]`, `"output": [0, true]`)
		},
			"tests/sample-1.json", "output", "[1]: want int, got bool true"},
		{"test output nested too deep", func(t *testing.T, f map[string]string) {
			replace(t, f, "tests/sample-1.json", `"output": [0, 1]`, `"output": [[0, 1]]`)
		},
			"tests/sample-1.json", "output", "[0]: want int, got an array"},
		{"test output null", func(t *testing.T, f map[string]string) {
			replace(t, f, "tests/sample-1.json", `"output": [0, 1]`, `"output": null`)
		},
			"tests/sample-1.json", "output", "want int[], got null"},
		{"test without output", func(t *testing.T, f map[string]string) {
			replace(t, f, "tests/sample-1.json", `, "output": [0, 1]`, "")
		},
			"tests/sample-1.json", "output", "missing"},
		{"array case missing an input param", func(t *testing.T, f map[string]string) {
			replace(t, f, "tests/secret.json", `{"target": 9223372036854775807, `, `{`)
		},
			"tests/secret.json", "[1].input.target", "missing"},
		{"array case with an extra input key", func(t *testing.T, f map[string]string) {
			replace(t, f, "tests/secret.json", `"target": 6}`, `"target": 6, "extra": 1}`)
		},
			"tests/secret.json", "[0].input.extra", "not a parameter of pairSum"},
		{"array case output of the wrong type", func(t *testing.T, f map[string]string) {
			replace(t, f, "tests/secret.json", `"output": [1, 0]`, `"output": 1`)
		},
			"tests/secret.json", "[1].output", "want int[], got number 1"},
		{"array case input out of long range", func(t *testing.T, f map[string]string) {
			replace(t, f, "tests/secret.json", "9223372036854775807", "9223372036854775808")
		}, "tests/secret.json", "[1].input.target", "want long, got 9223372036854775808"},
		{"array case without output", func(t *testing.T, f map[string]string) { replace(t, f, "tests/secret.json", `, "output": [0, 1]`, "") },
			"tests/secret.json", "[0].output", "missing"},
		{"array case unknown key", func(t *testing.T, f map[string]string) {
			replace(t, f, "tests/secret.json", `"output": [1, 0]`, `"expected": [1, 0]`)
		},
			"tests/secret.json", "", `unknown field "expected"`},
		{"array of non-objects", func(t *testing.T, f map[string]string) { f["tests/secret.json"] = "[1, 2]" },
			"tests/secret.json", "", "cannot unmarshal"},
		{"one-element array case with an error", func(t *testing.T, f map[string]string) {
			f["tests/secret.json"] = `[{"input": {"nums": [], "target": 0}, "output": [""]}]`
		}, "tests/secret.json", "output", `[0]: want int, got string ""`},

		// solutions/.
		{"no solutions folder", func(t *testing.T, f map[string]string) { removeUnder(t, f, "solutions") },
			"solutions", "", "missing"},
		{"solutions folder with only a hidden file", func(t *testing.T, f map[string]string) {
			removeUnder(t, f, "solutions")
			f["solutions/.gitkeep"] = ""
		}, "solutions", "", "no reference solution"},
		{"solutions folder with only a subfolder", func(t *testing.T, f map[string]string) {
			removeUnder(t, f, "solutions")
			f["solutions/py/solution.py"] = "pass"
		}, "solutions", "", "no reference solution"},

		// wrong solutions.
		{"wrong verdict AC", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "verdict: TLE", "verdict: AC") },
			yamlFile, "wrong[1].verdict", `"AC" is not one of WA, TLE, RE, CE, MLE, OLE`},
		{"wrong verdict lower case", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "verdict: WA", "verdict: wa") },
			yamlFile, "wrong[0].verdict", `"wa" is not one of`},
		{"wrong verdict missing", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "{file: wrong/off-by-one.py, verdict: WA}", "{file: wrong/off-by-one.py}")
		},
			yamlFile, "wrong[0].verdict", `"" is not one of`},
		{"wrong file missing", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "wrong/slow.go", "wrong/fast.go") },
			yamlFile, "wrong[1].file", "missing"},
		{"wrong file not given", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "{file: wrong/off-by-one.py, verdict: WA}", "{verdict: WA}")
		},
			yamlFile, "wrong[0].file", `"" is not a file under wrong/`},
		{"wrong file in solutions", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "wrong/off-by-one.py", "solutions/solution.py")
		},
			yamlFile, "wrong[0].file", `"solutions/solution.py" is not a file under wrong/`},
		{"wrong file escaping with dot-dot", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "wrong/off-by-one.py", "wrong/../solutions/solution.py")
		},
			yamlFile, "wrong[0].file", `"wrong/../solutions/solution.py" is not a file under wrong/`},
		{"wrong file outside the problem", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "wrong/off-by-one.py", "../pair-sum/wrong/off-by-one.py")
		},
			yamlFile, "wrong[0].file", `"../pair-sum/wrong/off-by-one.py" is not a file under wrong/`},
		{"wrong file absolute", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "wrong/off-by-one.py", "/wrong/off-by-one.py")
		},
			yamlFile, "wrong[0].file", `"/wrong/off-by-one.py" is not a file under wrong/`},
		{"wrong file is the folder", func(t *testing.T, f map[string]string) { replace(t, f, yamlFile, "wrong/off-by-one.py", "wrong/") },
			yamlFile, "wrong[0].file", `"wrong/" is not a file under wrong/`},
		{"wrong file is a subfolder", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "wrong/off-by-one.py", "wrong/dir")
			f["wrong/dir/x.py"] = "x"
		}, yamlFile, "wrong[0].file", ""},
		{"wrong list not a list", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "wrong:\n  - {file: wrong/off-by-one.py, verdict: WA}\n  - {file: wrong/slow.go, verdict: TLE}\n", "wrong: wrong/off-by-one.py\n")
		}, yamlFile, "", "cannot unmarshal"},
		{"unknown wrong field", func(t *testing.T, f map[string]string) {
			replace(t, f, yamlFile, "verdict: WA}", "verdict: WA, lang: py}")
		},
			yamlFile, "", "field lang not found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := basePackage()
			tt.edit(t, files)
			p, err := problems.Load(buildFS(files), pkgDir)
			if err == nil {
				t.Fatalf("Load succeeded (%q), want a ValidationError on %s %s", p.Slug, tt.file, tt.field)
			}
			if p != nil {
				t.Errorf("Load returned a problem with its error")
			}
			t.Log(err)
			var verr *problems.ValidationError
			if !errors.As(err, &verr) {
				t.Fatalf("Load error %T %q, want a *ValidationError", err, err)
			}
			if verr.Problem != "pair-sum" || verr.File != tt.file || verr.Field != tt.field {
				t.Errorf("ValidationError{Problem: %q, File: %q, Field: %q}, want {%q, %q, %q}\nerror: %v",
					verr.Problem, verr.File, verr.Field, "pair-sum", tt.file, tt.field, err)
			}
			if !strings.Contains(verr.Msg, tt.msg) {
				t.Errorf("Msg = %q, want it to contain %q", verr.Msg, tt.msg)
			}
			if verr.Msg == "" {
				t.Error("Msg is empty")
			}
			// Error() names the problem, the file and the field.
			msg := err.Error()
			prefix := "pair-sum/" + tt.file + ": "
			if tt.field != "" {
				prefix += tt.field + ": "
			}
			if !strings.HasPrefix(msg, prefix) {
				t.Errorf("Error() = %q, want it to start with %q", msg, prefix)
			}
			// The file is named once by the ValidationError; an fs.PathError
			// must not repeat the full path in the message.
			if strings.Contains(verr.Msg, pkgDir) {
				t.Errorf("Msg = %q repeats the package path", verr.Msg)
			}
		})
	}
}

// TestLoad_testFileTrailingData covers test files that hold more than one JSON
// value, as when an author writes JSON Lines or pastes a case twice. Every
// case after the first would silently never be run, so Load must reject the
// file, as Type.Decode rejects a second value.
func TestLoad_testFileTrailingData(t *testing.T) {
	tests := []struct {
		name string
		body string
	}{
		{"two objects (JSON Lines)", `{"sample": true, "input": {"nums": [2, 7], "target": 9}, "output": [0, 1]}
{"input": {"nums": [3, 3], "target": 6}, "output": [0, 1]}`},
		{"array then object", `[{"sample": true, "input": {"nums": [2, 7], "target": 9}, "output": [0, 1]}]
{"input": {"nums": [3, 3], "target": 6}, "output": [0, 1]}`},
		{"object then garbage", `{"sample": true, "input": {"nums": [2, 7], "target": 9}, "output": [0, 1]} oops`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := basePackage()
			files["tests/sample-1.json"] = tt.body
			p, err := problems.Load(buildFS(files), pkgDir)
			var verr *problems.ValidationError
			if !errors.As(err, &verr) || verr.File != "tests/sample-1.json" {
				var names []string
				if p != nil {
					names = testNames(p.Tests)
				}
				t.Fatalf("Load error = %v (tests loaded: %q), want a ValidationError on tests/sample-1.json", err, names)
			}
		})
	}
}

func TestValidationError_Error(t *testing.T) {
	tests := []struct {
		name string
		err  problems.ValidationError
		want string
	}{
		{"file and field", problems.ValidationError{Problem: "two-sum", File: "problem.yaml", Field: "slug", Msg: "bad"},
			"two-sum/problem.yaml: slug: bad"},
		{"file only", problems.ValidationError{Problem: "two-sum", File: "statement.md", Msg: "missing"},
			"two-sum/statement.md: missing"},
		{"field with index", problems.ValidationError{Problem: "p", File: "tests/a.json", Field: "[1].input.x", Msg: "missing"},
			"p/tests/a.json: [1].input.x: missing"},
		{"problem only", problems.ValidationError{Problem: "p", Msg: "broken"},
			"p: broken"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLoadAll_bundled(t *testing.T) {
	ps, err := problems.LoadAll(examples.Problems, "problems")
	if err != nil {
		t.Fatalf("LoadAll(examples.Problems): %v", err)
	}
	if len(ps) < 5 {
		t.Fatalf("LoadAll loaded %d problems, want at least 5", len(ps))
	}
	entries, err := fs.ReadDir(examples.Problems, "problems")
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, e.Name())
		}
	}
	var slugs []string
	for _, p := range ps {
		slugs = append(slugs, p.Slug)
	}
	if !sort.StringsAreSorted(slugs) {
		t.Errorf("slugs not sorted: %q", slugs)
	}
	if !reflect.DeepEqual(slugs, dirs) {
		t.Errorf("slugs = %q, want one per folder %q", slugs, dirs)
	}

	for _, p := range ps {
		t.Run(p.Slug, func(t *testing.T) {
			if strings.TrimSpace(p.Title) == "" || strings.TrimSpace(p.Statement) == "" {
				t.Errorf("title %q or statement empty", p.Title)
			}
			if !slices.Contains(problems.Difficulties, p.Difficulty) {
				t.Errorf("difficulty %q", p.Difficulty)
			}
			if p.Checker == nil && (p.CheckerSpec.Kind != "custom" || p.CustomChecker == "") {
				t.Error("no checker")
			}
			if p.Limits.Time <= 0 || p.Limits.MemoryMB <= 0 {
				t.Errorf("limits %+v", p.Limits)
			}
			if len(p.Samples()) == 0 {
				t.Error("no sample tests")
			}
			if len(p.Tests) <= len(p.Samples()) {
				t.Errorf("%d tests, %d samples: want hidden tests too", len(p.Tests), len(p.Samples()))
			}
			if len(p.Solutions) == 0 {
				t.Error("no reference solutions")
			}
			sols, wrong := "solutions/", "wrong/"
			if p.Mode == problems.ModeIO {
				sols, wrong = "submissions/accepted/", "submissions/"
			}
			for _, s := range p.Solutions {
				if s.Verdict != "AC" || s.Ext == "" || s.Code == "" || !strings.HasPrefix(s.Path, sols) {
					t.Errorf("solution %s: verdict %q, ext %q, %d bytes", s.Path, s.Verdict, s.Ext, len(s.Code))
				}
			}
			if len(p.Wrong) == 0 {
				t.Error("no wrong solutions")
			}
			for _, w := range p.Wrong {
				if !slices.Contains(problems.WrongVerdicts, w.Verdict) || w.Ext == "" || w.Code == "" || !strings.HasPrefix(w.Path, wrong) {
					t.Errorf("wrong solution %s: verdict %q, ext %q, %d bytes", w.Path, w.Verdict, w.Ext, len(w.Code))
				}
			}
			names := map[string]bool{}
			for _, tc := range p.Tests {
				if names[tc.Name] {
					t.Errorf("test name %q twice", tc.Name)
				}
				names[tc.Name] = true
				if len(tc.Args) != len(p.Signature.Params) {
					t.Errorf("test %s: %d args for %d params", tc.Name, len(tc.Args), len(p.Signature.Params))
					continue
				}
				// Every value is canonical: it survives Encode and Decode.
				for i, prm := range p.Signature.Params {
					back, err := prm.Type.Decode(problems.Encode(tc.Args[i]))
					if err != nil || !problems.Equal(back, tc.Args[i]) {
						t.Errorf("test %s: arg %s does not round-trip: %v", tc.Name, prm.Name, err)
					}
				}
				back, err := p.Signature.Returns.Decode(problems.Encode(tc.Expected))
				if err != nil || !problems.Equal(back, tc.Expected) {
					t.Errorf("test %s: expected value does not round-trip: %v", tc.Name, err)
				}
			}
		})
	}

	t.Run("two-sum in detail", func(t *testing.T) {
		i := slices.IndexFunc(ps, func(p *problems.Problem) bool { return p.Slug == "two-sum" })
		if i < 0 {
			t.Fatal("two-sum not loaded")
		}
		p := ps[i]
		if p.Title != "Two Sum" || p.Difficulty != "easy" {
			t.Errorf("title %q, difficulty %q", p.Title, p.Difficulty)
		}
		if want := (problems.Limits{Time: time.Second, MemoryMB: 256}); p.Limits != want {
			t.Errorf("Limits = %+v, want %+v", p.Limits, want)
		}
		sig := p.Signature
		if sig.Function != "twoSum" || len(sig.Params) != 2 ||
			sig.Params[0].Name != "nums" || sig.Params[0].Type.String() != "int[]" ||
			sig.Params[1].Name != "target" || sig.Params[1].Type.String() != "int" ||
			sig.Returns.String() != "int[]" {
			t.Errorf("Signature = %+v", sig)
		}
		samples := p.Samples()
		if len(samples) != 3 || samples[0].Name != "sample-1" {
			t.Fatalf("samples = %q", testNames(samples))
		}
		want := problems.Test{
			Name:     "sample-1",
			Sample:   true,
			Args:     []any{[]any{int64(2), int64(7), int64(11), int64(15)}, int64(9)},
			Expected: []any{int64(0), int64(1)},
		}
		if !reflect.DeepEqual(samples[0], want) {
			t.Errorf("sample-1 = %#v, want %#v", samples[0], want)
		}
		var verdicts []string
		for _, w := range p.Wrong {
			verdicts = append(verdicts, w.Verdict)
		}
		if want := []string{"WA", "TLE", "RE", "CE"}; !reflect.DeepEqual(verdicts, want) {
			t.Errorf("wrong verdicts = %q, want %q", verdicts, want)
		}
	})
}

func TestLoadAll(t *testing.T) {
	valid := func(slug string) fstest.MapFS {
		files := basePackage()
		files["problem.yaml"] = strings.Replace(baseYAML, "slug: pair-sum", "slug: "+slug, 1)
		fsys := fstest.MapFS{}
		for name, body := range files {
			fsys[path.Join("root", slug, name)] = &fstest.MapFile{Data: []byte(body)}
		}
		return fsys
	}
	merge := func(all ...fstest.MapFS) fstest.MapFS {
		out := fstest.MapFS{}
		for _, m := range all {
			for k, v := range m {
				out[k] = v
			}
		}
		return out
	}

	t.Run("sorted, skipping files and hidden folders", func(t *testing.T) {
		fsys := merge(valid("zeta"), valid("alpha"), valid("mid-1"))
		fsys["root/README.md"] = &fstest.MapFile{Data: []byte("# problems")}
		fsys["root/.draft/problem.yaml"] = &fstest.MapFile{Data: []byte("not: valid")}
		ps, err := problems.LoadAll(fsys, "root")
		if err != nil {
			t.Fatalf("LoadAll: %v", err)
		}
		var slugs []string
		for _, p := range ps {
			slugs = append(slugs, p.Slug)
		}
		if want := []string{"alpha", "mid-1", "zeta"}; !reflect.DeepEqual(slugs, want) {
			t.Errorf("slugs = %q, want %q", slugs, want)
		}
	})

	t.Run("one broken package fails the set", func(t *testing.T) {
		fsys := merge(valid("alpha"), valid("beta"))
		delete(fsys, "root/beta/statement.md")
		ps, err := problems.LoadAll(fsys, "root")
		var verr *problems.ValidationError
		if !errors.As(err, &verr) {
			t.Fatalf("LoadAll = %d problems, %v; want a *ValidationError", len(ps), err)
		}
		if verr.Problem != "beta" || verr.File != "statement.md" {
			t.Errorf("error %q, want it on beta/statement.md", err)
		}
		if ps != nil {
			t.Errorf("LoadAll returned %d problems with its error", len(ps))
		}
	})

	t.Run("empty root", func(t *testing.T) {
		fsys := fstest.MapFS{"root": &fstest.MapFile{Mode: fs.ModeDir | 0o755}}
		ps, err := problems.LoadAll(fsys, "root")
		if err != nil || len(ps) != 0 {
			t.Errorf("LoadAll(empty) = %d problems, %v; want none and no error", len(ps), err)
		}
	})

	t.Run("missing root", func(t *testing.T) {
		ps, err := problems.LoadAll(fstest.MapFS{}, "nowhere")
		if err == nil {
			t.Fatalf("LoadAll(missing root) = %d problems, want an error", len(ps))
		}
		if !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "read problems") {
			t.Errorf("error = %v, want a wrapped fs.ErrNotExist saying it reads problems", err)
		}
	})
}

func TestProblem_Samples(t *testing.T) {
	p := &problems.Problem{Tests: []problems.Test{
		{Name: "a", Sample: true},
		{Name: "b"},
		{Name: "c", Sample: true},
		{Name: "d"},
	}}
	if got := testNames(p.Samples()); !reflect.DeepEqual(got, []string{"a", "c"}) {
		t.Errorf("Samples() = %q, want [a c]", got)
	}
	if got := (&problems.Problem{Tests: []problems.Test{{Name: "x"}}}).Samples(); len(got) != 0 {
		t.Errorf("Samples() with no samples = %#v, want none", got)
	}
}
