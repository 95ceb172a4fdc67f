package harness

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/judgehq/judge/problems"
)

// cppLibrary is the fixed part of every C++ harness: the headers, ListNode and
// TreeNode, the token reader, the JSON writer and the test loop.
//
//go:embed cpp/library.cpp
var cppLibrary string

// cppSource is the file the C++ runtime writes the user's code to (see
// runtimes/cpp/runtime.yaml); the harness includes it.
const cppSource = "solution.cpp"

var cppLang = &Lang{
	Name:     "cpp",
	Format:   FormatTokens,
	Function: cIdent,
	Stub:     cppStub,
	Harness:  cppHarness,
}

// cKeywords are the keywords of C and C++, which a signature's names must
// not collide with.
var cKeywords = func() map[string]bool {
	m := map[string]bool{}
	for _, k := range strings.Fields(`alignas alignof and and_eq asm auto bitand bitor bool break case catch
		char char8_t char16_t char32_t class compl concept const consteval constexpr constinit const_cast
		continue co_await co_return co_yield decltype default delete do double dynamic_cast else enum
		explicit export extern false float for friend goto if inline int long mutable namespace new
		noexcept not not_eq nullptr operator or or_eq private protected public register reinterpret_cast
		requires restrict return short signed sizeof static static_assert static_cast struct switch
		template this thread_local throw true try typedef typeid typename union unsigned using virtual
		void volatile wchar_t while xor xor_eq`) {
		m[k] = true
	}
	return m
}()

// cIdent maps a signature's name to a C or C++ identifier: the name itself,
// with an underscore appended if it is a keyword.
func cIdent(name string) string {
	if cKeywords[name] {
		return name + "_"
	}
	return name
}

// cppType is the C++ type LeetCode uses for t.
func cppType(t problems.Type) (string, error) {
	switch t.Kind {
	case problems.Int:
		return "int", nil
	case problems.Long:
		return "long long", nil
	case problems.Double:
		return "double", nil
	case problems.Bool:
		return "bool", nil
	case problems.String:
		return "string", nil
	case problems.ListNode:
		return "ListNode*", nil
	case problems.TreeNode:
		return "TreeNode*", nil
	case problems.Array:
		elem, err := cppType(*t.Elem)
		if err != nil {
			return "", err
		}
		return "vector<" + elem + ">", nil
	}
	return "", unsupported("cpp", t)
}

// cppParams declares sig's parameters as LeetCode does: arrays by reference,
// everything else by value.
func cppParams(sig problems.Signature) (string, error) {
	var params []string
	for _, p := range sig.Params {
		t, err := cppType(p.Type)
		if err != nil {
			return "", err
		}
		if p.Type.Kind == problems.Array {
			t += "&"
		}
		params = append(params, t+" "+cIdent(p.Name))
	}
	return strings.Join(params, ", "), nil
}

const (
	cppListComment = `/**
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
	cppTreeComment = `/**
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

func cppStub(sig problems.Signature) string {
	ret, err := cppType(sig.Returns)
	if err != nil {
		return "// " + err.Error() + "\n"
	}
	params, err := cppParams(sig)
	if err != nil {
		return "// " + err.Error() + "\n"
	}
	var b strings.Builder
	if usesKind(sig, problems.ListNode) {
		b.WriteString(cppListComment)
	}
	if usesKind(sig, problems.TreeNode) {
		b.WriteString(cppTreeComment)
	}
	b.WriteString("class Solution {\npublic:\n")
	fmt.Fprintf(&b, "    %s %s(%s) {\n        \n    }\n};\n", ret, cIdent(sig.Function), params)
	return b.String()
}

// cppHarness returns the library followed by the user's code and a main()
// that, per test, reads the arguments in parameter order, calls the method
// of a fresh Solution (on the heap: LeetCode code may keep large arrays as
// members) and returns the result's JSON.
func cppHarness(sig problems.Signature) (string, error) {
	ret, err := cppType(sig.Returns)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(cppLibrary)
	fmt.Fprintf(&b, "#include %q\n\n", cppSource)
	fmt.Fprintf(&b, "// main runs every test of %s.\n", signatureString(sig))
	b.WriteString("int main() {\n")
	b.WriteString("    return judge_harness::instance.run([](judge_harness::Input& judge_in, judge_harness::Clock& judge_clock) {\n")
	var args []string
	for _, p := range sig.Params {
		t, err := cppType(p.Type)
		if err != nil {
			return "", err
		}
		name := cIdent(p.Name)
		fmt.Fprintf(&b, "        %s %s = judge_harness::read<%s>(judge_in);\n", t, name, t)
		args = append(args, name)
	}
	b.WriteString("        auto judge_solution = std::make_unique<Solution>();\n")
	b.WriteString("        judge_clock.start();\n")
	fmt.Fprintf(&b, "        %s judge_result = judge_solution->%s(%s);\n", ret, cIdent(sig.Function), strings.Join(args, ", "))
	b.WriteString("        judge_clock.stop();\n")
	b.WriteString("        return judge_harness::json(judge_result);\n")
	b.WriteString("    });\n}\n")
	return b.String(), nil
}

// signatureString writes sig in the signature language, for comments in
// generated code: twoSum(nums int[], target int) int[].
func signatureString(sig problems.Signature) string {
	params := make([]string, len(sig.Params))
	for i, p := range sig.Params {
		params[i] = p.Name + " " + p.Type.String()
	}
	return fmt.Sprintf("%s(%s) %s", sig.Function, strings.Join(params, ", "), sig.Returns)
}
