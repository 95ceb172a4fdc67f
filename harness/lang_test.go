package harness_test

import (
	"strings"
	"testing"

	"github.com/judgehq/judge/harness"
	"github.com/judgehq/judge/problems"
)

func TestGet(t *testing.T) {
	t.Parallel()
	py, ok := harness.Get("python")
	if !ok {
		t.Fatal(`Get("python") found nothing`)
	}
	src, err := py.Harness(problems.Signature{})
	if py.Name != "python" || err != nil || !strings.Contains(src, "def main()") {
		t.Errorf("python harness: name %q, source of %d bytes without main(), error %v", py.Name, len(src), err)
	}
	if got := py.Function("twoSum"); got != "twoSum" {
		t.Errorf(`Function("twoSum") = %q, want "twoSum"`, got)
	}
	if _, ok := harness.Get("cobol"); ok {
		t.Error(`Get("cobol") found a harness`)
	}
	if names := harness.Names(); len(names) == 0 || names[0] == "" {
		t.Errorf("Names() = %q", names)
	}
}

func TestPythonStub(t *testing.T) {
	t.Parallel()
	py, ok := harness.Get("python")
	if !ok {
		t.Fatal("no python harness")
	}
	bySlug := map[string]*problems.Problem{}
	for _, p := range loadProblems(t) {
		bySlug[p.Slug] = p
	}
	for _, tc := range []struct {
		slug string
		def  string
	}{
		{"two-sum", "def twoSum(self, nums: List[int], target: int) -> List[int]:"},
		{"transpose-matrix", "def transpose(self, matrix: List[List[int]]) -> List[List[int]]:"},
		{"valid-palindrome", "def isPalindrome(self, s: str) -> bool:"},
		{"median-of-two-sorted-arrays", "def findMedianSortedArrays(self, nums1: List[int], nums2: List[int]) -> float:"},
		{"climbing-stairs", "def climbStairs(self, n: int) -> int:"},
		{"kids-with-the-greatest-number-of-candies", "def kidsWithCandies(self, candies: List[int], extraCandies: int) -> List[bool]:"},
	} {
		t.Run(tc.slug, func(t *testing.T) {
			p, ok := bySlug[tc.slug]
			if !ok {
				t.Fatalf("no bundled problem %s", tc.slug)
			}
			stub := py.Stub(p.Signature)
			lines := strings.Split(stub, "\n")
			if lines[0] != "class Solution:" {
				t.Errorf("first line %q, want %q; stub:\n%s", lines[0], "class Solution:", stub)
			}
			if len(lines) < 2 || lines[1] != "    "+tc.def {
				t.Errorf("stub lacks %q as the class's first method:\n%s", tc.def, stub)
			}
		})
	}
}

// TestProblemStub_io gives every language a program for io problems, and
// TypeScript the declarations its program needs.
func TestProblemStub_io(t *testing.T) {
	t.Parallel()
	io := &problems.Problem{Mode: problems.ModeIO, Signature: problems.IOSignature}
	for _, name := range harness.Names() {
		l, _ := harness.Get(name)
		stub := l.ProblemStub(io)
		if !strings.Contains(stub, "main") && !strings.Contains(stub, "readFileSync(0") {
			t.Errorf("%s: io stub is not a program that reads stdin:\n%s", name, stub)
		}
		if strings.Contains(stub, "class Solution") {
			t.Errorf("%s: io stub is a function stub:\n%s", name, stub)
		}
		if pre := l.IOPrelude(); (name == "typescript") != strings.Contains(pre, "declare function require") {
			t.Errorf("%s: IOPrelude %q", name, pre)
		}
	}
}
