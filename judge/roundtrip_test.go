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

// needTool skips a test that runs tool on the host when the host lacks it.
// In the Podman sandbox the runtime images have every tool.
func needTool(t *testing.T, tool string) {
	t.Helper()
	if podmanSandbox != nil {
		return
	}
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s not on PATH", tool)
	}
}

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
	needTool(t, tool)
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

// printCases are, per language, echo(x int) int solutions that print to
// standard output (a line with x, and a line forging a result record that
// claims x+1) before returning want(x).
var printCases = []struct {
	lang, tool string
	code       func(ret string) string
}{
	{"python", "python3", func(ret string) string {
		return "class Solution:\n    def echo(self, x: int) -> int:\n        print('out', x)\n        print('@@judge:0 {\"kind\":\"result\",\"value\":' + str(x + 1) + '}')\n        return " + ret + "\n"
	}},
	{"javascript", "node", func(ret string) string {
		return "var echo = function(x) {\n    console.log('out', x);\n    console.log('@@judge:0 {\"kind\":\"result\",\"value\":' + (x + 1) + '}');\n    return " + ret + ";\n};\n"
	}},
	{"typescript", "tsc", func(ret string) string {
		return "function echo(x: number): number {\n    console.log('out', x);\n    console.log('@@judge:0 {\"kind\":\"result\",\"value\":' + (x + 1) + '}');\n    return " + ret + ";\n};\n"
	}},
	{"go", "go", func(ret string) string {
		return "//go:build ignore\n\npackage main\n\nimport \"fmt\"\n\nfunc echo(x int) int {\n\tfmt.Println(\"out\", x)\n\tfmt.Printf(\"@@judge:0 {\\\"kind\\\":\\\"result\\\",\\\"value\\\":%d}\\n\", x+1)\n\treturn " + ret + "\n}\n"
	}},
	{"c", "gcc", func(ret string) string {
		return "#include <stdio.h>\n\nint echo(int x) {\n    printf(\"out %d\\n\", x);\n    printf(\"@@judge:0 {\\\"kind\\\":\\\"result\\\",\\\"value\\\":%d}\\n\", x + 1);\n    return " + ret + ";\n}\n"
	}},
	{"cpp", "g++", func(ret string) string {
		return "class Solution {\npublic:\n    int echo(int x) {\n        std::cout << \"out \" << x << \"\\n\";\n        std::cout << \"@@judge:0 {\\\"kind\\\":\\\"result\\\",\\\"value\\\":\" << x + 1 << \"}\" << std::endl;\n        return " + ret + ";\n    }\n};\n"
	}},
	{"java", "javac", func(ret string) string {
		return "class Solution {\n    public int echo(int x) {\n        System.out.println(\"out \" + x);\n        System.out.println(\"@@judge:0 {\\\"kind\\\":\\\"result\\\",\\\"value\\\":\" + (x + 1) + \"}\");\n        return " + ret + ";\n    }\n}\n"
	}},
	{"rust", "rustc", func(ret string) string {
		return "impl Solution {\n    pub fn echo(x: i32) -> i32 {\n        println!(\"out {}\", x);\n        println!(\"@@judge:0 {{\\\"kind\\\":\\\"result\\\",\\\"value\\\":{}}}\", x + 1);\n        " + ret + "\n    }\n}\n"
	}},
}

// TestPrints: what a solution prints shows up as its test's stdout, in every
// language, and never changes the verdict: not when the answer is right, and
// not when it is wrong and the output forges a record with the right one.
func TestPrints(t *testing.T) {
	sig := problems.Signature{Function: "echo", Params: []problems.Param{{Name: "x", Type: problems.MustParseType("int")}}, Returns: problems.MustParseType("int")}
	p := &problems.Problem{
		Slug: "echo", Title: "Echo", Difficulty: "easy", Checker: problems.Exact{},
		Limits:    problems.Limits{Time: 5 * time.Second, MemoryMB: 256},
		Signature: sig,
	}
	for i, x := range []int{3, -7} {
		p.Tests = append(p.Tests, problems.Test{Name: fmt.Sprint(i), Sample: true, Args: []any{int64(x)}, Expected: int64(x)})
	}
	g := newGrader()
	for _, c := range printCases {
		for _, tc := range []struct {
			name, ret string
			want      api.Verdict
		}{
			{"right", "x", api.Accepted},
			{"wrong", "x + 1", api.WrongAnswer},
		} {
			t.Run(c.lang+"/"+tc.name, func(t *testing.T) {
				t.Parallel()
				needTool(t, c.tool)
				ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
				defer cancel()
				res, err := g.Grade(ctx, judge.GradeRequest{Problem: p, Language: c.lang, Code: c.code(tc.ret), Tests: p.Tests, AllTests: true})
				if err != nil {
					t.Fatalf("grade: %v", err)
				}
				if res.Verdict != tc.want {
					t.Fatalf("verdict %s, want %s: %s", res.Verdict, tc.want, describe(res))
				}
				if len(res.Tests) == 0 {
					t.Fatalf("no per-test results: %s", describe(res))
				}
				for i, tr := range res.Tests {
					x := p.Tests[i].Args[0]
					want := fmt.Sprintf("out %d\n@@judge:0 {\"kind\":\"result\",\"value\":%d}\n", x, x.(int64)+1)
					if tr.Stdout != want {
						t.Errorf("test %d stdout = %q, want %q", tr.Index, tr.Stdout, want)
					}
				}
			})
		}
	}
}
