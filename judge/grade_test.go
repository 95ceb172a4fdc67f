package judge_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/judgehq/judge/examples"
	"github.com/judgehq/judge/harness"
	"github.com/judgehq/judge/judge"
	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/problems"
	"github.com/judgehq/judge/runtimes"
	"github.com/judgehq/judge/runtimes/local"
	"github.com/judgehq/judge/runtimes/podman"
)

var loadBundled = sync.OnceValues(func() ([]*problems.Problem, error) {
	return problems.LoadAll(examples.Problems, "problems")
})

// bundled returns the bundled problems by slug.
func bundled(t *testing.T) map[string]*problems.Problem {
	t.Helper()
	ps, err := loadBundled()
	if err != nil {
		t.Fatalf("load bundled problems: %v", err)
	}
	out := map[string]*problems.Problem{}
	for _, p := range ps {
		out[p.Slug] = p
	}
	return out
}

func problem(t *testing.T, slug string) *problems.Problem {
	t.Helper()
	p, ok := bundled(t)[slug]
	if !ok {
		t.Fatalf("no bundled problem %q", slug)
	}
	return p
}

// pythonSolution returns p's Python reference solution.
func pythonSolution(t *testing.T, p *problems.Problem) string {
	t.Helper()
	for _, s := range p.Solutions {
		if s.Ext == "py" {
			return s.Code
		}
	}
	t.Fatalf("problem %s has no Python reference solution", p.Slug)
	return ""
}

// needPython skips tests that run the real Python harness on a host without
// python3.
func needPython(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not on PATH")
	}
}

// newGrader returns a grader that runs the builtin runtimes' harnesses as
// host processes.
// podmanEnv names the Podman service ("default" for the local one) that
// newGrader's graders run code in, with the real runtime images. Unset, they
// run it on the host with its toolchains.
const podmanEnv = "JUDGE_TEST_PODMAN"

// podmanSandbox is the sandbox of podmanEnv, nil when it is unset.
var podmanSandbox *podman.Sandbox

func TestMain(m *testing.M) {
	uri, ok := os.LookupEnv(podmanEnv)
	if !ok {
		// Problems in the io mode run under judge-init's io mode, which
		// a host run finds in $JUDGE_INIT.
		dir, err := os.MkdirTemp("", "judge-init-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		build := exec.Command("go", "build", "-o", dir, "github.com/judgehq/judge/runtimes/podman/judge-init")
		build.Stderr = os.Stderr
		if err := build.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "build judge-init: %v\n", err)
			os.Exit(1)
		}
		os.Setenv("JUDGE_INIT", filepath.Join(dir, "judge-init"))
		code := m.Run()
		os.RemoveAll(dir)
		os.Exit(code)
	}
	if uri == "default" {
		uri = ""
	}
	ctx := context.Background()
	// Containers started ahead, as the daemon has them.
	sb, err := podman.New(ctx, podman.Options{URI: uri, Owner: fmt.Sprintf("judge-test-%d", os.Getpid()), Warm: 2})
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s=%s: %v\n", podmanEnv, uri, err)
		os.Exit(1)
	}
	podmanSandbox = sb
	code := m.Run()
	sb.Close() // removes the test's containers
	os.Exit(code)
}

// newGrader returns a grader with the builtin runtimes, running code in the
// sandbox of podmanEnv or else on the host.
func newGrader() *judge.Grader {
	var sb judge.Sandbox = local.Runner{}
	if podmanSandbox != nil {
		sb = podmanSandbox
	}
	return &judge.Grader{Sandbox: sb, Runtimes: runtimes.NewSet(runtimes.Builtin())}
}

// language returns the runtime name for a solution file extension.
func language(t *testing.T, ext string) string {
	t.Helper()
	rt, ok := runtimes.NewSet(runtimes.Builtin()).ByExtension(ext)
	if !ok {
		t.Fatalf("no runtime for .%s", ext)
	}
	return rt.Name
}

// grade grades Python code on p's tests: all of them when run is false, the
// samples with every test reported when run is true.
func grade(t *testing.T, p *problems.Problem, code string, run bool) *api.Result {
	t.Helper()
	tests := p.Tests
	if run {
		tests = p.Samples()
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	res, err := newGrader().Grade(ctx, judge.GradeRequest{
		Problem: p, Language: "python", Code: code, Tests: tests, AllTests: run,
	})
	if err != nil {
		t.Fatalf("Grade returned an error (the judge's fault) for a verdict about the code: %v", err)
	}
	if res == nil {
		t.Fatal("Grade returned no result and no error")
	}
	return res
}

// describe summarises a result for failure messages.
func describe(res *api.Result) string {
	b, _ := json.Marshal(res)
	if len(b) > 2000 {
		b = append(b[:2000], "..."...)
	}
	return string(b)
}

func compactJSON(t *testing.T, raw []byte) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		t.Fatalf("invalid JSON %q: %v", raw, err)
	}
	return b.String()
}

func TestGrader_Grade_referenceSolutions(t *testing.T) {
	t.Parallel()
	needPython(t)
	for slug, p := range bundled(t) {
		for _, sol := range p.Solutions {
			t.Run(slug+"/"+sol.Path, func(t *testing.T) {
				t.Parallel()
				if lang := language(t, sol.Ext); lang != "python" {
					t.Skipf("language %s", lang)
				}
				res := grade(t, p, sol.Code, false)
				if res.Verdict != api.Accepted || res.Passed != len(p.Tests) || res.Total != len(p.Tests) {
					t.Fatalf("submit: want AC on %d/%d tests, got %s", len(p.Tests), len(p.Tests), describe(res))
				}
				if res.Failed != nil || res.Message != "" || len(res.Tests) != 0 {
					t.Errorf("submit: accepted result carries a failure, a message or per-test results: %s", describe(res))
				}
				if res.MemoryKB <= 0 {
					t.Errorf("submit: memory %d KB, want the peak reported", res.MemoryKB)
				}

				samples := p.Samples()
				res = grade(t, p, sol.Code, true)
				if res.Verdict != api.Accepted || res.Passed != len(samples) || res.Total != len(samples) {
					t.Fatalf("run: want AC on %d samples, got %s", len(samples), describe(res))
				}
				if len(res.Tests) != len(samples) {
					t.Fatalf("run: %d test results, want %d", len(res.Tests), len(samples))
				}
				for i, tr := range res.Tests {
					if tr.Index != i+1 || tr.Verdict != api.Accepted {
						t.Errorf("run: test %d = index %d verdict %s", i+1, tr.Index, tr.Verdict)
					}
					if len(tr.Input) != len(p.Signature.Params) {
						t.Errorf("run: test %d input %v, want all %d parameters", i+1, tr.Input, len(p.Signature.Params))
					}
					for j, prm := range p.Signature.Params {
						if got, want := compactJSON(t, tr.Input[prm.Name]), string(problems.Encode(samples[i].Args[j])); got != want {
							t.Errorf("run: test %d input %s = %s, want %s", i+1, prm.Name, got, want)
						}
					}
					if got, want := compactJSON(t, tr.Expected), string(problems.Encode(samples[i].Expected)); got != want {
						t.Errorf("run: test %d expected %s, want %s", i+1, got, want)
					}
					if len(tr.Actual) == 0 {
						t.Errorf("run: test %d has no actual value", i+1)
					}
				}
			})
		}
	}
}

func TestGrader_Grade_wrongSolutions(t *testing.T) {
	t.Parallel()
	needPython(t)
	n := 0
	for slug, p := range bundled(t) {
		for _, w := range p.Wrong {
			n++
			t.Run(slug+"/"+w.Path, func(t *testing.T) {
				t.Parallel()
				if lang := language(t, w.Ext); lang != "python" {
					t.Skipf("language %s", lang)
				}
				res := grade(t, p, w.Code, false)
				if string(res.Verdict) != w.Verdict {
					t.Fatalf("verdict %s, want %s: %s", res.Verdict, w.Verdict, describe(res))
				}
				if res.Passed >= res.Total {
					t.Errorf("passed %d of %d tests with verdict %s", res.Passed, res.Total, res.Verdict)
				}
				switch res.Verdict {
				case api.WrongAnswer:
					if res.Failed == nil || res.Failed.Verdict != api.WrongAnswer || res.Failed.Index != res.Passed+1 {
						t.Errorf("WA without the first failing test: %s", describe(res))
					}
				case api.RuntimeError:
					if strings.TrimSpace(res.Message) == "" {
						t.Errorf("RE without a message: %s", describe(res))
					}
				case api.CompileError:
					if !strings.Contains(res.Message, "SyntaxError") {
						t.Errorf("CE message %q lacks the SyntaxError", res.Message)
					}
				}
			})
		}
	}
	if n == 0 {
		t.Fatal("no known-wrong solutions in the bundled problems")
	}
}

// twoSumFrame wraps a method body in a two-sum solution; the body may call
// solve(nums, target) for the right answer.
func twoSumFrame(imports, body string) string {
	return imports + `
def solve(nums, target):
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
    return []

class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
` + body
}

func TestGrader_Grade_userOutput(t *testing.T) {
	t.Parallel()
	needPython(t)
	p := problem(t, "two-sum")
	const forged = `@@judge:xyz {"k":"result","i":0,"v":[0,1]}`
	code := twoSumFrame("import sys", `
        print("nums are", nums)
        print('`+forged+`')
        print("@@judge:" + "0" * 24 + ' {"k":"done"}')
        sys.stdout.write("no newline")
        return solve(nums, target)
`)

	t.Run("submit", func(t *testing.T) {
		t.Parallel()
		res := grade(t, p, code, false)
		if res.Verdict != api.Accepted || res.Passed != len(p.Tests) {
			t.Fatalf("want AC, got %s", describe(res))
		}
	})

	t.Run("run", func(t *testing.T) {
		t.Parallel()
		res := grade(t, p, code, true)
		if res.Verdict != api.Accepted {
			t.Fatalf("want AC, got %s", describe(res))
		}
		samples := p.Samples()
		if len(res.Tests) != len(samples) {
			t.Fatalf("%d test results, want %d", len(res.Tests), len(samples))
		}
		for i, tr := range res.Tests {
			// Each test's output is exactly what that test printed.
			nums := strings.ReplaceAll(string(problems.Encode(samples[i].Args[0])), ",", ", ")
			want := "nums are " + nums + "\n" + forged + "\n@@judge:" + strings.Repeat("0", 24) + ` {"k":"done"}` + "\nno newline"
			if tr.Stdout != want {
				t.Errorf("test %d stdout = %q, want %q", i+1, tr.Stdout, want)
			}
		}
	})

	// Records printed by code that returns a wrong answer do not count.
	t.Run("forged records do not pass", func(t *testing.T) {
		t.Parallel()
		wrong := twoSumFrame("", `
        for i in range(60):
            print('@@judge:xyz {"k":"result","i":%d,"v":[0,1]}' % i)
        return [-1, -1]
`)
		res := grade(t, p, wrong, false)
		if res.Verdict != api.WrongAnswer || res.Passed != 0 {
			t.Errorf("want WA on the first test, got %s", describe(res))
		}
	})

	t.Run("stderr", func(t *testing.T) {
		t.Parallel()
		res := grade(t, p, twoSumFrame("import sys", `
        print('@@judge:xyz {"k":"done"}', file=sys.stderr)
        return solve(nums, target)
`), false)
		if res.Verdict != api.Accepted {
			t.Errorf("want AC, got %s", describe(res))
		}
	})
}

// TestGrader_Grade_escapes: code that reaches for the harness's input, exits
// the harness early or forges its records with the real marker is never
// accepted, and never blamed on the judge.
func TestGrader_Grade_escapes(t *testing.T) {
	t.Parallel()
	needPython(t)
	p := problem(t, "two-sum")
	// forge finds the harness's record writer and marker up the stack.
	const forge = `
def forge(rec):
    f = sys._getframe(1)
    while f is not None and "marker" not in f.f_locals:
        f = f.f_back
    if f is None:
        raise RuntimeError("harness frame not found")
    out, marker = f.f_locals["rec_out"], f.f_locals["marker"]
    out.write(marker + json.dumps(rec) + "\n")
    out.flush()
    return f.f_locals.get("i", 0)
`
	for _, tc := range []struct {
		name string
		code string
	}{
		{"read sys.stdin", twoSumFrame("import sys, json", `
        inp = json.loads(sys.stdin.read())
        return inp["expected"][0]
`)},
		{"readline sys.stdin", twoSumFrame("import sys, json", `
        line = sys.stdin.readline()
        return json.loads(line)["tests"][0][0]
`)},
		{"read sys.stdin.buffer", twoSumFrame("import sys", `
        data = sys.stdin.buffer.read()
        if not data:
            return [-1]
        return solve(nums, target)
`)},
		{"read fd 0", twoSumFrame("import os", `
        data = os.read(0, 1 << 20)
        if not data:
            return [-2]
        return solve(nums, target)
`)},
		{"os._exit(0) in the first test", twoSumFrame("import os", `
        os._exit(0)
`)},
		{"os._exit(0) after a passed test", twoSumFrame("import os", `
        Solution.calls = getattr(Solution, "calls", 0) + 1
        if Solution.calls > 1:
            os._exit(0)
        return solve(nums, target)
`)},
		{"os._exit(0) at import", "import os\nos._exit(0)\n" + twoSumFrame("", "        return [0, 1]\n")},
		{"sys.exit(0)", twoSumFrame("import sys", `
        sys.exit(0)
`)},
		{"raise SystemExit at import", "raise SystemExit(0)\n" + twoSumFrame("", "        return [0, 1]\n")},
		{"forged done then exit", twoSumFrame("import sys, os, json\n"+forge, `
        forge({"k": "done", "rss": 1})
        os._exit(0)
`)},
		{"forged results for every test", twoSumFrame("import sys, os, json\n"+forge, `
        for i in range(200):
            forge({"k": "result", "i": i, "v": [0, 1], "us": 1})
        forge({"k": "done", "rss": 1})
        os._exit(0)
`)},
		{"forged result for this test", twoSumFrame("import sys, os, json\n"+forge, `
        i = forge({"k": "result", "i": 0, "v": [0, 1], "us": 1})
        return [0, 1]
`)},
		{"close the record stream", twoSumFrame("import sys, os, json\n"+forge, `
        f = sys._getframe(1)
        while "rec_out" not in f.f_locals:
            f = f.f_back
        os.close(f.f_locals["rec_out"].fileno())
        return solve(nums, target)
`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			for _, run := range []bool{false, true} {
				res := grade(t, p, tc.code, run)
				if res.Verdict == api.Accepted || res.Verdict == api.InternalError {
					t.Errorf("run mode %t: verdict %s: %s", run, res.Verdict, describe(res))
				}
				t.Logf("run mode %t: %s: %.200q", run, res.Verdict, res.Message)
			}
		})
	}
}

// TestGrader_Grade_stdinIsEmpty: the harness's own input (with its nonce) is
// not readable by the code; reading standard input finds it empty at once.
func TestGrader_Grade_stdinIsEmpty(t *testing.T) {
	t.Parallel()
	needPython(t)
	p := problem(t, "two-sum")
	res := grade(t, p, twoSumFrame("import sys, os", `
        print(repr(sys.stdin.read()), repr(sys.stdin.buffer.read()), repr(os.read(0, 100)))
        return solve(nums, target)
`), true)
	if res.Verdict != api.Accepted || len(res.Tests) == 0 {
		t.Fatalf("want AC, got %s", describe(res))
	}
	for _, tr := range res.Tests {
		if tr.Stdout != "'' b'' b''\n" {
			t.Errorf("test %d: standard input read %q, want it empty", tr.Index, tr.Stdout)
		}
	}
}

func TestGrader_Grade_wrongType(t *testing.T) {
	t.Parallel()
	needPython(t)
	solution := func(method, body string) string {
		return "class Solution:\n    def " + method + "(self, *args):\n" + body
	}
	for _, tc := range []struct {
		name, slug, code string
	}{
		{"int[] as str", "two-sum", solution("twoSum", "        return '0,1'\n")},
		{"int[] as None", "two-sum", solution("twoSum", "        return None\n")},
		{"int[] as dict", "two-sum", solution("twoSum", "        return {0: 1}\n")},
		{"int[] as int", "two-sum", solution("twoSum", "        return 1\n")},
		{"int[] of floats", "two-sum", solution("twoSum", "        return [0.0, 1.0]\n")},
		{"int[] of bools", "two-sum", solution("twoSum", "        return [False, True]\n")},
		{"int[] of strs", "two-sum", solution("twoSum", "        return ['0', '1']\n")},
		{"int[] of lists", "two-sum", solution("twoSum", "        return [[0], [1]]\n")},
		{"int[] out of 32-bit range", "two-sum", solution("twoSum", "        return [2**40, 1]\n")},
		{"int[] of huge ints", "two-sum", solution("twoSum", "        return [10**30, 1]\n")},
		{"int[] as bytes", "two-sum", solution("twoSum", "        return b'\\x00\\x01'\n")},
		{"int[] as object", "two-sum", solution("twoSum", "        return object()\n")},
		{"int[] iterable that raises", "two-sum", "class Bad:\n    def __iter__(self):\n        raise ZeroDivisionError('no')\n" +
			solution("twoSum", "        return Bad()\n")},
		{"int[] iterable that exits", "two-sum", "class Bad:\n    def __iter__(self):\n        raise SystemExit(0)\n" +
			solution("twoSum", "        return Bad()\n")},
		{"bool as int", "valid-palindrome", solution("isPalindrome", "        return 1\n")},
		{"bool as str", "valid-palindrome", solution("isPalindrome", "        return 'true'\n")},
		{"bool as list", "valid-palindrome", solution("isPalindrome", "        return [True]\n")},
		{"double as str", "median-of-two-sorted-arrays", solution("findMedianSortedArrays", "        return '2.0'\n")},
		{"double as nan", "median-of-two-sorted-arrays", solution("findMedianSortedArrays", "        return float('nan')\n")},
		{"double as inf", "median-of-two-sorted-arrays", solution("findMedianSortedArrays", "        return float('inf')\n")},
		{"double as bool", "median-of-two-sorted-arrays", solution("findMedianSortedArrays", "        return True\n")},
		{"long as float", "climbing-stairs", solution("climbStairs", "        return 2.0\n")},
		{"long out of 64-bit range", "climbing-stairs", solution("climbStairs", "        return 2**70\n")},
		{"int[][] as int[]", "transpose-matrix", solution("transpose", "        return [1, 2]\n")},
		{"int[][] of strs", "transpose-matrix", solution("transpose", "        return ['12', '34']\n")},
		{"bool[] as str", "kids-with-the-greatest-number-of-candies", solution("kidsWithCandies", "        return 'TTTFT'\n")},
		{"bool[] of ints", "kids-with-the-greatest-number-of-candies", solution("kidsWithCandies", "        return [1, 1, 1, 0, 1]\n")},
		{"string as int", "echo", solution("echo", "        return 1\n")},
		{"string as bytes", "echo", solution("echo", "        return args[0].encode()\n")},
		{"string with a lone surrogate", "echo", solution("echo", "        return '\\ud800'\n")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := echoProblem()
			if tc.slug != p.Slug {
				p = problem(t, tc.slug)
			}
			for _, run := range []bool{false, true} {
				res := grade(t, p, tc.code, run)
				if res.Verdict != api.WrongAnswer && res.Verdict != api.RuntimeError {
					t.Errorf("run mode %t: verdict %s, want WA or RE: %s", run, res.Verdict, describe(res))
				}
				t.Logf("run mode %t: %s: %.200q", run, res.Verdict, res.Message)
				// The harness runs with -c: its own frames are in "<string>".
				// A bad return value is the code's error, reported as such.
				if strings.Contains(res.Message, `File "<string>"`) {
					t.Errorf("run mode %t: the message shows the harness's own traceback: %.300q", run, res.Message)
				}
				if run {
					// A bad value fails its own test, which is reported
					// (TestGrader_Grade_runReportsEveryTest covers the
					// tests after it).
					if len(res.Tests) == 0 || res.Tests[0].Verdict != res.Verdict || res.Failed == nil || res.Failed.Index != 1 {
						t.Errorf("run mode: the failing first test is not reported: %s", describe(res))
					}
				}
			}
		})
	}
}

// TestGrader_Grade_runReportsEveryTest: run mode reports every test, also
// after one fails, as GradeRequest.AllTests promises.
func TestGrader_Grade_runReportsEveryTest(t *testing.T) {
	t.Parallel()
	needPython(t)
	p := problem(t, "two-sum")
	samples := p.Samples()
	if len(samples) < 2 {
		t.Fatalf("two-sum has %d samples, want several", len(samples))
	}
	// Wrong on the first sample only (the only one with target 9).
	code := twoSumFrame("", `
        if target == 9:
            return [1, 0]
        return solve(nums, target)
`)
	res := grade(t, p, code, true)
	if res.Verdict != api.WrongAnswer || res.Failed == nil || res.Failed.Index != 1 {
		t.Fatalf("want WA on test 1, got %s", describe(res))
	}
	if res.Total != len(samples) || res.Passed != len(samples)-1 {
		t.Errorf("passed %d of %d, want %d of %d", res.Passed, res.Total, len(samples)-1, len(samples))
	}
	if len(res.Tests) != len(samples) {
		t.Fatalf("%d test results, want one per sample (%d): %s", len(res.Tests), len(samples), describe(res))
	}
	for i, tr := range res.Tests {
		want := api.Accepted
		if i == 0 {
			want = api.WrongAnswer
		}
		if tr.Index != i+1 || tr.Verdict != want {
			t.Errorf("test %d: index %d, verdict %s; want %s", i+1, tr.Index, tr.Verdict, want)
		}
	}
}

// echoProblem is a problem made in code, with a string result, which no
// bundled problem has.
func echoProblem() *problems.Problem {
	str := problems.MustParseType("string")
	return &problems.Problem{
		Slug: "echo", Title: "Echo", Difficulty: "easy",
		Limits:    problems.Limits{Time: time.Second, MemoryMB: 256},
		Signature: problems.Signature{Function: "echo", Params: []problems.Param{{Name: "s", Type: str}}, Returns: str},
		Checker:   problems.Exact{},
		Tests: []problems.Test{
			{Name: "unicode", Sample: true, Args: []any{"héllo, 世界 \"quoted\" \\ <tag> & \u2028"}, Expected: "héllo, 世界 \"quoted\" \\ <tag> & \u2028"},
			{Name: "plain", Args: []any{"x"}, Expected: "x"},
		},
	}
}

func TestGrader_Grade_echo(t *testing.T) {
	t.Parallel()
	needPython(t)
	p := echoProblem()
	for _, run := range []bool{false, true} {
		res := grade(t, p, "class Solution:\n    def echo(self, s: str) -> str:\n        return s\n", run)
		if res.Verdict != api.Accepted {
			t.Errorf("run mode %t: want AC, got %s", run, describe(res))
		}
	}
}

func TestGrader_Grade_compileAndLoad(t *testing.T) {
	t.Parallel()
	needPython(t)
	p := problem(t, "two-sum")
	for _, tc := range []struct {
		name string
		code string
		want api.Verdict
		msg  string
	}{
		{"syntax error", "class Solution:\n    def twoSum(self, nums, target)\n        return []\n", api.CompileError, "SyntaxError"},
		{"no class Solution", "def twoSum(nums, target):\n    return [0, 1]\n", api.CompileError, "twoSum"},
		{"no method", "class Solution:\n    def two_sum(self, nums, target):\n        return [0, 1]\n", api.CompileError, "twoSum"},
		{"raises at import", "raise ValueError('boom at import')\n", api.RuntimeError, "boom at import"},
		{"raises in a test", "class Solution:\n    def twoSum(self, nums, target):\n        raise KeyError('boom in test')\n", api.RuntimeError, "boom in test"},
		{"empty", "\n", api.CompileError, "twoSum"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := grade(t, p, tc.code, false)
			if res.Verdict != tc.want {
				t.Fatalf("verdict %s, want %s: %s", res.Verdict, tc.want, describe(res))
			}
			if !strings.Contains(res.Message, tc.msg) {
				t.Errorf("message %q does not mention %q", res.Message, tc.msg)
			}
			if tc.want == api.RuntimeError && strings.Contains(res.Message, "harness") {
				t.Errorf("message shows the harness's frames: %q", res.Message)
			}
		})
	}
}

// TestGrader_Grade_stubs: the stub a user starts from loads (it is no
// compilation error) but is not an answer.
func TestGrader_Grade_stubs(t *testing.T) {
	t.Parallel()
	needPython(t)
	py, ok := harness.Get("python")
	if !ok {
		t.Fatal("no python harness")
	}
	for slug, p := range bundled(t) {
		t.Run(slug, func(t *testing.T) {
			t.Parallel()
			res := grade(t, p, py.Stub(p.Signature), true)
			if res.Verdict == api.CompileError || res.Verdict == api.Accepted || res.Verdict == api.InternalError {
				t.Errorf("stub got %s: %s", res.Verdict, describe(res))
			}
		})
	}
}

// brokenRuntimes is a runtime set whose python runs cmd instead of the
// harness.
func brokenRuntimes(cmd ...string) runtimes.Set {
	return runtimes.Set{"python": &runtimes.Runtime{Name: "python", Run: cmd}}
}

// TestGrader_Grade_harnessNeverStarts: a run in which the harness never
// starts is the judge's fault: an error, not a verdict.
func TestGrader_Grade_harnessNeverStarts(t *testing.T) {
	t.Parallel()
	p := problem(t, "two-sum")
	sol := pythonSolution(t, p)
	for _, tc := range []struct {
		name string
		g    *judge.Grader
	}{
		{"command fails", &judge.Grader{Sandbox: local.Runner{}, Runtimes: brokenRuntimes("false")}},
		{"command succeeds silently", &judge.Grader{Sandbox: local.Runner{}, Runtimes: brokenRuntimes("true")}},
		{"command missing", &judge.Grader{Sandbox: local.Runner{}, Runtimes: brokenRuntimes("/nonexistent/judge-bogus-python")}},
		{"command prints junk", &judge.Grader{Sandbox: local.Runner{}, Runtimes: brokenRuntimes("echo", "Traceback: no such module")}},
		{"command hangs", &judge.Grader{Sandbox: local.Runner{}, Runtimes: brokenRuntimes("sleep", "30"), StartTimeout: 300 * time.Millisecond}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			for _, run := range []bool{false, true} {
				tests := p.Tests
				if run {
					tests = p.Samples()
				}
				ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
				start := time.Now()
				res, err := tc.g.Grade(ctx, judge.GradeRequest{Problem: p, Language: "python", Code: sol, Tests: tests, AllTests: run})
				cancel()
				if err == nil {
					t.Errorf("run mode %t: Grade = %s, nil; want an error", run, describe(res))
				}
				if res != nil {
					t.Errorf("run mode %t: Grade returned a verdict with its error: %s", run, describe(res))
				}
				if d := time.Since(start); d > 10*time.Second {
					t.Errorf("run mode %t: took %v", run, d)
				}
			}
		})
	}
}

func TestGrader_Grade_unknownLanguage(t *testing.T) {
	t.Parallel()
	p := problem(t, "two-sum")
	for _, tc := range []struct {
		name string
		set  runtimes.Set
		lang string
	}{
		{"no runtime", runtimes.NewSet(runtimes.Builtin()), "cobol"},
		{"runtime without a harness", runtimes.Set{"cobol": &runtimes.Runtime{Name: "cobol", Run: []string{"cobc"}}}, "cobol"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := &judge.Grader{Sandbox: local.Runner{}, Runtimes: tc.set}
			res, err := g.Grade(context.Background(), judge.GradeRequest{Problem: p, Language: tc.lang, Code: "x", Tests: p.Tests})
			if !errors.Is(err, judge.ErrUnknownLanguage) {
				t.Errorf("Grade = %v, %v; want ErrUnknownLanguage", res, err)
			}
		})
	}
}

// TestGrader_Grade_cancel: cancelling the context stops a run that would
// otherwise go on for long.
func TestGrader_Grade_cancel(t *testing.T) {
	t.Parallel()
	needPython(t)
	p := problem(t, "two-sum")
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	res, err := newGrader().Grade(ctx, judge.GradeRequest{
		Problem: p, Language: "python", Tests: p.Tests,
		Code: twoSumFrame("import time", "        time.sleep(0.9)\n        return solve(nums, target)\n"),
	})
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Grade returned %v after the context ended", d-500*time.Millisecond)
	}
	// A stopped judge has no verdict to give: the queue retries the work.
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Grade after the context ended: result %v, error %v; want context.DeadlineExceeded", describe(res), err)
	}
}

// crashSandbox plays a run whose harness starts the first test and whose
// program then dies with status, after the sandbox measured peakKB.
type crashSandbox struct {
	peakKB int64
	status int
	stderr string
}

var _ judge.Sandbox = crashSandbox{}

func (c crashSandbox) Run(ctx context.Context, req runtimes.RunRequest) (*runtimes.RunResult, error) {
	marker := req.Cmd[len(req.Cmd)-1] // the run script's last argument
	for _, rec := range []string{`{"k":"start"}`, `{"k":"ready"}`,
		fmt.Sprintf(`{"k":"usage","rss":%d,"cpu":900,"status":%d}`, c.peakKB, c.status)} {
		fmt.Fprintf(req.Stdout, "%s%s\n", marker, rec)
	}
	return &runtimes.RunResult{ExitCode: c.status, Stderr: []byte(c.stderr)}, nil
}

// TestGrader_Grade_crashAtMemoryBound: a runtime that aborts without saying
// "out of memory" when it meets the memory rlimit (V8 failing to make a heap
// page writable) gets Memory Limit Exceeded; the same crash far below the
// bound is a Runtime Error.
func TestGrader_Grade_crashAtMemoryBound(t *testing.T) {
	t.Parallel()
	p := problem(t, "two-sum")
	boundKB := int64(p.Limits.MemoryMB+runtimes.MemoryOverheadMB) << 10
	v8 := "#\n# Fatal error in , line 0\n# Check failed: reservation_.SetPermissions(...)\n"
	for _, tc := range []struct {
		name string
		sb   crashSandbox
		want api.Verdict
	}{
		{"at the bound", crashSandbox{peakKB: boundKB - boundKB/20, status: 133, stderr: v8}, api.MemoryLimit},
		{"far below the bound", crashSandbox{peakKB: boundKB / 4, status: 133, stderr: v8}, api.RuntimeError},
		{"segfault far below", crashSandbox{peakKB: 2048, status: 139}, api.RuntimeError},
		// Deep recursion: the stack may grow to the memory limit.
		{"segfault at the bound", crashSandbox{peakKB: boundKB - boundKB/20, status: 139}, api.RuntimeError},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := &judge.Grader{Sandbox: tc.sb, Runtimes: runtimes.NewSet(runtimes.Builtin())}
			res, err := g.Grade(context.Background(), judge.GradeRequest{
				Problem: p, Language: "javascript", Code: "function twoSum() {}", Tests: p.Tests,
			})
			if err != nil {
				t.Fatalf("Grade: %v", err)
			}
			if res.Verdict != tc.want {
				t.Errorf("verdict %s, want %s: %s", res.Verdict, tc.want, describe(res))
			}
		})
	}
}

// TestGrade_progress: the grader reports each finished test as it comes,
// in order, up to the first failure of a submit.
func TestGrade_progress(t *testing.T) {
	p := problem(t, "two-sum")
	var seen []api.Progress
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	code := pythonSolution(t, p)
	res, err := newGrader().Grade(ctx, judge.GradeRequest{
		Problem: p, Language: "python", Code: code, Tests: p.Tests,
		Progress: func(done, total int) { seen = append(seen, api.Progress{Done: done, Total: total}) },
	})
	if err != nil || res.Verdict != api.Accepted {
		t.Fatalf("%v %s", err, describe(res))
	}
	if len(seen) != len(p.Tests) {
		t.Fatalf("%d progress reports for %d tests", len(seen), len(p.Tests))
	}
	for i, s := range seen {
		if s.Done != i+1 || s.Total != len(p.Tests) {
			t.Fatalf("report %d: %+v", i, s)
		}
	}
}
