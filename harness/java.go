package harness

import (
	_ "embed"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/judgehq/judge/problems"
)

// javaLibrary is the fixed part of the Java harness: ListNode, TreeNode and
// JudgeHarness, which reads the tokens, runs the tests and writes records.
//
//go:embed java/Harness.java
var javaLibrary string

// javaLang is Java as LeetCode has it: a class Solution with a public method,
// java.util and java.util.stream imported.
var javaLang = &Lang{
	Name:     "java",
	Format:   FormatTokens,
	Function: func(n string) string { return n },
	Stub:     javaStub,
	Harness:  javaHarness,
	Prelude:  "import java.util.*; import java.util.stream.*; ",
}

const javaListNodeDoc = `/**
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

const javaTreeNodeDoc = `/**
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

// javaKeywords are the reserved words a parameter cannot be called.
var javaKeywords = map[string]bool{
	"abstract": true, "assert": true, "boolean": true, "break": true, "byte": true, "case": true,
	"catch": true, "char": true, "class": true, "const": true, "continue": true, "default": true,
	"do": true, "double": true, "else": true, "enum": true, "extends": true, "final": true,
	"finally": true, "float": true, "for": true, "goto": true, "if": true, "implements": true,
	"import": true, "instanceof": true, "int": true, "interface": true, "long": true, "native": true,
	"new": true, "package": true, "private": true, "protected": true, "public": true, "return": true,
	"short": true, "static": true, "strictfp": true, "super": true, "switch": true, "synchronized": true,
	"this": true, "throw": true, "throws": true, "transient": true, "try": true, "void": true,
	"volatile": true, "while": true, "true": true, "false": true, "null": true, "_": true,
}

// javaType is the Java type of t: int[] for int[], ListNode for ListNode.
func javaType(t problems.Type) string {
	switch t.Kind {
	case problems.Int:
		return "int"
	case problems.Long:
		return "long"
	case problems.Double:
		return "double"
	case problems.Bool:
		return "boolean"
	case problems.String:
		return "String"
	case problems.ListNode:
		return "ListNode"
	case problems.TreeNode:
		return "TreeNode"
	case problems.Array:
		return javaType(*t.Elem) + "[]"
	}
	panic(fmt.Sprintf("java: no type for %v", t))
}

// javaStub is LeetCode's Java stub: the node definitions the signature uses
// as comments, then class Solution with one public method.
func javaStub(sig problems.Signature) string {
	var b strings.Builder
	if usesKind(sig, problems.ListNode) {
		b.WriteString(javaListNodeDoc)
	}
	if usesKind(sig, problems.TreeNode) {
		b.WriteString(javaTreeNodeDoc)
	}
	params := make([]string, len(sig.Params))
	for i, p := range sig.Params {
		name := p.Name
		if javaKeywords[name] {
			name += "_"
		}
		params[i] = javaType(p.Type) + " " + name
	}
	b.WriteString("class Solution {\n")
	fmt.Fprintf(&b, "    public %s %s(%s) {\n", javaType(sig.Returns), sig.Function, strings.Join(params, ", "))
	b.WriteString("        \n    }\n}\n")
	return b.String()
}

// javaHarness returns Main.java for sig: the fixed library, then class Main,
// which reads each test's arguments by type, calls Solution's method and
// writes the value it returns.
func javaHarness(sig problems.Signature) (string, error) {
	g := &javaGen{helpers: map[string]string{}}
	types := []problems.Type{sig.Returns}
	for _, p := range sig.Params {
		types = append(types, p.Type)
	}
	for _, t := range types {
		if err := g.check(t); err != nil {
			return "", err
		}
	}
	var b strings.Builder
	b.WriteString(javaLibrary)
	fmt.Fprintf(&b, "\n// Main calls Solution.%s: generated for the problem's signature.\n", sig.Function)
	b.WriteString("public class Main implements JudgeHarness.Glue {\n")
	args := make([]string, len(sig.Params))
	for i, p := range sig.Params {
		args[i] = fmt.Sprintf("a%d", i)
		fmt.Fprintf(&b, "    private %s a%d;\n", javaType(p.Type), i)
	}
	b.WriteString("\n    public static void main(String[] args) {\n        JudgeHarness.main(new Main());\n    }\n")
	b.WriteString("\n    @Override\n    public void read(JudgeHarness.Tokens in) {\n")
	for i, p := range sig.Params {
		fmt.Fprintf(&b, "        a%d = %s;\n", i, g.read(p.Type))
	}
	b.WriteString("    }\n")
	// The typed local lets a method that returns a narrower type (int for
	// long, say) be widened, as a LeetCode driver would.
	fmt.Fprintf(&b, "\n    @Override\n    public Object call() throws Exception {\n        %s r = new Solution().%s(%s);\n        return r;\n    }\n",
		javaType(sig.Returns), sig.Function, strings.Join(args, ", "))
	ret := sig.Returns
	value := "(" + javaType(ret) + ") result"
	if box, ok := javaBoxes[ret.Kind]; ok {
		value = fmt.Sprintf("((%s) result).%sValue()", box, javaType(ret))
	}
	fmt.Fprintf(&b, "\n    @Override\n    public void write(JudgeHarness.Json out, Object result) {\n        %s;\n    }\n",
		g.write(ret, value))
	for _, name := range slices.Sorted(maps.Keys(g.helpers)) {
		b.WriteString(g.helpers[name])
	}
	b.WriteString("}\n")
	return b.String(), nil
}

// javaBoxes are the wrapper classes of the primitive types, which call's
// Object result arrives in.
var javaBoxes = map[problems.Kind]string{
	problems.Int:    "Integer",
	problems.Long:   "Long",
	problems.Double: "Double",
	problems.Bool:   "Boolean",
}

// javaGen generates the readers and writers of array types, one method per
// type, named after it: readIntArray, writeIntArrayArray.
type javaGen struct {
	helpers map[string]string
}

func (g *javaGen) check(t problems.Type) error {
	for t.Kind == problems.Array {
		t = *t.Elem
	}
	switch t.Kind {
	case problems.Int, problems.Long, problems.Double, problems.Bool, problems.String, problems.ListNode, problems.TreeNode:
		return nil
	}
	return unsupported("java", t)
}

// javaName is t's name in helper method names: IntArray for int[].
func javaName(t problems.Type) string {
	if t.Kind == problems.Array {
		return javaName(*t.Elem) + "Array"
	}
	n := javaType(t)
	if n == "boolean" {
		n = "bool"
	}
	return strings.ToUpper(n[:1]) + n[1:]
}

// read returns the expression that reads a t from the Tokens in.
func (g *javaGen) read(t problems.Type) string {
	switch t.Kind {
	case problems.Int:
		return "in.nextInt()"
	case problems.Long:
		return "in.nextLong()"
	case problems.Double:
		return "in.nextDouble()"
	case problems.Bool:
		return "in.nextBool()"
	case problems.String:
		return "in.nextString()"
	case problems.ListNode:
		return "in.nextList()"
	case problems.TreeNode:
		return "in.nextTree()"
	}
	name := "read" + javaName(t)
	if _, ok := g.helpers[name]; !ok {
		g.helpers[name] = "" // reserve: the element's helper comes first
		elem := g.read(*t.Elem)
		// new int[n][] for int[][]: the length goes in the first brackets.
		alloc := strings.Replace(javaType(t), "[]", "[in.length()]", 1)
		g.helpers[name] = fmt.Sprintf(`
    private static %[1]s %[2]s(JudgeHarness.Tokens in) {
        %[1]s a = new %[3]s;
        for (int i = 0; i < a.length; i++) {
            a[i] = %[4]s;
        }
        return a;
    }
`, javaType(t), name, alloc, elem)
	}
	return name + "(in)"
}

// write returns the statement that writes the t value v to the Json out.
func (g *javaGen) write(t problems.Type, v string) string {
	if t.Kind != problems.Array {
		return "out.value(" + v + ")"
	}
	name := "write" + javaName(t)
	if _, ok := g.helpers[name]; !ok {
		g.helpers[name] = ""
		elem := g.write(*t.Elem, "v[i]")
		g.helpers[name] = fmt.Sprintf(`
    private static void %[2]s(JudgeHarness.Json out, %[1]s v) {
        if (v == null) {
            out.nul();
            return;
        }
        out.open();
        for (int i = 0; i < v.length; i++) {
            out.next(i);
            %[3]s;
        }
        out.close();
    }
`, javaType(t), name, elem)
	}
	return name + "(out, " + v + ")"
}
