package harness_test

import (
	"strings"
	"testing"

	"github.com/judgehq/judge/harness"
	"github.com/judgehq/judge/problems"
)

// sigOf builds a signature: name(params...) returns, each param "name type".
func sigOf(name, returns string, params ...string) problems.Signature {
	s := problems.Signature{Function: name, Returns: problems.MustParseType(returns)}
	for _, p := range params {
		n, typ, _ := strings.Cut(p, " ")
		s.Params = append(s.Params, problems.Param{Name: n, Type: problems.MustParseType(typ)})
	}
	return s
}

const javaListDoc = `/**
 * Definition for singly-linked list.
 * public class ListNode {
 *     int val;
 *     ListNode next;
 *     ListNode() {}
 *     ListNode(int val) { this.val = val; }
 *     ListNode(int val, ListNode next) { this.val = val; this.next = next; }
 * }
 */
`

const javaTreeDoc = `/**
 * Definition for a binary tree node.
 * public class TreeNode {
 *     int val;
 *     TreeNode left;
 *     TreeNode right;
 *     TreeNode() {}
 *     TreeNode(int val) { this.val = val; }
 *     TreeNode(int val, TreeNode left, TreeNode right) {
 *         this.val = val;
 *         this.left = left;
 *         this.right = right;
 *     }
 * }
 */
`

func TestJavaStub(t *testing.T) {
	t.Parallel()
	java, ok := harness.Get("java")
	if !ok {
		t.Fatal("no java harness")
	}
	for _, tc := range []struct {
		name string
		sig  problems.Signature
		want string
	}{
		{"two-sum", sigOf("twoSum", "int[]", "nums int[]", "target int"),
			"class Solution {\n    public int[] twoSum(int[] nums, int target) {\n        \n    }\n}\n"},
		{"ListNode", sigOf("mergeTwoLists", "ListNode", "list1 ListNode", "list2 ListNode"),
			javaListDoc + "class Solution {\n    public ListNode mergeTwoLists(ListNode list1, ListNode list2) {\n        \n    }\n}\n"},
		{"TreeNode", sigOf("maxDepth", "int", "root TreeNode"),
			javaTreeDoc + "class Solution {\n    public int maxDepth(TreeNode root) {\n        \n    }\n}\n"},
		{"ListNode and TreeNode arrays", sigOf("f", "TreeNode[]", "lists ListNode[]"),
			javaListDoc + javaTreeDoc + "class Solution {\n    public TreeNode[] f(ListNode[] lists) {\n        \n    }\n}\n"},
		{"string[][]", sigOf("groupAnagrams", "string[][]", "strs string[]"),
			"class Solution {\n    public String[][] groupAnagrams(String[] strs) {\n        \n    }\n}\n"},
		{"long, double, bool", sigOf("f", "long", "n long", "x double[][]", "b bool[]"),
			"class Solution {\n    public long f(long n, double[][] x, boolean[] b) {\n        \n    }\n}\n"},
		{"keyword parameter", sigOf("f", "bool", "int int", "s string"),
			"class Solution {\n    public boolean f(int int_, String s) {\n        \n    }\n}\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := java.Stub(tc.sig); got != tc.want {
				t.Errorf("stub:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestJavaHarness(t *testing.T) {
	t.Parallel()
	java, ok := harness.Get("java")
	if !ok {
		t.Fatal("no java harness")
	}
	if java.Format != harness.FormatTokens || java.Function("twoSum") != "twoSum" {
		t.Errorf("format %q, function name %q", java.Format, java.Function("twoSum"))
	}
	// The prelude shares the user's first line: no newline.
	if p := java.Prelude; !strings.Contains(p, "import java.util.*;") || strings.Contains(p, "\n") {
		t.Errorf("prelude %q", p)
	}
	src, err := java.Harness(sigOf("twoSum", "int[][]", "nums int[]", "target int", "words string[][]"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"class ListNode {", "class TreeNode {", "final class JudgeHarness {",
		"public class Main implements JudgeHarness.Glue {",
		"int[][] r = new Solution().twoSum(a0, a1, a2);",
		"a1 = in.nextInt();",
		"a2 = readStringArrayArray(in);",
		"private static String[][] readStringArrayArray(JudgeHarness.Tokens in) {",
		"String[][] a = new String[in.length()][];",
		"writeIntArrayArray(out, (int[][]) result);",
		"private static void writeIntArray(JudgeHarness.Json out, int[] v) {",
	} {
		if !strings.Contains(src, want) {
			t.Errorf("harness lacks %q", want)
		}
	}
	// Only one public class, the one the runtime starts.
	if n := strings.Count(src, "public class "); n != 1 {
		t.Errorf("%d public classes, want 1 (Main)", n)
	}
	src, err = java.Harness(sigOf("f", "double", "n long"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "out.value(((Double) result).doubleValue());"; !strings.Contains(src, want) {
		t.Errorf("harness lacks %q", want)
	}
}
