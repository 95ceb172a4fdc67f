package harness_test

import (
	"strings"
	"testing"

	"github.com/judgehq/judge/harness"
	"github.com/judgehq/judge/problems"
)

const goListDoc = `/**
 * Definition for singly-linked list.
 * type ListNode struct {
 *     Val int
 *     Next *ListNode
 * }
 */
`

const goTreeDoc = `/**
 * Definition for a binary tree node.
 * type TreeNode struct {
 *     Val int
 *     Left *TreeNode
 *     Right *TreeNode
 * }
 */
`

func TestGoStub(t *testing.T) {
	t.Parallel()
	golang, ok := harness.Get("go")
	if !ok {
		t.Fatal("no go harness")
	}
	for _, tc := range []struct {
		name string
		sig  problems.Signature
		want string
	}{
		{"two-sum", sigOf("twoSum", "int[]", "nums int[]", "target int"),
			"func twoSum(nums []int, target int) []int {\n    \n}\n"},
		{"ListNode", sigOf("mergeTwoLists", "ListNode", "list1 ListNode", "list2 ListNode"),
			goListDoc + "func mergeTwoLists(list1 *ListNode, list2 *ListNode) *ListNode {\n    \n}\n"},
		{"TreeNode", sigOf("maxDepth", "int", "root TreeNode"),
			goTreeDoc + "func maxDepth(root *TreeNode) int {\n    \n}\n"},
		{"ListNode and TreeNode arrays", sigOf("f", "TreeNode[]", "lists ListNode[]"),
			goListDoc + goTreeDoc + "func f(lists []*ListNode) []*TreeNode {\n    \n}\n"},
		{"string[][]", sigOf("groupAnagrams", "string[][]", "strs string[]"),
			"func groupAnagrams(strs []string) [][]string {\n    \n}\n"},
		{"long, double, bool", sigOf("f", "long", "n long", "x double[][]", "b bool[]"),
			"func f(n int64, x [][]float64, b []bool) int64 {\n    \n}\n"},
		{"keyword parameter", sigOf("f", "bool", "type int", "s string"),
			"func f(type_ int, s string) bool {\n    \n}\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := golang.Stub(tc.sig); got != tc.want {
				t.Errorf("stub:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestGoHarness(t *testing.T) {
	t.Parallel()
	golang, ok := harness.Get("go")
	if !ok {
		t.Fatal("no go harness")
	}
	if golang.Format != harness.FormatTokens || golang.Function("twoSum") != "twoSum" {
		t.Errorf("format %q, function name %q", golang.Format, golang.Function("twoSum"))
	}
	// LeetCode's Go code has no package clause: the prelude gives it one,
	// on its first line.
	if golang.Prelude != "package main; " {
		t.Errorf("prelude %q", golang.Prelude)
	}
	src, err := golang.Harness(sigOf("twoSum", "int[][]", "nums int[]", "target long", "words string[][]", "head ListNode"))
	if err != nil {
		t.Fatal(err)
	}
	// The library's build constraint keeps it out of the judge's own
	// build; in the sandbox it would keep the harness out of the program.
	if strings.Contains(src, "//go:build") || !strings.HasPrefix(strings.TrimLeft(src, "/ \n"), "The fixed part") {
		t.Errorf("harness does not start with the library's doc comment, without its build constraint:\n%.300s", src)
	}
	for _, want := range []string{
		"\npackage main\n", "\ntype ListNode struct {", "\ntype TreeNode struct {", "\nfunc main() {",
		"\nfunc judgeRead(in *judgeTokens) judgeCall {",
		"a0 := judgeSlice((*judgeTokens).Int)(in)",
		"a1 := in.Long()",
		"a2 := judgeSlice(judgeSlice((*judgeTokens).Str))(in)",
		"a3 := in.List()",
		"var r [][]int = twoSum(a0, a1, a2, a3)",
		"judgeWriteSlice(judgeWriteSlice((*judgeJSON).Int))(out, r)",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("harness lacks %q", want)
		}
	}
	src, err = golang.Harness(sigOf("f", "TreeNode", "n double"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"a0 := in.Double()", "out.Tree(r)"} {
		if !strings.Contains(src, want) {
			t.Errorf("harness lacks %q", want)
		}
	}
}
