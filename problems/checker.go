package problems

import (
	"bytes"
	"fmt"
	"math"
	"slices"
)

// Checker decides whether a solution's value is an accepted answer.
type Checker interface {
	// Check compares the canonical expected value with the canonical actual
	// value, both of type t. It returns "" when actual is accepted, or a short
	// reason why not.
	Check(t Type, expected, actual any) string
}

// CheckerSpec is the checker a problem declares in problem.yaml.
type CheckerSpec struct {
	// Kind names the checker: "exact" (the default), "float", "unordered"
	// or "custom"; io problems have "tokens" (see Tokens).
	Kind string `yaml:"kind" json:"kind"`
	// Abs and Rel are the float checker's tolerances: a double d is accepted
	// for e when |d-e| <= Abs or |d-e| <= Rel*|e|.
	Abs float64 `yaml:"abs" json:"abs,omitempty"`
	Rel float64 `yaml:"rel" json:"rel,omitempty"`
	// Levels is how many array levels the unordered checker sorts: 1, the
	// outer array only, or 2, the inner arrays too.
	Levels int `yaml:"levels" json:"levels,omitempty"`
	// File is the custom checker, a Python file in the problem folder with
	// check(input, expected, actual) returning True, or a reason string.
	File string `yaml:"file" json:"file,omitempty"`
	// CaseSensitive and SpaceSensitive are the tokens checker's: letter
	// case, and the whitespace between tokens, must match.
	CaseSensitive  bool `yaml:"-" json:"case_sensitive,omitempty"`
	SpaceSensitive bool `yaml:"-" json:"space_sensitive,omitempty"`
}

// Exact accepts only a value equal to the expected one: same numbers, same
// strings, same array lengths and elements in the same order.
type Exact struct{}

// Check implements Checker.
func (Exact) Check(t Type, expected, actual any) string {
	if Equal(expected, actual) {
		return ""
	}
	return mismatch(expected, actual)
}

func mismatch(expected, actual any) string {
	return fmt.Sprintf("expected %s, got %s", Encode(expected), Encode(actual))
}

// Float accepts doubles, anywhere in the value, within an absolute or
// relative tolerance of the expected ones; everything else must be equal.
type Float struct {
	Abs, Rel float64
}

// Check implements Checker.
func (f Float) Check(t Type, expected, actual any) string {
	if f.equal(expected, actual) {
		return ""
	}
	return mismatch(expected, actual) + fmt.Sprintf(" (tolerance abs %g, rel %g)", f.Abs, f.Rel)
}

func (f Float) equal(a, b any) bool {
	switch a := a.(type) {
	case float64:
		b, ok := b.(float64)
		if !ok {
			return false
		}
		d := math.Abs(a - b)
		return d <= f.Abs || d <= f.Rel*math.Abs(a)
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !f.equal(a[i], b[i]) {
				return false
			}
		}
		return true
	}
	return Equal(a, b)
}

// Unordered accepts an array with the expected elements in any order; with
// Levels 2, the elements' own arrays may be in any order too (group
// anagrams, subsets).
type Unordered struct {
	Levels int
}

// Check implements Checker.
func (u Unordered) Check(t Type, expected, actual any) string {
	if Equal(u.normalize(expected, u.Levels), u.normalize(actual, u.Levels)) {
		return ""
	}
	return mismatch(expected, actual) + " (in any order)"
}

// normalize sorts arrays down to levels deep by their JSON encoding.
func (u Unordered) normalize(v any, levels int) any {
	a, ok := v.([]any)
	if !ok || levels == 0 {
		return v
	}
	out := make([]any, len(a))
	for i, e := range a {
		out[i] = u.normalize(e, levels-1)
	}
	slices.SortFunc(out, func(x, y any) int { return bytes.Compare(Encode(x), Encode(y)) })
	return out
}

// Equal reports whether two canonical values are equal.
func Equal(a, b any) bool {
	switch a := a.(type) {
	case nil:
		return b == nil
	case int64:
		b, ok := b.(int64)
		return ok && a == b
	case float64:
		b, ok := b.(float64)
		return ok && a == b
	case bool:
		b, ok := b.(bool)
		return ok && a == b
	case string:
		b, ok := b.(string)
		return ok && a == b
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !Equal(a[i], b[i]) {
				return false
			}
		}
		return true
	}
	return false
}

// NewChecker returns the checker a spec names. A custom checker has no Go
// implementation: it is a program that the judge runs (see CheckerSpec.File),
// so NewChecker returns nil for it.
func NewChecker(spec CheckerSpec, returns Type) (Checker, error) {
	switch spec.Kind {
	case "", "exact":
		return Exact{}, nil
	case "float":
		if spec.Abs < 0 || spec.Rel < 0 || spec.Abs == 0 && spec.Rel == 0 {
			return nil, fmt.Errorf("float checker needs abs or rel above 0 (e.g. abs: 1e-5)")
		}
		if !hasDouble(returns) {
			return nil, fmt.Errorf("float checker on a %s return value, which has no double", returns)
		}
		return Float{Abs: spec.Abs, Rel: spec.Rel}, nil
	case "unordered":
		lv := spec.Levels
		if lv == 0 {
			lv = 1
		}
		depth := 0
		for t := returns; t.Kind == Array; t = *t.Elem {
			depth++
		}
		if lv < 1 || lv > 2 || lv > depth {
			return nil, fmt.Errorf("unordered checker: levels %d on a %s return value (want 1 or 2, at most the array depth)", spec.Levels, returns)
		}
		return Unordered{Levels: lv}, nil
	case "tokens":
		if returns.Kind != String {
			return nil, fmt.Errorf("tokens checker on a %s return value: it compares output text", returns)
		}
		return Tokens{CaseSensitive: spec.CaseSensitive, SpaceSensitive: spec.SpaceSensitive, Abs: spec.Abs, Rel: spec.Rel}, nil
	case "custom":
		if spec.File == "" {
			return nil, fmt.Errorf("custom checker needs file: the Python checker in the problem folder")
		}
		return nil, nil
	}
	return nil, fmt.Errorf("unknown checker %q (want exact, float, unordered or custom)", spec.Kind)
}

func hasDouble(t Type) bool {
	for t.Kind == Array {
		t = *t.Elem
	}
	return t.Kind == Double
}
