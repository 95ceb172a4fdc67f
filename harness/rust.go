package harness

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"

	"github.com/judgehq/judge/problems"
)

// The fixed parts of the Rust harness, spliced into the generated program
// (see rustHarness): the runner, and the support for the linked types, which
// is left out when a signature does not use them so that a solution is free
// to define its own ListNode or TreeNode.
var (
	//go:embed rust/harness.rs
	rustRunner string
	//go:embed rust/list.rs
	rustListSupport string
	//go:embed rust/tree.rs
	rustTreeSupport string
)

var rustLang = &Lang{
	Name:     "rust",
	Format:   FormatTokens,
	Function: rustName,
	Stub:     rustStub,
	Harness:  rustHarness,
}

// rustListNode and rustTreeNode are LeetCode's definitions, word for word:
// solutions rely on their derives and on new. Stubs show them commented out.
const (
	rustListNode = `#[derive(PartialEq, Eq, Clone, Debug)]
pub struct ListNode {
  pub val: i32,
  pub next: Option<Box<ListNode>>
}

impl ListNode {
  #[inline]
  fn new(val: i32) -> Self {
    ListNode {
      next: None,
      val
    }
  }
}
`
	rustTreeNode = `#[derive(Debug, PartialEq, Eq)]
pub struct TreeNode {
  pub val: i32,
  pub left: Option<Rc<RefCell<TreeNode>>>,
  pub right: Option<Rc<RefCell<TreeNode>>>,
}

impl TreeNode {
  #[inline]
  pub fn new(val: i32) -> Self {
    TreeNode {
      val,
      left: None,
      right: None
    }
  }
}
`
)

// rustSource is the file the user's code is written to: runtimes/rust's
// source.
const rustSource = "solution.rs"

// rustPrelude gives the solution, at the crate root, the names LeetCode's Rust
// environment provides. It is a glob import on purpose: LeetCode's tree stubs
// carry their own `use std::rc::Rc;`, which would clash with a second plain
// import of Rc but simply shadows a glob-imported one.
const rustPrelude = `/// The names LeetCode's Rust environment provides.
mod leetcode_prelude {
    pub use std::cell::RefCell;
    pub use std::collections::*;
    pub use std::rc::Rc;
}
use leetcode_prelude::*;
`

// rustType returns the Rust type of t as solutions write it.
func rustType(t problems.Type) string {
	return rustTypeIn(t, "")
}

// rustTypeIn returns the Rust type of t, with the paths of Rc, RefCell and
// the node types spelt out when root is "crate::": the glue lives in a module
// of its own that imports none of them.
func rustTypeIn(t problems.Type, root string) string {
	switch t.Kind {
	case problems.Int:
		return "i32"
	case problems.Long:
		return "i64"
	case problems.Double:
		return "f64"
	case problems.Bool:
		return "bool"
	case problems.String:
		return "String"
	case problems.Array:
		return "Vec<" + rustTypeIn(*t.Elem, root) + ">"
	case problems.ListNode:
		return "Option<Box<" + root + "ListNode>>"
	case problems.TreeNode:
		if root == "" {
			return "Option<Rc<RefCell<TreeNode>>>"
		}
		return "Option<std::rc::Rc<std::cell::RefCell<" + root + "TreeNode>>>"
	}
	panic(fmt.Sprintf("rust: no type for %v", t))
}

// rustSupported reports whether every type of sig has a Rust form.
func rustSupported(sig problems.Signature) error {
	var check func(t problems.Type) error
	check = func(t problems.Type) error {
		switch t.Kind {
		case problems.Int, problems.Long, problems.Double, problems.Bool, problems.String,
			problems.ListNode, problems.TreeNode:
			return nil
		case problems.Array:
			if t.Elem != nil {
				return check(*t.Elem)
			}
		}
		return unsupported("rust", t)
	}
	for _, p := range sig.Params {
		if err := check(p.Type); err != nil {
			return err
		}
	}
	return check(sig.Returns)
}

// rustSignature returns the solution's method header as LeetCode shows it:
// `pub fn two_sum(nums: Vec<i32>, target: i32) -> Vec<i32>`.
func rustSignature(sig problems.Signature) string {
	params := make([]string, len(sig.Params))
	for i, p := range sig.Params {
		params[i] = rustName(p.Name) + ": " + rustType(p.Type)
	}
	return fmt.Sprintf("pub fn %s(%s) -> %s", rustName(sig.Function), strings.Join(params, ", "), rustType(sig.Returns))
}

// rustComment returns LeetCode's comment block for a node definition.
func rustComment(title, def string) string {
	var b strings.Builder
	b.WriteString("// " + title + "\n")
	for _, line := range strings.Split(strings.TrimSuffix(def, "\n"), "\n") {
		b.WriteString("// " + line + "\n")
	}
	return b.String()
}

func rustStub(sig problems.Signature) string {
	var b strings.Builder
	if usesKind(sig, problems.ListNode) {
		b.WriteString(rustComment("Definition for singly-linked list.", rustListNode))
	}
	if usesKind(sig, problems.TreeNode) {
		b.WriteString(rustComment("Definition for a binary tree node.", rustTreeNode))
		b.WriteString("use std::rc::Rc;\nuse std::cell::RefCell;\n")
	}
	b.WriteString("impl Solution {\n")
	b.WriteString("    " + rustSignature(sig) + " {\n")
	b.WriteString("        \n")
	b.WriteString("    }\n")
	b.WriteString("}\n")
	return b.String()
}

// rustHarness generates the harness program for sig. The user's code is
// included at the crate root, after the prelude, `struct Solution` and the
// node types it uses, as on LeetCode; the harness itself lives in the module
// judge_harness, so that its names never clash with the solution's. Its glue,
// run_test, reads one test's arguments by type, calls the solution and
// serializes the result.
func rustHarness(sig problems.Signature) (string, error) {
	if err := rustSupported(sig); err != nil {
		return "", err
	}
	list, tree := usesKind(sig, problems.ListNode), usesKind(sig, problems.TreeNode)
	var b strings.Builder
	fmt.Fprintf(&b, "// The judge's harness for `%s`.\n\n", rustSignature(sig))
	b.WriteString(rustPrelude)
	b.WriteString("\npub struct Solution;\n")
	if list {
		b.WriteString("\n" + rustListNode)
	}
	if tree {
		b.WriteString("\n" + rustTreeNode)
	}
	fmt.Fprintf(&b, "\ninclude!(%q);\n", rustSource)
	b.WriteString("\nfn main() {\n    judge_harness::main();\n}\n")

	b.WriteString("\nmod judge_harness {\n")
	b.WriteString(rustRunner)
	if list {
		b.WriteString("\nmod list {\n" + rustListSupport + "}\n")
	}
	if tree {
		b.WriteString("\nmod tree {\n" + rustTreeSupport + "}\n")
	}
	b.WriteString("\n/// Runs one test: reads its arguments, then calls the solution.\n")
	b.WriteString("fn run_test(t: &mut Tokens) -> Outcome {\n")
	args := make([]string, len(sig.Params))
	for i, p := range sig.Params {
		args[i] = fmt.Sprintf("arg%d", i)
		fmt.Fprintf(&b, "    let %s: %s = read(t);\n", args[i], rustTypeIn(p.Type, "crate::"))
	}
	fmt.Fprintf(&b, "    call(move || -> %s { crate::Solution::%s(%s) })\n",
		rustTypeIn(sig.Returns, "crate::"), rustName(sig.Function), strings.Join(args, ", "))
	b.WriteString("}\n}\n")
	return b.String(), nil
}

// rustName is a function's or parameter's name in Rust: two_sum for twoSum.
func rustName(name string) string { return rustIdent(snakeCase(name)) }

// snakeCase converts a camelCase name to Rust's snake_case: twoSum is
// two_sum, isValidBST is is_valid_bst, parseHTTPRequest is
// parse_http_request. A name in snake_case already is kept.
func snakeCase(name string) string {
	rs := []rune(name)
	var b strings.Builder
	for i, r := range rs {
		if !unicode.IsUpper(r) {
			b.WriteRune(r)
			continue
		}
		if i > 0 && rs[i-1] != '_' {
			prev := rs[i-1]
			// A word starts here after a lower-case letter or a digit, and
			// at the last capital of an acronym followed by a word.
			endOfAcronym := unicode.IsUpper(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1])
			if unicode.IsLower(prev) || unicode.IsDigit(prev) || endOfAcronym {
				b.WriteByte('_')
			}
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// rustKeywords are Rust's strict and reserved keywords (2021 edition, plus
// gen of 2024), which a name must not be.
var rustKeywords = map[string]bool{
	"abstract": true, "as": true, "async": true, "await": true, "become": true, "box": true,
	"break": true, "const": true, "continue": true, "do": true, "dyn": true, "else": true,
	"enum": true, "extern": true, "false": true, "final": true, "fn": true, "for": true,
	"gen": true, "if": true, "impl": true, "in": true, "let": true, "loop": true, "macro": true,
	"match": true, "mod": true, "move": true, "mut": true, "override": true, "priv": true,
	"pub": true, "ref": true, "return": true, "static": true, "struct": true, "trait": true,
	"true": true, "try": true, "type": true, "typeof": true, "unsafe": true, "unsized": true,
	"use": true, "virtual": true, "where": true, "while": true, "yield": true,
}

// rustIdent makes name usable as a Rust identifier: a keyword becomes a raw
// identifier (r#type), except those that cannot be raw, which get a trailing
// underscore.
func rustIdent(name string) string {
	switch {
	case name == "self" || name == "Self" || name == "super" || name == "crate":
		return name + "_"
	case rustKeywords[name]:
		return "r#" + name
	}
	return name
}
