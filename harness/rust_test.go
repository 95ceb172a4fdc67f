package harness_test

import (
	"strings"
	"testing"

	"github.com/judgehq/judge/harness"
	"github.com/judgehq/judge/problems"
)

// rustSig builds a signature name(params) returns, each param "name type".
func rustSig(name, returns string, params ...string) problems.Signature {
	s := problems.Signature{Function: name, Returns: problems.MustParseType(returns)}
	for _, p := range params {
		n, typ, _ := strings.Cut(p, " ")
		s.Params = append(s.Params, problems.Param{Name: n, Type: problems.MustParseType(typ)})
	}
	return s
}

func rustLang(t *testing.T) *harness.Lang {
	t.Helper()
	l, ok := harness.Get("rust")
	if !ok {
		t.Fatal(`Get("rust") found nothing`)
	}
	return l
}

// The comment blocks LeetCode shows above stubs that use the node types.
const (
	leetcodeListNode = `// Definition for singly-linked list.
// #[derive(PartialEq, Eq, Clone, Debug)]
// pub struct ListNode {
//   pub val: i32,
//   pub next: Option<Box<ListNode>>
// }
// 
// impl ListNode {
//   #[inline]
//   fn new(val: i32) -> Self {
//     ListNode {
//       next: None,
//       val
//     }
//   }
// }
`
	leetcodeTreeNode = `// Definition for a binary tree node.
// #[derive(Debug, PartialEq, Eq)]
// pub struct TreeNode {
//   pub val: i32,
//   pub left: Option<Rc<RefCell<TreeNode>>>,
//   pub right: Option<Rc<RefCell<TreeNode>>>,
// }
// 
// impl TreeNode {
//   #[inline]
//   pub fn new(val: i32) -> Self {
//     TreeNode {
//       val,
//       left: None,
//       right: None
//     }
//   }
// }
use std::rc::Rc;
use std::cell::RefCell;
`
)

func TestRustStub(t *testing.T) {
	t.Parallel()
	rust := rustLang(t)
	var twoSum problems.Signature
	for _, p := range loadProblems(t) {
		if p.Slug == "two-sum" {
			twoSum = p.Signature
		}
	}
	if twoSum.Function == "" {
		t.Fatal("no bundled problem two-sum")
	}
	for _, tc := range []struct {
		name string
		sig  problems.Signature
		want string
	}{
		{"two-sum", twoSum, `impl Solution {
    pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32> {
        
    }
}
`},
		{"ListNode", rustSig("mergeKLists", "ListNode", "lists ListNode[]"), leetcodeListNode + `impl Solution {
    pub fn merge_k_lists(lists: Vec<Option<Box<ListNode>>>) -> Option<Box<ListNode>> {
        
    }
}
`},
		{"TreeNode", rustSig("levelOrder", "int[][]", "root TreeNode"), leetcodeTreeNode + `impl Solution {
    pub fn level_order(root: Option<Rc<RefCell<TreeNode>>>) -> Vec<Vec<i32>> {
        
    }
}
`},
		{"ListNode and TreeNode", rustSig("sortedListToBST", "TreeNode", "head ListNode"), leetcodeListNode + leetcodeTreeNode + `impl Solution {
    pub fn sorted_list_to_bst(head: Option<Box<ListNode>>) -> Option<Rc<RefCell<TreeNode>>> {
        
    }
}
`},
		{"string[][] and long", rustSig("accountsMerge", "long", "accounts string[][]", "maxCost long", "ratio double", "strict bool"), `impl Solution {
    pub fn accounts_merge(accounts: Vec<Vec<String>>, max_cost: i64, ratio: f64, strict: bool) -> i64 {
        
    }
}
`},
		{"keywords as names", rustSig("match", "int", "type int", "self int"), `impl Solution {
    pub fn r#match(r#type: i32, self_: i32) -> i32 {
        
    }
}
`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := rust.Stub(tc.sig); got != tc.want {
				t.Errorf("stub:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestRustFunction(t *testing.T) {
	t.Parallel()
	rust := rustLang(t)
	for in, want := range map[string]string{
		"twoSum":                 "two_sum",
		"findMedianSortedArrays": "find_median_sorted_arrays",
		"kidsWithCandies":        "kids_with_candies",
		"isValidBST":             "is_valid_bst",
		"lengthOfLIS":            "length_of_lis",
		"parseHTTPRequest":       "parse_http_request",
		"sum2Nums":               "sum2_nums",
		"nums1":                  "nums1",
		"transpose":              "transpose",
		"already_snake":          "already_snake",
		"move":                   "r#move",
	} {
		if got := rust.Function(in); got != want {
			t.Errorf("Function(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRustHarness(t *testing.T) {
	t.Parallel()
	rust := rustLang(t)
	if rust.Format != harness.FormatTokens || rust.Prelude != "" {
		t.Errorf("format %q, prelude %q: want tokens and no prelude (the harness brings the names in)", rust.Format, rust.Prelude)
	}

	src, err := rust.Harness(rustSig("twoSum", "int[]", "nums int[]", "target int"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"pub struct Solution;",
		`include!("solution.rs");`,
		"use leetcode_prelude::*;",
		"let arg0: Vec<i32> = read(t);",
		"let arg1: i32 = read(t);",
		"call(move || -> Vec<i32> { crate::Solution::two_sum(arg0, arg1) })",
		"fn main() {",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("two-sum harness lacks %q", want)
		}
	}
	// A solution may define its own node types when the problem has none.
	for _, absent := range []string{"struct ListNode", "struct TreeNode", "mod list", "mod tree"} {
		if strings.Contains(src, absent) {
			t.Errorf("two-sum harness has %q", absent)
		}
	}

	src, err = rust.Harness(rustSig("mergeTrees", "TreeNode", "lists ListNode[]", "root TreeNode"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"pub struct ListNode {", "pub struct TreeNode {", "mod list {", "mod tree {",
		"let arg0: Vec<Option<Box<crate::ListNode>>> = read(t);",
		"let arg1: Option<std::rc::Rc<std::cell::RefCell<crate::TreeNode>>> = read(t);",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("node harness lacks %q", want)
		}
	}
	// The include comes after the definitions it relies on.
	if strings.Index(src, "include!") < strings.Index(src, "pub struct TreeNode") {
		t.Error("the solution is included before the node types are defined")
	}

	if _, err := rust.Harness(problems.Signature{Function: "f", Returns: problems.Type{}}); err == nil {
		t.Error("Harness accepted an invalid return type")
	}
}
