package judge_test

import (
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/judgehq/judge/harness"
	"github.com/judgehq/judge/judge"
	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/problems"
)

func TestRoundTrip_java(t *testing.T) {
	java, ok := harness.Get("java")
	if !ok {
		t.Fatal("no java harness")
	}
	roundTrip(t, "java", "javac", func(sig problems.Signature) string {
		// The stub itself, with the body filled in: the echo also checks
		// that what users start from compiles against the harness.
		const body = "{\n        \n    }"
		stub := java.Stub(sig)
		if !strings.Contains(stub, body) {
			t.Errorf("stub without an empty body:\n%s", stub)
		}
		return strings.Replace(stub, body, "{\n        return x;\n    }", 1)
	})
}

// gradeIn grades code in lang on p's tests: all of them when run is false,
// the samples with every test reported when run is true.
func gradeIn(t *testing.T, lang string, p *problems.Problem, code string, run bool) *api.Result {
	t.Helper()
	tests := p.Tests
	if run {
		tests = p.Samples()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := newGrader().Grade(ctx, judge.GradeRequest{Problem: p, Language: lang, Code: code, Tests: tests, AllTests: run})
	if err != nil {
		t.Fatalf("Grade returned an error (the judge's fault) for a verdict about the code: %v", err)
	}
	return res
}

// singleTestProblem returns a problem named slug with signature sig and one sample
// test: args, expecting want (JSON values of the signature's types).
func singleTestProblem(t *testing.T, sig problems.Signature, want string, args ...string) *problems.Problem {
	t.Helper()
	decode := func(typ problems.Type, raw string) any {
		v, err := typ.Decode([]byte(raw))
		if err != nil {
			t.Fatalf("bad value %s for %s: %v", raw, typ, err)
		}
		return v
	}
	test := problems.Test{Name: "1", Sample: true, Expected: decode(sig.Returns, want)}
	for i, a := range args {
		test.Args = append(test.Args, decode(sig.Params[i].Type, a))
	}
	return &problems.Problem{
		Slug: sig.Function, Title: sig.Function, Difficulty: "easy", Checker: problems.Exact{},
		Limits:    problems.Limits{Time: 5 * time.Second, MemoryMB: 256},
		Signature: sig,
		Tests:     []problems.Test{test},
	}
}

// typesSig builds a signature from type names: name(params...) returns.
func typesSig(name, returns string, params ...string) problems.Signature {
	sig := problems.Signature{Function: name, Returns: problems.MustParseType(returns)}
	for i, p := range params {
		sig.Params = append(sig.Params, problems.Param{Name: string(rune('a' + i)), Type: problems.MustParseType(p)})
	}
	return sig
}

// langVerdictCase is code in some language and the verdict it must get, with
// words its message must and must not hold.
type langVerdictCase struct {
	name    string
	p       *problems.Problem
	code    string
	want    api.Verdict
	msg     []string
	notMsg  []string
	stdout  string
	runMode bool
}

func checkLangVerdicts(t *testing.T, lang, tool string, cases []langVerdictCase) {
	t.Helper()
	skipWithout(t, tool)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := gradeIn(t, lang, tc.p, tc.code, tc.runMode)
			if res.Verdict != tc.want {
				t.Fatalf("verdict %s, want %s: %s", res.Verdict, tc.want, describe(res))
			}
			for _, w := range tc.msg {
				if !strings.Contains(res.Message, w) {
					t.Errorf("message does not hold %q:\n%s", w, res.Message)
				}
			}
			for _, w := range tc.notMsg {
				if strings.Contains(res.Message, w) {
					t.Errorf("message holds %q:\n%s", w, res.Message)
				}
			}
			if tc.runMode && tc.stdout != "" {
				if len(res.Tests) == 0 || res.Tests[0].Stdout != tc.stdout {
					t.Errorf("first test's stdout is not %q: %s", tc.stdout, describe(res))
				}
			}
		})
	}
}

func skipWithout(t *testing.T, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s not on PATH", tool)
	}
}

// TestGrader_Grade_java: Java's verdicts and messages, beyond echoing values.
func TestGrader_Grade_java(t *testing.T) {
	t.Parallel()
	twoSum := problem(t, "two-sum")
	const solve = `
        Map<Integer, Integer> seen = new HashMap<>();
        for (int i = 0; ; i++) {
            Integer j = seen.get(target - nums[i]);
            if (j != null) {
                return new int[] {j, i};
            }
            seen.put(nums[i], i);
        }
`
	frame := func(body string) string {
		return "class Solution {\n    public int[] twoSum(int[] nums, int target) {" + body + "    }\n}\n"
	}
	cyclic := "class Solution {\n    public ListNode f(ListNode a) {\n        a.next = a;\n        return a;\n    }\n}\n"
	checkLangVerdicts(t, "java", "javac", []langVerdictCase{
		{name: "accepted, printing", p: twoSum, runMode: true, stdout: "target 9 ünï\n",
			code: frame(`
        System.out.println("target " + target + " ünï");` + solve),
			want: api.Accepted},
		{name: "java.util without imports", p: twoSum, code: frame(solve), want: api.Accepted},
		{name: "compile error", p: twoSum, code: frame("\n        return nums\n"), want: api.CompileError,
			msg: []string{"Solution.java:3: error: ';' expected"}},
		{name: "wrong method", p: twoSum, code: "class Solution {\n    public int[] twoSums(int[] nums, int target) { return nums; }\n}\n",
			want: api.CompileError, msg: []string{"twoSum"}},
		{name: "exception", p: twoSum, code: frame("\n        throw new IllegalStateException(\"boom \" + helper(nums));\n    }\n    int helper(int[] a) {\n        return a[a.length];\n"),
			want:   api.RuntimeError,
			msg:    []string{"java.lang.ArrayIndexOutOfBoundsException", "at Solution.helper(Solution.java:6)", "at Solution.twoSum(Solution.java:3)"},
			notMsg: []string{"JudgeHarness", "at Main", "Thread.run"}},
		// Unwinding a full stack takes 0.3 s on an idle machine: the
		// problem's 5 s keep it from a TLE on a busy one.
		{name: "stack overflow", p: singleTestProblem(t, typesSig("depth", "int", "int"), "0", "1"),
			code: "class Solution {\n    public int depth(int n) {\n        return 1 + depth(n + 1);\n    }\n}\n",
			want: api.RuntimeError, msg: []string{"java.lang.StackOverflowError", "at Solution.depth(Solution.java:3)", "more"}},
		{name: "deep recursion", p: singleTestProblem(t, typesSig("depth", "int", "int"), "1000000", "1000000"),
			code: "class Solution {\n    public int depth(int n) {\n        return n == 0 ? 0 : 1 + depth(n - 1);\n    }\n}\n",
			want: api.Accepted},
		{name: "narrower return type", p: singleTestProblem(t, typesSig("f", "long", "int"), "3", "3"),
			code: "class Solution {\n    public int f(int n) {\n        return n;\n    }\n}\n", want: api.Accepted},
		{name: "exit", p: twoSum, code: frame("\n        System.exit(0);\n        return null;\n"), want: api.RuntimeError},
		{name: "null array", p: twoSum, code: frame("\n        return null;\n"), want: api.WrongAnswer},
		{name: "NaN", p: singleTestProblem(t, typesSig("f", "double", "double"), "0", "1"),
			code: "class Solution {\n    public double f(double a) {\n        return Double.NaN;\n    }\n}\n",
			want: api.RuntimeError, msg: []string{"NaN is not a finite double"}},
		{name: "cyclic list", p: singleTestProblem(t, typesSig("f", "ListNode", "ListNode"), "[1]", "[1]"), code: cyclic,
			want: api.RuntimeError, msg: []string{"cycle"}},
	})
}
