package harness

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/judgehq/judge/problems"
)

// goLibrary is the fixed part of the Go harness: ListNode, TreeNode, main,
// the token reader and the JSON writer.
//
//go:embed golang/harness.go
var goLibrary string

// goPrelude gives LeetCode's Go code, which has no package clause, one. The
// Go runtime's compile step drops it when the code has a package clause of
// its own (see runtimes/go/runtime.yaml).
const goPrelude = "package main; "

// goLang is Go as LeetCode has it: a top-level function, no package clause.
var goLang = &Lang{
	Name:     "go",
	Format:   FormatTokens,
	Function: func(n string) string { return n },
	Stub:     goStub,
	Harness:  goHarness,
	Prelude:  goPrelude,
}

const goListNodeDoc = `/**
 * Definition for singly-linked list.
 * type ListNode struct {
 *     Val int
 *     Next *ListNode
 * }
 */
`

const goTreeNodeDoc = `/**
 * Definition for a binary tree node.
 * type TreeNode struct {
 *     Val int
 *     Left *TreeNode
 *     Right *TreeNode
 * }
 */
`

// goKeywords are the reserved words a parameter cannot be called.
var goKeywords = map[string]bool{
	"break": true, "case": true, "chan": true, "const": true, "continue": true, "default": true,
	"defer": true, "else": true, "fallthrough": true, "for": true, "func": true, "go": true,
	"goto": true, "if": true, "import": true, "interface": true, "map": true, "package": true,
	"range": true, "return": true, "select": true, "struct": true, "switch": true, "type": true,
	"var": true,
}

// goType is the Go type of t: []int for int[], *ListNode for ListNode.
func goType(t problems.Type) string {
	switch t.Kind {
	case problems.Int:
		return "int"
	case problems.Long:
		return "int64"
	case problems.Double:
		return "float64"
	case problems.Bool:
		return "bool"
	case problems.String:
		return "string"
	case problems.ListNode:
		return "*ListNode"
	case problems.TreeNode:
		return "*TreeNode"
	case problems.Array:
		return "[]" + goType(*t.Elem)
	}
	panic(fmt.Sprintf("go: no type for %v", t))
}

// goStub is LeetCode's Go stub: the node definitions the signature uses as
// comments, then the function.
func goStub(sig problems.Signature) string {
	var b strings.Builder
	if usesKind(sig, problems.ListNode) {
		b.WriteString(goListNodeDoc)
	}
	if usesKind(sig, problems.TreeNode) {
		b.WriteString(goTreeNodeDoc)
	}
	params := make([]string, len(sig.Params))
	for i, p := range sig.Params {
		name := p.Name
		if goKeywords[name] {
			name += "_"
		}
		params[i] = name + " " + goType(p.Type)
	}
	fmt.Fprintf(&b, "func %s(%s) %s {\n    \n}\n", sig.Function, strings.Join(params, ", "), goType(sig.Returns))
	return b.String()
}

// goHarness returns harness.go for sig: the fixed library, then judgeRead,
// which reads a test's arguments by type and returns the call of the user's
// function and the writer of its value.
func goHarness(sig problems.Signature) (string, error) {
	types := []problems.Type{sig.Returns}
	for _, p := range sig.Params {
		types = append(types, p.Type)
	}
	for _, t := range types {
		if err := goCheck(t); err != nil {
			return "", err
		}
	}
	lib, ok := strings.CutPrefix(goLibrary, "//go:build ignore\n")
	if !ok {
		return "", fmt.Errorf("go: harness/golang/harness.go lacks its build constraint")
	}
	var b strings.Builder
	b.WriteString(lib)
	fmt.Fprintf(&b, "\n// judgeRead reads the arguments of one test and returns the call of %s.\n", sig.Function)
	b.WriteString("func judgeRead(in *judgeTokens) judgeCall {\n")
	args := make([]string, len(sig.Params))
	for i, p := range sig.Params {
		args[i] = fmt.Sprintf("a%d", i)
		fmt.Fprintf(&b, "\ta%d := %s\n", i, goCall(goReader(p.Type), "in"))
	}
	b.WriteString("\treturn func() func(*judgeJSON) {\n")
	// A typed variable, so that a function of another result type fails
	// to compile with a message about its result.
	fmt.Fprintf(&b, "\t\tvar r %s = %s(%s)\n", goType(sig.Returns), sig.Function, strings.Join(args, ", "))
	fmt.Fprintf(&b, "\t\treturn func(out *judgeJSON) { %s }\n", goCall(goWriter(sig.Returns), "out", "r"))
	b.WriteString("\t}\n}\n")
	return b.String(), nil
}

func goCheck(t problems.Type) error {
	for t.Kind == problems.Array {
		t = *t.Elem
	}
	if _, ok := goScalars[t.Kind]; !ok {
		return unsupported("go", t)
	}
	return nil
}

// goScalars names the library's reader and writer methods of each scalar
// type: (*judgeTokens).Int and (*judgeJSON).Int for int.
var goScalars = map[problems.Kind]string{
	problems.Int:      "Int",
	problems.Long:     "Long",
	problems.Double:   "Double",
	problems.Bool:     "Bool",
	problems.String:   "Str",
	problems.ListNode: "List",
	problems.TreeNode: "Tree",
}

// goCall returns the call of fn, a method expression or a function value,
// on recv and args: in.Int() rather than (*judgeTokens).Int(in).
func goCall(fn, recv string, args ...string) string {
	if m, ok := strings.CutPrefix(fn, "(*judgeTokens)."); ok {
		return recv + "." + m + "(" + strings.Join(args, ", ") + ")"
	}
	if m, ok := strings.CutPrefix(fn, "(*judgeJSON)."); ok {
		return recv + "." + m + "(" + strings.Join(args, ", ") + ")"
	}
	return fn + "(" + strings.Join(append([]string{recv}, args...), ", ") + ")"
}

// goReader returns a func(*judgeTokens) T that reads a t.
func goReader(t problems.Type) string {
	if t.Kind == problems.Array {
		return "judgeSlice(" + goReader(*t.Elem) + ")"
	}
	return "(*judgeTokens)." + goScalars[t.Kind]
}

// goWriter returns a func(*judgeJSON, T) that writes a t.
func goWriter(t problems.Type) string {
	if t.Kind == problems.Array {
		return "judgeWriteSlice(" + goWriter(*t.Elem) + ")"
	}
	return "(*judgeJSON)." + goScalars[t.Kind]
}
