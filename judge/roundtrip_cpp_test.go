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

func TestRoundTrip_cpp(t *testing.T) {
	cpp, ok := harness.Get("cpp")
	if !ok {
		t.Fatal("no cpp harness")
	}
	roundTrip(t, "cpp", "g++", func(sig problems.Signature) string {
		// The stub itself, with the body filled in: the echo also checks
		// that what users start from compiles against the harness.
		const body = "{\n        \n    }"
		stub := cpp.Stub(sig)
		if !strings.Contains(stub, body) {
			t.Errorf("stub without an empty body:\n%s", stub)
		}
		return strings.Replace(stub, body, "{\n        return x;\n    }", 1)
	})
}

// cFamilyCase is a two-sum submission in C or C++ and what grading it must
// give.
type cFamilyCase struct {
	name    string
	code    string
	verdict api.Verdict
	// message holds what the result's message must contain.
	message []string
	// stdout, if set, is what the first sample must have printed, in run
	// mode.
	stdout string
}

// checkCFamily grades each case on two-sum in lang (compiled with tool) and
// checks its verdict, message and captured output.
func checkCFamily(t *testing.T, lang, tool string, cases []cFamilyCase) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s not on PATH", tool)
	}
	p := problem(t, "two-sum")
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			for _, run := range []bool{false, true} {
				if run && tc.stdout == "" {
					continue
				}
				tests := p.Tests
				if run {
					tests = p.Samples()
				}
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
				res, err := newGrader().Grade(ctx, judge.GradeRequest{Problem: p, Language: lang, Code: tc.code, Tests: tests, AllTests: run})
				cancel()
				if err != nil {
					t.Fatalf("run mode %t: Grade returned an error (the judge's fault): %v", run, err)
				}
				if res.Verdict != tc.verdict {
					t.Fatalf("run mode %t: verdict %s, want %s: %s", run, res.Verdict, tc.verdict, describe(res))
				}
				if run {
					if len(res.Tests) == 0 || res.Tests[0].Stdout != tc.stdout {
						t.Errorf("first sample's stdout is not %q: %s", tc.stdout, describe(res))
					}
					continue
				}
				t.Logf("%s: %s", res.Verdict, res.Message)
				for _, m := range tc.message {
					if !strings.Contains(res.Message, m) {
						t.Errorf("message lacks %q:\n%s", m, res.Message)
					}
				}
			}
		})
	}
}

// TestGrader_Grade_cpp: C++'s verdicts, messages and captured output,
// beyond echoing values.
func TestGrader_Grade_cpp(t *testing.T) {
	t.Parallel()
	solution := func(body string) string {
		return `class Solution {
public:
    vector<int> twoSum(vector<int>& nums, int target) {
` + body + `
        unordered_map<int, int> seen;
        for (int i = 0; i < (int)nums.size(); i++) {
            auto it = seen.find(target - nums[i]);
            if (it != seen.end()) return {it->second, i};
            seen[nums[i]] = i;
        }
        return {};
    }
};
`
	}
	checkCFamily(t, "cpp", "g++", []cFamilyCase{
		{name: "accepted, printing", code: solution(`        cout << "n=" << nums.size() << endl; printf("t=%d", target);`),
			verdict: api.Accepted, stdout: "n=4\nt=9"},
		{name: "fast io in a static initializer", code: "static const int fast = [] { ios::sync_with_stdio(false); cin.tie(nullptr); return 0; }();\n" +
			solution(`        cout << "x";`), verdict: api.Accepted, stdout: "x"},
		{name: "compilation error", code: solution(`        nums.frobnicate();`),
			verdict: api.CompileError, message: []string{"solution.cpp:4", "frobnicate"}},
		{name: "missing method", code: "class Solution {\npublic:\n    int other() { return 0; }\n};\n",
			verdict: api.CompileError, message: []string{"twoSum"}},
		{name: "exception", code: solution(`        throw out_of_range("index 7 of " + to_string(nums.size()));`),
			verdict: api.RuntimeError, message: []string{"std::out_of_range", "index 7 of 4"}},
		{name: "exception of another type", code: solution(`        throw 42;`),
			verdict: api.RuntimeError, message: []string{"exception of type int"}},
		{name: "segfault keeps its output", code: solution(`        cout << "before the crash\n"; volatile int* p = nullptr; *p = 1;`),
			verdict: api.RuntimeError, message: []string{"before the crash"}},
		{name: "exit", code: solution(`        exit(3);`), verdict: api.RuntimeError, message: []string{"status 3"}},
		{name: "infinite loop", code: solution(`        for (volatile int i = 0; ; i++) {}`), verdict: api.TimeLimit},
		{name: "wrong answer", code: solution(`        return {0, 0};`), verdict: api.WrongAnswer},
	})
}
