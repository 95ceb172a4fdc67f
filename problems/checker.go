package problems

import (
	"fmt"
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
	// Kind names the checker: "exact" (the default).
	Kind string `yaml:"kind" json:"kind"`
}

// Exact accepts only a value equal to the expected one: same numbers, same
// strings, same array lengths and elements in the same order.
type Exact struct{}

// Check implements Checker.
func (Exact) Check(t Type, expected, actual any) string {
	if Equal(expected, actual) {
		return ""
	}
	return fmt.Sprintf("expected %s, got %s", Encode(expected), Encode(actual))
}

// Equal reports whether two canonical values are equal.
func Equal(a, b any) bool {
	switch a := a.(type) {
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

// NewChecker returns the checker a spec names.
func NewChecker(spec CheckerSpec) (Checker, error) {
	switch spec.Kind {
	case "", "exact":
		return Exact{}, nil
	}
	return nil, fmt.Errorf("unknown checker %q (want exact)", spec.Kind)
}
