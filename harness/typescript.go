package harness

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/judgehq/judge/problems"
)

// typescriptDeclarations declares what the harness provides to TypeScript
// code at run time: LeetCode's ListNode and TreeNode, and console (the
// runtime compiles against the ES2022 library without the DOM's, which is
// where console is declared otherwise). It must hold no // comment, since it
// becomes a single line.
//
//go:embed typescript/prelude.d.ts
var typescriptDeclarations string

// typescriptIODeclarations declares what a whole TypeScript program uses of
// Node.js: require, process and console.
//
//go:embed io/prelude.d.ts
var typescriptIODeclarations string

// oneLine joins declarations into one line, followed by a space.
func oneLine(decl string) string { return strings.Join(strings.Fields(decl), " ") + " " }

// typescriptLang is TypeScript, LeetCode style: tsc compiles the code (type
// errors are Compilation Errors), and the JavaScript harness runs tsc's
// output, so values are as in JavaScript. The declarations are the Prelude:
// ambient, they emit no code and cost no line.
var typescriptLang = &Lang{
	Name:     "typescript",
	Format:   FormatJSON,
	Function: func(n string) string { return n },
	Stub:     typescriptStub,
	Harness: func(problems.Signature) (string, error) {
		return javascriptHarness, nil
	},
	Prelude:   oneLine(typescriptDeclarations),
	ioPrelude: oneLine(typescriptIODeclarations),
}

// LeetCode's definitions of the linked types, shown commented out in stubs.
const (
	typescriptListNode = `/**
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
	typescriptTreeNode = `/**
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

// typescriptType is a type's name in TypeScript as LeetCode writes it: a node
// may be null, and an array of nullable nodes is an Array<...>.
func typescriptType(t problems.Type) string {
	switch t.Kind {
	case problems.Int, problems.Long, problems.Double:
		return "number"
	case problems.Bool:
		return "boolean"
	case problems.String:
		return "string"
	case problems.ListNode:
		return "ListNode | null"
	case problems.TreeNode:
		return "TreeNode | null"
	case problems.Array:
		elem := typescriptType(*t.Elem)
		if strings.Contains(elem, "|") || strings.HasPrefix(elem, "Array<") {
			return "Array<" + elem + ">"
		}
		return elem + "[]"
	}
	panic(fmt.Sprintf("typescript: no type for %v", t))
}

// typescriptStub is LeetCode's TypeScript stub: the linked types' definitions
// if the signature uses them, then a typed top-level function.
func typescriptStub(sig problems.Signature) string {
	var b strings.Builder
	if usesKind(sig, problems.ListNode) {
		b.WriteString(typescriptListNode)
	}
	if usesKind(sig, problems.TreeNode) {
		b.WriteString(typescriptTreeNode)
	}
	params := make([]string, len(sig.Params))
	for i, p := range sig.Params {
		params[i] = p.Name + ": " + typescriptType(p.Type)
	}
	fmt.Fprintf(&b, "function %s(%s): %s {\n    \n};\n", sig.Function, strings.Join(params, ", "), typescriptType(sig.Returns))
	return b.String()
}
