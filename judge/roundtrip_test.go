package judge_test

import (
	"context"
	"fmt"
	"os/exec"
	"testing"
	"time"

	"github.com/judgehq/judge/judge"
	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/problems"
)

// roundTripCases are values of every type that a harness must carry from the
// daemon into the language and back unchanged.
var roundTripCases = []struct {
	typ    string
	values []string
}{
	{"int", []string{"0", "-1", "2147483647", "-2147483648"}},
	{"long", []string{"0", "9223372036854775807", "-9223372036854775808", "4294967296"}},
	{"double", []string{"0", "-2.5", "0.1", "1e-09", "1e+300", "123456789.125", "-1.7976931348623157e+308", "5e-324", "0.30000000000000004"}},
	{"bool", []string{"true", "false"}},
	{"string", []string{`""`, `"hello"`, `"héllo 世界 🎉"`, `"quote\" back\\ slash\nnew\ttab"`, `"\u0001\u001f"`, `"  spaces  "`}},
	{"int[]", []string{"[]", "[1,-2,2147483647]"}},
	{"long[]", []string{"[]", "[9223372036854775807,-1]"}},
	{"double[]", []string{"[]", "[0.5,-1e-07]"}},
	{"bool[]", []string{"[]", "[true,false,true]"}},
	{"string[]", []string{"[]", `["","a b","ü"]`}},
	{"int[][]", []string{"[]", "[[]]", "[[1,2],[],[3]]"}},
	{"string[][]", []string{"[]", `[["a"],[],["b","c"]]`}},
	{"double[][]", []string{"[[1.5],[]]"}},
	{"bool[][]", []string{"[[true],[false,true]]"}},
	{"long[][]", []string{"[[-9223372036854775808]]"}},
	{"ListNode", []string{"[]", "[1]", "[1,2,3,-4]"}},
	{"TreeNode", []string{"[]", "[1]", "[1,null,2,3]", "[5,4,8,11,null,13,4,7,2,null,null,null,1]", "[1,2]", "[-1,null,-2]"}},
	{"ListNode[]", []string{"[]", "[[1,2],[],[3]]"}},
	{"TreeNode[]", []string{"[]", "[[1,null,2],[],[3]]"}},
}

// roundTrip checks that echo solutions in lang return every value of every
// type unchanged. echo returns, for a signature echo(x T) -> T, code that
// returns x (the function is named "echo" in the signature).
func roundTrip(t *testing.T, lang, tool string, echo func(sig problems.Signature) string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s not on PATH", tool)
	}
	g := newGrader()
	for _, c := range roundTripCases {
		typ := problems.MustParseType(c.typ)
		sig := problems.Signature{Function: "echo", Params: []problems.Param{{Name: "x", Type: typ}}, Returns: typ}
		p := &problems.Problem{
			Slug: "echo", Title: "Echo", Difficulty: "easy", Checker: problems.Exact{},
			Limits:    problems.Limits{Time: 5 * time.Second, MemoryMB: 256},
			Signature: sig,
		}
		for i, v := range c.values {
			val, err := typ.Decode([]byte(v))
			if err != nil {
				t.Fatalf("bad case %s %s: %v", c.typ, v, err)
			}
			p.Tests = append(p.Tests, problems.Test{Name: fmt.Sprint(i), Sample: true, Args: []any{val}, Expected: val})
		}
		t.Run(c.typ, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			res, err := g.Grade(ctx, judge.GradeRequest{Problem: p, Language: lang, Code: echo(sig), Tests: p.Tests, AllTests: true})
			if err != nil {
				t.Fatalf("grade: %v", err)
			}
			if res.Verdict != api.Accepted {
				t.Fatalf("%s echo of %s: %s", lang, c.typ, describe(res))
			}
		})
	}
}

func TestRoundTrip_python(t *testing.T) {
	roundTrip(t, "python", "python3", func(sig problems.Signature) string {
		return "class Solution:\n    def echo(self, x):\n        return x\n"
	})
}
