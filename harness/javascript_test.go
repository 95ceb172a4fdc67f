package harness_test

import (
	"strings"
	"testing"

	"github.com/judgehq/judge/harness"
	"github.com/judgehq/judge/problems"
)

// jsSignature builds a signature from "name type" parameter pairs, for stub tests.
func jsSignature(t *testing.T, function, returns string, params ...string) problems.Signature {
	t.Helper()
	s := problems.Signature{Function: function, Returns: problems.MustParseType(returns)}
	for _, p := range params {
		name, typ, ok := strings.Cut(p, " ")
		if !ok {
			t.Fatalf("parameter %q: want \"name type\"", p)
		}
		s.Params = append(s.Params, problems.Param{Name: name, Type: problems.MustParseType(typ)})
	}
	return s
}

// jsBundledSignature returns the signature of the bundled problem slug.
func jsBundledSignature(t *testing.T, slug string) problems.Signature {
	t.Helper()
	for _, p := range loadProblems(t) {
		if p.Slug == slug {
			return p.Signature
		}
	}
	t.Fatalf("no bundled problem %s", slug)
	return problems.Signature{}
}

func TestJavaScriptStub(t *testing.T) {
	t.Parallel()
	js, ok := harness.Get("javascript")
	if !ok {
		t.Fatal("no javascript harness")
	}
	for _, tc := range []struct {
		name string
		sig  problems.Signature
		want string
	}{
		{"two-sum", jsBundledSignature(t, "two-sum"), `/**
 * @param {number[]} nums
 * @param {number} target
 * @return {number[]}
 */
var twoSum = function(nums, target) {
    
};
`},
		{"ListNode", jsSignature(t, "reverseList", "ListNode", "head ListNode"), `/**
 * Definition for singly-linked list.
 * function ListNode(val, next) {
 *     this.val = (val===undefined ? 0 : val)
 *     this.next = (next===undefined ? null : next)
 * }
 */
/**
 * @param {ListNode} head
 * @return {ListNode}
 */
var reverseList = function(head) {
    
};
`},
		{"TreeNode", jsSignature(t, "levelOrder", "int[][]", "root TreeNode"), `/**
 * Definition for a binary tree node.
 * function TreeNode(val, left, right) {
 *     this.val = (val===undefined ? 0 : val)
 *     this.left = (left===undefined ? null : left)
 *     this.right = (right===undefined ? null : right)
 * }
 */
/**
 * @param {TreeNode} root
 * @return {number[][]}
 */
var levelOrder = function(root) {
    
};
`},
		{"ListNode[]", jsSignature(t, "mergeKLists", "ListNode", "lists ListNode[]"), `/**
 * Definition for singly-linked list.
 * function ListNode(val, next) {
 *     this.val = (val===undefined ? 0 : val)
 *     this.next = (next===undefined ? null : next)
 * }
 */
/**
 * @param {ListNode[]} lists
 * @return {ListNode}
 */
var mergeKLists = function(lists) {
    
};
`},
		{"string[][]", jsSignature(t, "groupAnagrams", "string[][]", "strs string[]"), `/**
 * @param {string[]} strs
 * @return {string[][]}
 */
var groupAnagrams = function(strs) {
    
};
`},
		{"long", jsSignature(t, "maximumSubarraySum", "long", "nums int[]", "k int", "flag bool", "ratio double"), `/**
 * @param {number[]} nums
 * @param {number} k
 * @param {boolean} flag
 * @param {number} ratio
 * @return {number}
 */
var maximumSubarraySum = function(nums, k, flag, ratio) {
    
};
`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := js.Stub(tc.sig); got != tc.want {
				t.Errorf("stub:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestJavaScriptLang(t *testing.T) {
	t.Parallel()
	js, ok := harness.Get("javascript")
	if !ok {
		t.Fatal("no javascript harness")
	}
	if js.Format != harness.FormatJSON || js.Prelude != "" {
		t.Errorf("format %q, prelude %q: want json and no prelude", js.Format, js.Prelude)
	}
	if got := js.Function("twoSum"); got != "twoSum" {
		t.Errorf(`Function("twoSum") = %q, want "twoSum"`, got)
	}
	src, err := js.Harness(problems.Signature{})
	if err != nil || !strings.Contains(src, "function main()") || !strings.Contains(src, `"solution.js"`) {
		t.Errorf("harness of %d bytes without main() loading solution.js, error %v", len(src), err)
	}
}
