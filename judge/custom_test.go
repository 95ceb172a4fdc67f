package judge_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/judgehq/judge/judge"
	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/problems"
)

// argmaxProblem accepts any index of a largest element, which only a custom
// checker can decide.
func argmaxProblem(t *testing.T) *problems.Problem {
	t.Helper()
	typ := problems.MustParseType("int[]")
	p := &problems.Problem{
		Slug: "argmax", Title: "Argmax", Difficulty: "easy",
		Limits: problems.Limits{Time: 2 * time.Second, MemoryMB: 256},
		Signature: problems.Signature{Function: "argmax",
			Params: []problems.Param{{Name: "nums", Type: typ}}, Returns: problems.MustParseType("int")},
		CheckerSpec: problems.CheckerSpec{Kind: "custom", File: "checker.py"},
		CustomChecker: `def check(input, expected, actual):
    nums = input["nums"]
    if not 0 <= actual < len(nums):
        return "index %d is out of range" % actual
    return nums[actual] == nums[expected] or "nums[%d] = %d is not the largest" % (actual, nums[actual])
`,
	}
	for i, s := range []string{"[1,3,3]", "[5]", "[2,9,9,9,1]", "[-1,-1]"} {
		v, err := typ.Decode([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		first := int64(0)
		for j, x := range v.([]any) {
			if x.(int64) > v.([]any)[first].(int64) {
				first = int64(j)
			}
		}
		p.Tests = append(p.Tests, problems.Test{Name: s, Sample: i == 0, Args: []any{v}, Expected: first})
	}
	return p
}

func TestGrader_Grade_customChecker(t *testing.T) {
	t.Parallel()
	needPython(t)
	p := argmaxProblem(t)
	cases := []struct {
		name, body string
		verdict    api.Verdict
		message    string
	}{
		{"first index", "return nums.index(max(nums))", api.Accepted, ""},
		{"last index, also valid", "return len(nums) - 1 - nums[::-1].index(max(nums))", api.Accepted, ""},
		{"smallest", "return nums.index(min(nums))", api.WrongAnswer, "is not the largest"},
		{"out of range", "return len(nums)", api.WrongAnswer, "out of range"},
		{"wrong type", "return str(0)", api.RuntimeError, "not an int"},
		{"crash on the second test", "return nums[1]and nums.index(max(nums))", api.RuntimeError, "IndexError"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			code := "class Solution:\n    def argmax(self, nums):\n        " + c.body + "\n"
			for _, all := range []bool{false, true} {
				res, err := newGrader().Grade(context.Background(), judge.GradeRequest{
					Problem: p, Language: "python", Code: code, Tests: p.Tests, AllTests: all})
				if err != nil {
					t.Fatalf("grade: %v", err)
				}
				if res.Verdict != c.verdict || !strings.Contains(res.Message, c.message) {
					t.Errorf("all=%v: %s, want %s with %q", all, describe(res), c.verdict, c.message)
				}
				if all && len(res.Tests) != len(p.Tests) {
					t.Errorf("run mode reported %d tests, want %d", len(res.Tests), len(p.Tests))
				}
			}
		})
	}
}

func TestGrader_Grade_brokenCustomChecker(t *testing.T) {
	t.Parallel()
	needPython(t)
	p := argmaxProblem(t)
	p.CustomChecker = "def check(input, expected, actual):\n    raise ValueError('checker bug')\n"
	_, err := newGrader().Grade(context.Background(), judge.GradeRequest{
		Problem: p, Language: "python", Tests: p.Tests,
		Code: "class Solution:\n    def argmax(self, nums):\n        return 0\n"})
	if err == nil || !strings.Contains(err.Error(), "checker bug") {
		t.Fatalf("a failing checker must be the judge's error, with its message; got %v", err)
	}
}
