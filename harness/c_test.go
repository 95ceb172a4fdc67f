package harness_test

import (
	"strings"
	"testing"

	"github.com/judgehq/judge/harness"
	"github.com/judgehq/judge/problems"
	"github.com/judgehq/judge/runtimes"
)

const (
	cListDoc = `/**
 * Definition for singly-linked list.
 * struct ListNode {
 *     int val;
 *     struct ListNode *next;
 * };
 */
`
	cTreeDoc = `/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     struct TreeNode *left;
 *     struct TreeNode *right;
 * };
 */
`
	cArrayNote = `/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
`
	cMatrixNote = `/**
 * Return an array of arrays of size *returnSize.
 * The sizes of the arrays are returned as *returnColumnSizes array.
 * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().
 */
`
)

func TestCStub(t *testing.T) {
	t.Parallel()
	c, ok := harness.Get("c")
	if !ok {
		t.Fatal("no c harness")
	}
	for _, tc := range []struct {
		name string
		sig  problems.Signature
		want string
	}{
		{"two-sum", cppSig("twoSum", "int[]", "nums int[]", "target int"),
			cArrayNote + "int* twoSum(int* nums, int numsSize, int target, int* returnSize) {\n    \n}\n"},
		{"ListNode", cppSig("mergeKLists", "ListNode", "lists ListNode[]"),
			cListDoc + "struct ListNode* mergeKLists(struct ListNode** lists, int listsSize) {\n    \n}\n"},
		{"TreeNode", cppSig("levelOrder", "int[][]", "root TreeNode"),
			cTreeDoc + cMatrixNote + "int** levelOrder(struct TreeNode* root, int* returnSize, int** returnColumnSizes) {\n    \n}\n"},
		{"TreeNode array", cppSig("generateTrees", "TreeNode[]", "n int"),
			cTreeDoc + cArrayNote + "struct TreeNode** generateTrees(int n, int* returnSize) {\n    \n}\n"},
		{"string[][]", cppSig("groupAnagrams", "string[][]", "strs string[]"),
			cMatrixNote + "char*** groupAnagrams(char** strs, int strsSize, int* returnSize, int** returnColumnSizes) {\n    \n}\n"},
		{"2D parameter", cppSig("transpose", "int[][]", "matrix int[][]"),
			cMatrixNote + "int** transpose(int** matrix, int matrixSize, int* matrixColSize, int* returnSize, int** returnColumnSizes) {\n    \n}\n"},
		{"long", cppSig("climbStairs", "long", "n int"),
			"long long climbStairs(int n) {\n    \n}\n"},
		{"string, double, bool", cppSig("f", "string", "s string", "x double", "b bool[]"),
			"char* f(char* s, double x, bool* b, int bSize) {\n    \n}\n"},
		{"keyword parameter", cppSig("f", "bool", "int int"),
			"bool f(int int_) {\n    \n}\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := c.Stub(tc.sig); got != tc.want {
				t.Errorf("stub:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestCHarness(t *testing.T) {
	t.Parallel()
	c, ok := harness.Get("c")
	if !ok {
		t.Fatal("no c harness")
	}
	if c.Format != harness.FormatTokens || c.Function("twoSum") != "twoSum" {
		t.Errorf("format %q, Function(twoSum) = %q", c.Format, c.Function("twoSum"))
	}
	src, err := c.Harness(cppSig("transpose", "int[][]", "matrix int[][]"))
	if err != nil {
		t.Fatalf("Harness: %v", err)
	}
	rt := runtimes.NewSet(runtimes.Builtin())["c"]
	if rt == nil {
		t.Fatal("no c runtime")
	}
	include := `#include "` + rt.Source + `"`
	for _, before := range []string{"#include <stdlib.h>", "#include <stdbool.h>", "struct ListNode {", "struct TreeNode {"} {
		if i, j := strings.Index(src, before), strings.Index(src, include); i < 0 || j < 0 || i > j {
			t.Errorf("harness lacks %q before %q", before, include)
		}
	}
	for _, glue := range []string{
		"int** matrix = judge_read_int_matrix(judge_in, &matrixSize, &matrixColSize);",
		"int** judge_result = transpose(matrix, matrixSize, matrixColSize, &judge_size, &judge_cols);",
		"judge_put_int_matrix(judge_t, judge_result, judge_size, judge_cols);",
	} {
		if i, j := strings.Index(src, glue), strings.Index(src, include); i < 0 || i < j {
			t.Errorf("harness lacks %q after the user's code:\n%s", glue, src[max(0, j):])
		}
	}
	if !strings.HasSuffix(rt.Harness, ".c") || !strings.Contains(strings.Join(rt.Compile, " "), rt.Harness) {
		t.Errorf("runtime compiles %q, harness file %q", rt.Compile, rt.Harness)
	}
}
