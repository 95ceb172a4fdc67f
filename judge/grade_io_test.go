package judge_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/judgehq/judge/judge"
	"github.com/judgehq/judge/judge/api"
)

// TestGrader_Grade_io judges whole programs of an ICPC-format problem: the
// program's stdout is the test's answer, its exit status and stderr a crash.
func TestGrader_Grade_io(t *testing.T) {
	needPython(t)
	p := problem(t, "difference")
	for _, tc := range []struct {
		name    string
		code    string
		run     bool
		verdict api.Verdict
		msg     string // in the result's message
	}{
		{"accepted", pythonSolution(t, p), false, api.Accepted, ""},
		{"spacing and case do not matter", `import sys
for line in sys.stdin:
    a, b = map(int, line.split())
    print("  ", abs(a - b), end="\t\n")
`, false, api.Accepted, ""},
		{"wrong answer on a sample shows it", "print(2)\n", false, api.WrongAnswer, "the output ends after 1 tokens; expected \"71293781685339\" next"},
		{"wrong answer on a hidden test hides it", `import sys
for line in sys.stdin:
    a, b = map(int, line.split())
    print(abs(a - b) if a < 10**14 else 0)
`, false, api.WrongAnswer, "failed on test"},
		{"runtime error keeps stderr", "import sys\nsys.stderr.write('bad input\\n')\nsys.exit(3)\n", false, api.RuntimeError, "bad input\nthe program exited with status 3"},
		{"signal", "import os, signal\nos.kill(os.getpid(), signal.SIGSEGV)\n", false, api.RuntimeError, "killed by signal 11"},
		{"time limit", "while True:\n    pass\n", false, api.TimeLimit, ""},
		{"output limit", "import sys\nsys.stdout.write('x' * (3 << 20))\n", false, api.OutputLimit, "output limit exceeded"},
		{"memory limit", "x = bytearray(1 << 30)\n", false, api.MemoryLimit, ""},
		{"syntax error", "def (:\n", false, api.CompileError, "SyntaxError"},
		{"no output", "", false, api.WrongAnswer, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := grade(t, p, tc.code, tc.run)
			if res.Verdict != tc.verdict || !strings.Contains(res.Message, tc.msg) {
				t.Errorf("verdict %s, message %q; want %s with %q\n%s", res.Verdict, res.Message, tc.verdict, tc.msg, describe(res))
			}
		})
	}
}

// TestGrader_Grade_ioRun reports every sample of an io problem in run mode,
// the program's output as the actual value.
func TestGrader_Grade_ioRun(t *testing.T) {
	needPython(t)
	p := problem(t, "polygon-area")
	res := grade(t, p, "print(6)\n", true)
	if res.Verdict != api.WrongAnswer || len(res.Tests) != 2 {
		t.Fatalf("verdict %s with %d tests, want WA with both samples: %s", res.Verdict, len(res.Tests), describe(res))
	}
	first, second := res.Tests[0], res.Tests[1]
	if first.Verdict != api.Accepted || string(first.Actual) != `"6\n"` || string(first.Expected) != `"6.000000\n"` {
		t.Errorf("sample 1: %+v", first)
	}
	if second.Verdict != api.WrongAnswer || !strings.Contains(second.Message, "tolerance") {
		t.Errorf("sample 2: %+v", second)
	}
}

// TestGrader_Grade_ioLanguageWithoutIO refuses a language with no io
// section as the judge's error, not as a verdict.
func TestGrader_Grade_ioLanguageWithoutIO(t *testing.T) {
	p := problem(t, "difference")
	g := newGrader()
	rts := map[string]bool{}
	for name, rt := range g.Runtimes {
		cp := *rt
		cp.IO = nil
		g.Runtimes[name] = &cp
		rts[name] = true
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := g.Grade(ctx, judge.GradeRequest{Problem: p, Language: "python", Code: "print(1)", Tests: p.Samples()})
	if err == nil || !strings.Contains(err.Error(), "stdin/stdout") {
		t.Errorf("Grade: %v, want an unknown-language error for stdin/stdout problems", err)
	}
}
