package judge_test

import (
	"context"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/judgehq/judge/harness"
	"github.com/judgehq/judge/judge"
	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/problems"
)

// rustStub returns the Rust stub of sig with its empty body replaced by body.
func rustStub(t *testing.T, sig problems.Signature, body string) string {
	t.Helper()
	l, ok := harness.Get("rust")
	if !ok {
		t.Fatal("no rust harness")
	}
	stub := l.Stub(sig)
	const empty = " {\n        \n    }\n"
	if !strings.Contains(stub, empty) {
		t.Fatalf("the rust stub has no empty method body:\n%s", stub)
	}
	return strings.Replace(stub, empty, " {\n"+body+"    }\n", 1)
}

// TestRoundTrip_rust echoes every value through the Rust harness. The echo
// solutions are the stubs themselves with `x` as their body, so the stubs'
// types are checked against the harness's too.
func TestRoundTrip_rust(t *testing.T) {
	roundTrip(t, "rust", "rustc", func(sig problems.Signature) string {
		return rustStub(t, sig, "        x\n")
	})
}

// gradeRust grades Rust code on two-sum's samples in run mode, every test
// reported.
func gradeRust(t *testing.T, code string) *api.Result {
	t.Helper()
	p := problem(t, "two-sum")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := newGrader().Grade(ctx, judge.GradeRequest{
		Problem: p, Language: "rust", Code: code, Tests: p.Samples(), AllTests: true,
	})
	if err != nil {
		t.Fatalf("Grade returned an error (the judge's fault) for a verdict about the code: %v", err)
	}
	return res
}

// rustTwoSum is a two-sum solution with extra statements before its search.
func rustTwoSum(before string) string {
	return `impl Solution {
    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {
` + before + `
        let mut seen = HashMap::new();
        for (i, &x) in nums.iter().enumerate() {
            if let Some(&j) = seen.get(&(target - x)) {
                return vec![j as i32, i as i32];
            }
            seen.insert(x, i);
        }
        vec![]
    }
}
`
}

// TestGrader_Grade_rust checks what the Rust harness adds to the round trip:
// captured output, panics, compiler messages and unserializable values.
func TestGrader_Grade_rust(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("rustc"); err != nil {
		t.Skip("rustc not on PATH")
	}

	t.Run("output is captured per test", func(t *testing.T) {
		t.Parallel()
		res := gradeRust(t, rustTwoSum(`
        println!("@@judge:xyz {{\"k\":\"done\"}}");
        print!("n={} ", nums.len());
        let mut line = String::new();
        let read = std::io::stdin().read_line(&mut line).unwrap();
        print!("stdin gave {} bytes", read);`))
		if res.Verdict != api.Accepted || len(res.Tests) == 0 {
			t.Fatalf("want AC, got %s", describe(res))
		}
		samples := problem(t, "two-sum").Samples()
		for i, tr := range res.Tests {
			n := len(samples[i].Args[0].([]any))
			want := `@@judge:xyz {"k":"done"}` + "\nn=" + strconv.Itoa(n) + " stdin gave 0 bytes"
			if tr.Stdout != want {
				t.Errorf("test %d stdout = %q, want %q", tr.Index, tr.Stdout, want)
			}
		}
	})

	t.Run("a panic is a runtime error with its message", func(t *testing.T) {
		t.Parallel()
		res := gradeRust(t, rustTwoSum(`
        println!("before the panic");
        let i = nums.len() + 5;
        let _ = nums[i];`))
		if res.Verdict != api.RuntimeError || res.Failed == nil {
			t.Fatalf("want RE, got %s", describe(res))
		}
		for _, want := range []string{"panicked at solution.rs:6:", "index out of bounds"} {
			if !strings.Contains(res.Message, want) {
				t.Errorf("message %q lacks %q", res.Message, want)
			}
		}
		if len(res.Tests) != len(problem(t, "two-sum").Samples()) {
			t.Errorf("run mode went on after the panic for %d tests, want every sample: %s", len(res.Tests), describe(res))
		}
		if res.Tests[0].Stdout != "before the panic\n" {
			t.Errorf("stdout of the panicking test = %q", res.Tests[0].Stdout)
		}
	})

	t.Run("a compile error carries rustc's message", func(t *testing.T) {
		t.Parallel()
		res := gradeRust(t, rustTwoSum(`
        let s: i32 = "not a number";`))
		if res.Verdict != api.CompileError {
			t.Fatalf("want CE, got %s", describe(res))
		}
		for _, want := range []string{"mismatched types", "solution.rs:4:"} {
			if !strings.Contains(res.Message, want) {
				t.Errorf("message %q lacks %q", res.Message, want)
			}
		}
	})

	t.Run("a wrong signature is a compile error", func(t *testing.T) {
		t.Parallel()
		res := gradeRust(t, "impl Solution {\n    pub fn two_sum(nums: Vec<i64>, target: i32) -> Vec<i32> { vec![] }\n}\n")
		if res.Verdict != api.CompileError || !strings.Contains(res.Message, "mismatched types") {
			t.Fatalf("want CE for mismatched types, got %s", describe(res))
		}
	})

	t.Run("a stack overflow is a runtime error", func(t *testing.T) {
		t.Parallel()
		res := gradeRust(t, `fn down(n: u64) -> u64 { if n == 0 { 0 } else { 1 + down(n - 1) + down(n / 2) } }
impl Solution {
    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {
        vec![down(1 << 40) as i32]
    }
}
`)
		if res.Verdict != api.RuntimeError {
			t.Fatalf("want RE, got %s", describe(res))
		}
	})
}

// TestGrader_Grade_rustDoubles checks doubles that JSON cannot carry.
func TestGrader_Grade_rustDoubles(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("rustc"); err != nil {
		t.Skip("rustc not on PATH")
	}
	typ := problems.MustParseType("double")
	sig := problems.Signature{Function: "half", Params: []problems.Param{{Name: "x", Type: typ}}, Returns: typ}
	p := &problems.Problem{
		Slug: "half", Title: "Half", Difficulty: "easy", Checker: problems.Exact{},
		Limits: problems.Limits{Time: 5 * time.Second, MemoryMB: 256}, Signature: sig,
		Tests: []problems.Test{{Name: "0", Sample: true, Args: []any{1.0}, Expected: 0.5}},
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := newGrader().Grade(ctx, judge.GradeRequest{
		Problem: p, Language: "rust", Code: rustStub(t, sig, "        x / 0.0 - x / 0.0\n"), Tests: p.Tests, AllTests: true,
	})
	if err != nil {
		t.Fatalf("grade: %v", err)
	}
	if res.Verdict != api.RuntimeError || !strings.Contains(res.Message, "NaN") {
		t.Fatalf("want RE naming the NaN, got %s", describe(res))
	}
}
