package harness

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/judgehq/judge/problems"
)

// cLibrary is the fixed part of every C harness: the headers, struct ListNode
// and struct TreeNode, the token reader, the JSON writer and the test loop.
//
//go:embed c/library.c
var cLibrary string

// cSource is the file the C runtime writes the user's code to (see
// runtimes/c/runtime.yaml); the harness includes it.
const cSource = "solution.c"

var cLang = &Lang{
	Name:     "c",
	Format:   FormatTokens,
	Function: cIdent,
	Stub:     cStub,
	Harness:  cHarness,
}

// cShape splits t into its scalar element and its array depth: int[][] is
// int and 2.
func cShape(t problems.Type) (problems.Type, int) {
	depth := 0
	for t.Kind == problems.Array {
		t = *t.Elem
		depth++
	}
	return t, depth
}

// cScalar names a scalar type in C and in the library's judge_read_NAME and
// judge_put_NAME functions.
func cScalar(t problems.Type) (ctype, name string, err error) {
	switch t.Kind {
	case problems.Int:
		return "int", "int", nil
	case problems.Long:
		return "long long", "long", nil
	case problems.Double:
		return "double", "double", nil
	case problems.Bool:
		return "bool", "bool", nil
	case problems.String:
		return "char*", "string", nil
	case problems.ListNode:
		return "struct ListNode*", "list", nil
	case problems.TreeNode:
		return "struct TreeNode*", "tree", nil
	}
	return "", "", unsupported("c", t)
}

// cType is the C type LeetCode uses for t: arrays are pointers, with their
// sizes passed beside them.
func cType(t problems.Type) (string, error) {
	elem, depth := cShape(t)
	ctype, _, err := cScalar(elem)
	if err != nil {
		return "", err
	}
	if depth > 2 {
		return "", unsupported("c", t)
	}
	return ctype + strings.Repeat("*", depth), nil
}

// cParams declares sig's parameters as LeetCode does: an array is followed
// by its size (nameSize) and a two-dimensional one also by its rows' sizes
// (nameColSize); an array return adds returnSize and, two-dimensional,
// returnColumnSizes.
func cParams(sig problems.Signature) (string, error) {
	var params []string
	for _, p := range sig.Params {
		t, err := cType(p.Type)
		if err != nil {
			return "", err
		}
		name := cIdent(p.Name)
		params = append(params, t+" "+name)
		_, depth := cShape(p.Type)
		if depth >= 1 {
			params = append(params, "int "+name+"Size")
		}
		if depth == 2 {
			params = append(params, "int* "+name+"ColSize")
		}
	}
	_, depth := cShape(sig.Returns)
	if depth >= 1 {
		params = append(params, "int* returnSize")
	}
	if depth == 2 {
		params = append(params, "int** returnColumnSizes")
	}
	return strings.Join(params, ", "), nil
}

const (
	cListComment = `/**
 * Definition for singly-linked list.
 * struct ListNode {
 *     int val;
 *     struct ListNode *next;
 * };
 */
`
	cTreeComment = `/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     struct TreeNode *left;
 *     struct TreeNode *right;
 * };
 */
`
	cArrayComment = `/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
`
	cMatrixComment = `/**
 * Return an array of arrays of size *returnSize.
 * The sizes of the arrays are returned as *returnColumnSizes array.
 * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().
 */
`
)

func cStub(sig problems.Signature) string {
	ret, err := cType(sig.Returns)
	if err != nil {
		return "// " + err.Error() + "\n"
	}
	params, err := cParams(sig)
	if err != nil {
		return "// " + err.Error() + "\n"
	}
	var b strings.Builder
	if usesKind(sig, problems.ListNode) {
		b.WriteString(cListComment)
	}
	if usesKind(sig, problems.TreeNode) {
		b.WriteString(cTreeComment)
	}
	switch _, depth := cShape(sig.Returns); depth {
	case 1:
		b.WriteString(cArrayComment)
	case 2:
		b.WriteString(cMatrixComment)
	}
	fmt.Fprintf(&b, "%s %s(%s) {\n    \n}\n", ret, cIdent(sig.Function), params)
	return b.String()
}

// cHarness returns the library followed by the user's code, a judge_call()
// that reads one test's arguments in parameter order, calls the function and
// serializes its result, and a main() that runs it for every test.
func cHarness(sig problems.Signature) (string, error) {
	ret, err := cType(sig.Returns)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(cLibrary)
	fmt.Fprintf(&b, "#include %q\n\n", cSource)
	fmt.Fprintf(&b, "/* judge_call runs one test of %s. */\n", signatureString(sig))
	b.WriteString("static void judge_call(judge_input *judge_in, judge_test *judge_t) {\n")
	var args []string
	for _, p := range sig.Params {
		t, err := cType(p.Type)
		if err != nil {
			return "", err
		}
		elem, depth := cShape(p.Type)
		_, fn, _ := cScalar(elem)
		name := cIdent(p.Name)
		switch depth {
		case 0:
			fmt.Fprintf(&b, "    %s %s = judge_read_%s(judge_in);\n", t, name, fn)
			args = append(args, name)
		case 1:
			fmt.Fprintf(&b, "    int %sSize;\n", name)
			fmt.Fprintf(&b, "    %s %s = judge_read_%s_array(judge_in, &%sSize);\n", t, name, fn, name)
			args = append(args, name, name+"Size")
		case 2:
			fmt.Fprintf(&b, "    int %sSize;\n", name)
			fmt.Fprintf(&b, "    int* %sColSize;\n", name)
			fmt.Fprintf(&b, "    %s %s = judge_read_%s_matrix(judge_in, &%sSize, &%sColSize);\n", t, name, fn, name, name)
			args = append(args, name, name+"Size", name+"ColSize")
		}
	}
	elem, depth := cShape(sig.Returns)
	_, fn, _ := cScalar(elem)
	// Sizes start at 0, as code that counts into *returnSize may expect.
	switch depth {
	case 1:
		b.WriteString("    int judge_size = 0;\n")
		args = append(args, "&judge_size")
	case 2:
		b.WriteString("    int judge_size = 0;\n")
		b.WriteString("    int* judge_cols = NULL;\n")
		args = append(args, "&judge_size", "&judge_cols")
	}
	b.WriteString("    judge_start(judge_t);\n")
	fmt.Fprintf(&b, "    %s judge_result = %s(%s);\n", ret, cIdent(sig.Function), strings.Join(args, ", "))
	b.WriteString("    judge_stop(judge_t);\n")
	switch depth {
	case 0:
		fmt.Fprintf(&b, "    judge_put_%s(judge_t, judge_result);\n", fn)
	case 1:
		fmt.Fprintf(&b, "    judge_put_%s_array(judge_t, judge_result, judge_size);\n", fn)
	case 2:
		fmt.Fprintf(&b, "    judge_put_%s_matrix(judge_t, judge_result, judge_size, judge_cols);\n", fn)
	}
	b.WriteString("}\n\nint main(void) {\n    return judge_main(judge_call);\n}\n")
	return b.String(), nil
}
