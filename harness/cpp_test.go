package harness_test

import (
	"strings"
	"testing"

	"github.com/judgehq/judge/harness"
	"github.com/judgehq/judge/problems"
	"github.com/judgehq/judge/runtimes"
)

// cppSig builds a signature name(params) returns, each param "name type".
func cppSig(name, returns string, params ...string) problems.Signature {
	s := problems.Signature{Function: name, Returns: problems.MustParseType(returns)}
	for _, p := range params {
		n, typ, _ := strings.Cut(p, " ")
		s.Params = append(s.Params, problems.Param{Name: n, Type: problems.MustParseType(typ)})
	}
	return s
}

const (
	cppListDoc = `/**
 * Definition for singly-linked list.
 * struct ListNode {
 *     int val;
 *     ListNode *next;
 *     ListNode() : val(0), next(nullptr) {}
 *     ListNode(int x) : val(x), next(nullptr) {}
 *     ListNode(int x, ListNode *next) : val(x), next(next) {}
 * };
 */
`
	cppTreeDoc = `/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     TreeNode *left;
 *     TreeNode *right;
 *     TreeNode() : val(0), left(nullptr), right(nullptr) {}
 *     TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
 *     TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
 * };
 */
`
)

func TestCppStub(t *testing.T) {
	t.Parallel()
	cpp, ok := harness.Get("cpp")
	if !ok {
		t.Fatal("no cpp harness")
	}
	for _, tc := range []struct {
		name string
		sig  problems.Signature
		want string
	}{
		{"two-sum", cppSig("twoSum", "int[]", "nums int[]", "target int"),
			"class Solution {\npublic:\n    vector<int> twoSum(vector<int>& nums, int target) {\n        \n    }\n};\n"},
		{"ListNode", cppSig("mergeKLists", "ListNode", "lists ListNode[]"),
			cppListDoc + "class Solution {\npublic:\n    ListNode* mergeKLists(vector<ListNode*>& lists) {\n        \n    }\n};\n"},
		{"TreeNode", cppSig("levelOrder", "int[][]", "root TreeNode"),
			cppTreeDoc + "class Solution {\npublic:\n    vector<vector<int>> levelOrder(TreeNode* root) {\n        \n    }\n};\n"},
		{"ListNode and TreeNode", cppSig("sortedListToBST", "TreeNode", "head ListNode"),
			cppListDoc + cppTreeDoc + "class Solution {\npublic:\n    TreeNode* sortedListToBST(ListNode* head) {\n        \n    }\n};\n"},
		{"string[][]", cppSig("groupAnagrams", "string[][]", "strs string[]"),
			"class Solution {\npublic:\n    vector<vector<string>> groupAnagrams(vector<string>& strs) {\n        \n    }\n};\n"},
		{"long", cppSig("climbStairs", "long", "n int"),
			"class Solution {\npublic:\n    long long climbStairs(int n) {\n        \n    }\n};\n"},
		{"string, double, bool", cppSig("f", "double", "s string", "x long[]", "b bool[][]"),
			"class Solution {\npublic:\n    double f(string s, vector<long long>& x, vector<vector<bool>>& b) {\n        \n    }\n};\n"},
		{"keyword parameter", cppSig("f", "bool", "new int", "class string"),
			"class Solution {\npublic:\n    bool f(int new_, string class_) {\n        \n    }\n};\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := cpp.Stub(tc.sig); got != tc.want {
				t.Errorf("stub:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestCppHarness(t *testing.T) {
	t.Parallel()
	cpp, ok := harness.Get("cpp")
	if !ok {
		t.Fatal("no cpp harness")
	}
	if cpp.Format != harness.FormatTokens || cpp.Function("twoSum") != "twoSum" {
		t.Errorf("format %q, Function(twoSum) = %q", cpp.Format, cpp.Function("twoSum"))
	}
	src, err := cpp.Harness(cppSig("twoSum", "int[]", "nums int[]", "target int"))
	if err != nil {
		t.Fatalf("Harness: %v", err)
	}
	rt := runtimes.NewSet(runtimes.Builtin())["cpp"]
	if rt == nil {
		t.Fatal("no cpp runtime")
	}
	// The user's code must come after what LeetCode code takes for
	// granted, and before the glue that calls it.
	include := `#include "` + rt.Source + `"`
	for _, before := range []string{"#include <bits/stdc++.h>", "using namespace std;", "struct ListNode {", "struct TreeNode {"} {
		if i, j := strings.Index(src, before), strings.Index(src, include); i < 0 || j < 0 || i > j {
			t.Errorf("harness lacks %q before %q", before, include)
		}
	}
	for _, glue := range []string{
		"vector<int> nums = judge_harness::read<vector<int>>(judge_in);",
		"int target = judge_harness::read<int>(judge_in);",
		"vector<int> judge_result = judge_solution->twoSum(nums, target);",
	} {
		if i, j := strings.Index(src, glue), strings.Index(src, include); i < 0 || i < j {
			t.Errorf("harness lacks %q after the user's code:\n%s", glue, src[max(0, j):])
		}
	}
	if !strings.HasSuffix(rt.Harness, ".cpp") || !strings.Contains(strings.Join(rt.Compile, " "), rt.Harness) {
		t.Errorf("runtime compiles %q, harness file %q", rt.Compile, rt.Harness)
	}
}
