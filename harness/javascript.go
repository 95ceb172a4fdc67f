package harness

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/judgehq/judge/problems"
)

// javascriptHarness is the harness of JavaScript and TypeScript: a fixed
// Node.js program that loads solution.js (for TypeScript, tsc's output) and
// calls the function once per test. See harness/javascript/harness.js.
//
//go:embed javascript/harness.js
var javascriptHarness string

// javascriptLang is JavaScript on Node.js, LeetCode style: a top-level
// function (var f = function(...), function f(...) or const f = ...), numbers
// for int, long and double, and LeetCode's ListNode and TreeNode constructors
// as globals. A long beyond 2^53 - 1, which a number cannot hold, reaches the
// function as a BigInt; see the harness.
var javascriptLang = &Lang{
	Name:     "javascript",
	Format:   FormatJSON,
	Function: func(n string) string { return n },
	Stub:     javascriptStub,
	Harness: func(problems.Signature) (string, error) {
		return javascriptHarness, nil
	},
}

// LeetCode's definitions of the linked types, shown commented out in stubs.
const (
	javascriptListNode = `/**
 * Definition for singly-linked list.
 * function ListNode(val, next) {
 *     this.val = (val===undefined ? 0 : val)
 *     this.next = (next===undefined ? null : next)
 * }
 */
`
	javascriptTreeNode = `/**
 * Definition for a binary tree node.
 * function TreeNode(val, left, right) {
 *     this.val = (val===undefined ? 0 : val)
 *     this.left = (left===undefined ? null : left)
 *     this.right = (right===undefined ? null : right)
 * }
 */
`
)

// javascriptType is a type's name in the JSDoc comment of a stub.
func javascriptType(t problems.Type) string {
	switch t.Kind {
	case problems.Int, problems.Long, problems.Double:
		return "number"
	case problems.Bool:
		return "boolean"
	case problems.String:
		return "string"
	case problems.ListNode:
		return "ListNode"
	case problems.TreeNode:
		return "TreeNode"
	case problems.Array:
		return javascriptType(*t.Elem) + "[]"
	}
	panic(fmt.Sprintf("javascript: no type for %v", t))
}

// javascriptStub is LeetCode's JavaScript stub: the linked types' definitions
// if the signature uses them, a JSDoc comment with the types, and the
// function as a var.
func javascriptStub(sig problems.Signature) string {
	var b strings.Builder
	if usesKind(sig, problems.ListNode) {
		b.WriteString(javascriptListNode)
	}
	if usesKind(sig, problems.TreeNode) {
		b.WriteString(javascriptTreeNode)
	}
	b.WriteString("/**\n")
	names := make([]string, len(sig.Params))
	for i, p := range sig.Params {
		fmt.Fprintf(&b, " * @param {%s} %s\n", javascriptType(p.Type), p.Name)
		names[i] = p.Name
	}
	fmt.Fprintf(&b, " * @return {%s}\n */\n", javascriptType(sig.Returns))
	fmt.Fprintf(&b, "var %s = function(%s) {\n    \n};\n", sig.Function, strings.Join(names, ", "))
	return b.String()
}
