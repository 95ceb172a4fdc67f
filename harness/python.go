package harness

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/judgehq/judge/problems"
)

var pythonLang = &Lang{
	Name:     "python",
	Format:   FormatJSON,
	Function: func(n string) string { return n },
	Stub:     pythonStub,
	Harness: func(problems.Signature) (string, error) {
		return mustRead("python/harness.py"), nil
	},
}

func pythonType(t problems.Type) string {
	switch t.Kind {
	case problems.Int, problems.Long:
		return "int"
	case problems.Double:
		return "float"
	case problems.Bool:
		return "bool"
	case problems.String:
		return "str"
	case problems.ListNode:
		return "Optional[ListNode]"
	case problems.TreeNode:
		return "Optional[TreeNode]"
	case problems.Array:
		return "List[" + pythonType(*t.Elem) + "]"
	}
	panic(fmt.Sprintf("python: no type for %v", t))
}

func pythonStub(sig problems.Signature) string {
	var b strings.Builder
	if usesKind(sig, problems.ListNode) {
		b.WriteString("# Definition for singly-linked list.\n# class ListNode:\n#     def __init__(self, val=0, next=None):\n#         self.val = val\n#         self.next = next\n")
	}
	if usesKind(sig, problems.TreeNode) {
		b.WriteString("# Definition for a binary tree node.\n# class TreeNode:\n#     def __init__(self, val=0, left=None, right=None):\n#         self.val = val\n#         self.left = left\n#         self.right = right\n")
	}
	params := []string{"self"}
	for _, p := range sig.Params {
		params = append(params, p.Name+": "+pythonType(p.Type))
	}
	b.WriteString("class Solution:\n")
	fmt.Fprintf(&b, "    def %s(%s) -> %s:\n", sig.Function, strings.Join(params, ", "), pythonType(sig.Returns))
	b.WriteString("        pass\n")
	return b.String()
}

// usesKind reports whether any parameter or the return type involves k.
func usesKind(sig problems.Signature, k problems.Kind) bool {
	has := func(t problems.Type) bool {
		for t.Kind == problems.Array {
			t = *t.Elem
		}
		return t.Kind == k
	}
	if has(sig.Returns) {
		return true
	}
	for _, p := range sig.Params {
		if has(p.Type) {
			return true
		}
	}
	return false
}

// CheckerRunner returns the Python program that runs a problem's custom
// checker (checker.py) over a batch of cases; see harness/python/checker.py.
func CheckerRunner() string { return mustRead("python/checker.py") }

// CheckCase is one case a custom checker judges: the arguments by name, the
// reference answer and the submission's answer, all as JSON.
type CheckCase struct {
	Input    map[string]json.RawMessage `json:"input"`
	Expected json.RawMessage            `json:"expected"`
	Actual   json.RawMessage            `json:"actual"`
}

// CheckInput is the custom checker runner's standard input.
type CheckInput struct {
	Nonce string      `json:"nonce"`
	Cases []CheckCase `json:"cases"`
}

// NewCheckRun builds the custom checker runner's standard input.
func NewCheckRun(cases []CheckCase) Run {
	nonce := newNonce()
	return Run{Nonce: nonce, Stdin: marshalLine(CheckInput{Nonce: nonce, Cases: cases})}
}
