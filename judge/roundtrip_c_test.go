package judge_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/judgehq/judge/harness"
	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/problems"
)

// cEcho returns the body of a C echo for a value of type typ: a copy in
// freshly malloced memory, with the sizes set, as the caller frees it.
func cEcho(typ problems.Type) string {
	depth := 0
	elem := typ
	for elem.Kind == problems.Array {
		elem = *elem.Elem
		depth++
	}
	ctype := map[problems.Kind]string{
		problems.Int: "int", problems.Long: "long long", problems.Double: "double", problems.Bool: "bool",
		problems.String: "char*", problems.ListNode: "struct ListNode*", problems.TreeNode: "struct TreeNode*",
	}[elem.Kind]
	cp := func(v string) string {
		if elem.Kind == problems.String {
			return "strcpy(malloc(strlen(" + v + ") + 1), " + v + ")"
		}
		return v
	}
	switch depth {
	case 0:
		return "return " + cp("x") + ";"
	case 1:
		return fmt.Sprintf(`%[1]s* r = malloc(sizeof(%[1]s) * (xSize + 1));
    for (int i = 0; i < xSize; i++) r[i] = %[2]s;
    *returnSize = xSize;
    return r;`, ctype, cp("x[i]"))
	default:
		return fmt.Sprintf(`%[1]s** r = malloc(sizeof(%[1]s*) * (xSize + 1));
    int* cols = malloc(sizeof(int) * (xSize + 1));
    for (int i = 0; i < xSize; i++) {
        cols[i] = xColSize[i];
        r[i] = malloc(sizeof(%[1]s) * (cols[i] + 1));
        for (int j = 0; j < cols[i]; j++) r[i][j] = %[2]s;
    }
    *returnSize = xSize;
    *returnColumnSizes = cols;
    return r;`, ctype, cp("x[i][j]"))
	}
}

func TestRoundTrip_c(t *testing.T) {
	c, ok := harness.Get("c")
	if !ok {
		t.Fatal("no c harness")
	}
	roundTrip(t, "c", "gcc", func(sig problems.Signature) string {
		// The stub itself, with the body filled in: the echo also checks
		// that what users start from compiles against the harness.
		const body = "{\n    \n}"
		stub := c.Stub(sig)
		if !strings.Contains(stub, body) {
			t.Errorf("stub without an empty body:\n%s", stub)
		}
		return strings.Replace(stub, body, "{\n    "+cEcho(sig.Returns)+"\n}", 1)
	})
}

// TestGrader_Grade_c: C's verdicts, messages and captured output, beyond
// echoing values.
func TestGrader_Grade_c(t *testing.T) {
	t.Parallel()
	solution := func(body string) string {
		return `int* twoSum(int* nums, int numsSize, int target, int* returnSize) {
` + body + `
    int* r = malloc(2 * sizeof(int));
    *returnSize = 2;
    for (int i = 0; i < numsSize; i++)
        for (int j = 0; j < i; j++)
            if (nums[i] + nums[j] == target) { r[0] = j; r[1] = i; return r; }
    *returnSize = 0;
    return r;
}
`
	}
	checkCFamily(t, "c", "gcc", []cFamilyCase{
		{name: "accepted, printing", code: solution(`    printf("n=%d\n", numsSize); puts("t");`),
			verdict: api.Accepted, stdout: "n=4\nt\n"},
		{name: "compilation error", code: solution(`    frobnicate(nums);`),
			verdict: api.CompileError, message: []string{"solution.c:2", "frobnicate"}},
		{name: "wrong return type", code: "int twoSum(int* nums, int numsSize, int target, int* returnSize) {\n    return 0;\n}\n",
			verdict: api.CompileError, message: []string{"judge_result"}},
		{name: "missing returnSize", code: "int* twoSum(int* nums, int numsSize, int target) {\n    return nums;\n}\n",
			verdict: api.CompileError, message: []string{"twoSum"}},
		{name: "segfault keeps its output", code: solution(`    printf("before the crash\n"); volatile int* p = NULL; *p = 1;`),
			verdict: api.RuntimeError, message: []string{"before the crash"}},
		{name: "NULL with a size", code: "int* twoSum(int* nums, int numsSize, int target, int* returnSize) {\n    *returnSize = 2;\n    return NULL;\n}\n",
			verdict: api.RuntimeError, message: []string{"NULL"}},
		{name: "infinite loop", code: solution(`    for (volatile int i = 0; ; i++) {}`), verdict: api.TimeLimit},
		{name: "returnSize left unset", code: "int* twoSum(int* nums, int numsSize, int target, int* returnSize) {\n    return nums;\n}\n",
			verdict: api.WrongAnswer},
	})
}
