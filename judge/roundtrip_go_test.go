package judge_test

import (
	"strings"
	"testing"

	"github.com/judgehq/judge/harness"
	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/problems"
)

func TestRoundTrip_go(t *testing.T) {
	golang, ok := harness.Get("go")
	if !ok {
		t.Fatal("no go harness")
	}
	roundTrip(t, "go", "go", func(sig problems.Signature) string {
		// The stub itself, with the body filled in: the echo also checks
		// that what users start from compiles against the harness.
		const body = "{\n    \n}"
		stub := golang.Stub(sig)
		if !strings.Contains(stub, body) {
			t.Errorf("stub without an empty body:\n%s", stub)
		}
		return strings.Replace(stub, body, "{\n    return x\n}", 1)
	})
}

// TestGrader_Grade_go: Go's verdicts and messages, beyond echoing values.
func TestGrader_Grade_go(t *testing.T) {
	t.Parallel()
	twoSum := problem(t, "two-sum")
	const solve = `
	seen := map[int]int{}
	for i, n := range nums {
		if j, ok := seen[target-n]; ok {
			return []int{j, i}
		}
		seen[n] = i
	}
	return nil
`
	frame := func(body string) string {
		return "func twoSum(nums []int, target int) []int {" + body + "}\n"
	}
	checkLangVerdicts(t, "go", "go", []langVerdictCase{
		{name: "accepted, printing", p: twoSum, runMode: true, stdout: "target 9 ünï\nraw\n",
			code: "import (\n\t\"fmt\"\n\t\"os\"\n)\n\n" + frame(`
	fmt.Println("target", target, "ünï")
	os.Stdout.WriteString("raw\n")`+solve),
			want: api.Accepted},
		{name: "own package clause", p: twoSum, code: "// Package main solves two-sum.\npackage main\n\nimport \"sort\"\n\nvar _ = sort.Ints\n\n" + frame(solve),
			want: api.Accepted},
		{name: "package clause on the first line", p: twoSum, code: "package main\n" + frame(solve), want: api.Accepted},
		{name: "compile error", p: twoSum, code: frame("\n\treturn undefinedThing\n"), want: api.CompileError,
			msg: []string{"solution.go:2:9: undefined: undefinedThing"}},
		{name: "wrong function", p: twoSum, code: "func two_sum(nums []int, target int) []int {\n\treturn nums\n}\n",
			want: api.CompileError, msg: []string{"twoSum"}},
		{name: "other result type", p: singleTestProblem(t, typesSig("f", "long", "int"), "3", "3"),
			code: "func f(n int) int {\n\treturn n\n}\n", want: api.CompileError,
			msg: []string{"cannot use f(a0) (value of type int) as int64 value"}},
		{name: "panic", p: twoSum, code: frame("\n\treturn helper(nums)\n}\n\nfunc helper(a []int) []int {\n\treturn a[len(a):len(a)+1]\n"),
			want:   api.RuntimeError,
			msg:    []string{"panic: runtime error: slice bounds out of range", "main.helper(", "\tsolution.go:6", "main.twoSum(", "\tsolution.go:2"},
			notMsg: []string{"judge", "harness.go", "runtime/debug", "panic("}},
		{name: "nil map", p: twoSum, code: frame("\n\tvar m map[int]int\n\tm[1] = 1\n\treturn nil\n"),
			want: api.RuntimeError, msg: []string{"panic: assignment to entry in nil map", "solution.go:3"}},
		{name: "panic(nil)", p: twoSum, code: frame("\n\tpanic(nil)\n"), want: api.RuntimeError, msg: []string{"panic: "}},
		{name: "custom error value", p: twoSum, code: "import \"errors\"\n\n" + frame("\n\tpanic(errors.New(\"boom\"))\n"),
			want: api.RuntimeError, msg: []string{"panic: boom"}},
		{name: "exit", p: twoSum, code: "import \"os\"\n\n" + frame("\n\tos.Exit(0)\n\treturn nil\n"), want: api.RuntimeError},
		{name: "nil slice is empty", p: singleTestProblem(t, typesSig("f", "int[][]", "int"), "[[],[]]", "2"),
			code: "func f(n int) [][]int {\n\treturn make([][]int, n)\n}\n", want: api.Accepted},
		{name: "deep recursion", p: singleTestProblem(t, typesSig("depth", "int", "int"), "1000000", "1000000"),
			code: "func depth(n int) int {\n\tif n == 0 {\n\t\treturn 0\n\t}\n\treturn 1 + depth(n-1)\n}\n",
			want: api.Accepted},
		{name: "NaN", p: singleTestProblem(t, typesSig("f", "double", "double"), "0", "1"),
			code: "import \"math\"\n\nfunc f(a float64) float64 {\n\treturn math.NaN()\n}\n",
			want: api.RuntimeError, msg: []string{"NaN is not a finite double"}},
		{name: "cyclic tree", p: singleTestProblem(t, typesSig("f", "TreeNode", "TreeNode"), "[1]", "[1]"),
			code: "func f(a *TreeNode) *TreeNode {\n\ta.Left = a\n\treturn a\n}\n",
			want: api.RuntimeError, msg: []string{"cycle"}},
		{name: "int out of range", p: singleTestProblem(t, typesSig("f", "int", "int"), "0", "1"),
			code: "func f(a int) int {\n\treturn 1 << 40\n}\n", want: api.WrongAnswer},
	})
}
