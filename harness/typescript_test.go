package harness_test

import (
	"strings"
	"testing"

	"github.com/judgehq/judge/harness"
	"github.com/judgehq/judge/problems"
)

const (
	tsListNode = `/**
 * Definition for singly-linked list.
 * class ListNode {
 *     val: number
 *     next: ListNode | null
 *     constructor(val?: number, next?: ListNode | null) {
 *         this.val = (val===undefined ? 0 : val)
 *         this.next = (next===undefined ? null : next)
 *     }
 * }
 */

`
	tsTreeNode = `/**
 * Definition for a binary tree node.
 * class TreeNode {
 *     val: number
 *     left: TreeNode | null
 *     right: TreeNode | null
 *     constructor(val?: number, left?: TreeNode | null, right?: TreeNode | null) {
 *         this.val = (val===undefined ? 0 : val)
 *         this.left = (left===undefined ? null : left)
 *         this.right = (right===undefined ? null : right)
 *     }
 * }
 */

`
)

func TestTypeScriptStub(t *testing.T) {
	t.Parallel()
	ts, ok := harness.Get("typescript")
	if !ok {
		t.Fatal("no typescript harness")
	}
	for _, tc := range []struct {
		name string
		sig  problems.Signature
		want string
	}{
		{"two-sum", jsBundledSignature(t, "two-sum"),
			"function twoSum(nums: number[], target: number): number[] {\n    \n};\n"},
		{"ListNode", jsSignature(t, "reverseList", "ListNode", "head ListNode"),
			tsListNode + "function reverseList(head: ListNode | null): ListNode | null {\n    \n};\n"},
		{"TreeNode", jsSignature(t, "levelOrder", "int[][]", "root TreeNode"),
			tsTreeNode + "function levelOrder(root: TreeNode | null): number[][] {\n    \n};\n"},
		{"ListNode[]", jsSignature(t, "mergeKLists", "ListNode", "lists ListNode[]"),
			tsListNode + "function mergeKLists(lists: Array<ListNode | null>): ListNode | null {\n    \n};\n"},
		{"both nodes", jsSignature(t, "sortedListToBST", "TreeNode[]", "head ListNode"),
			tsListNode + tsTreeNode + "function sortedListToBST(head: ListNode | null): Array<TreeNode | null> {\n    \n};\n"},
		{"string[][]", jsSignature(t, "groupAnagrams", "string[][]", "strs string[]"),
			"function groupAnagrams(strs: string[]): string[][] {\n    \n};\n"},
		{"long", jsSignature(t, "maximumSubarraySum", "long", "nums long[]", "k int", "flag bool", "ratio double"),
			"function maximumSubarraySum(nums: number[], k: number, flag: boolean, ratio: number): number {\n    \n};\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ts.Stub(tc.sig); got != tc.want {
				t.Errorf("stub:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestTypeScriptLang(t *testing.T) {
	t.Parallel()
	ts, ok := harness.Get("typescript")
	if !ok {
		t.Fatal("no typescript harness")
	}
	js, _ := harness.Get("javascript")
	if ts.Format != harness.FormatJSON || ts.Function("twoSum") != "twoSum" {
		t.Errorf("format %q, function %q: want json, twoSum", ts.Format, ts.Function("twoSum"))
	}
	// tsc's output runs under the JavaScript harness.
	tsSrc, err := ts.Harness(problems.Signature{})
	jsSrc, _ := js.Harness(problems.Signature{})
	if err != nil || tsSrc != jsSrc {
		t.Errorf("typescript harness differs from javascript's (error %v)", err)
	}
	// The prelude goes in front of the user's first line: one line, no line
	// comment that would swallow the user's code, declarations only.
	p := ts.Prelude
	if strings.ContainsAny(p, "\r\n") || strings.Contains(p, "//") || !strings.HasSuffix(p, " ") {
		t.Errorf("prelude is not a single line ending in a space without //: %q", p)
	}
	for _, want := range []string{"declare class ListNode {", "declare class TreeNode {", "declare var console: Console;"} {
		if !strings.Contains(p, want) {
			t.Errorf("prelude lacks %q: %q", want, p)
		}
	}
}
