package problems_test

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/judgehq/judge/problems"
)

var _ problems.Checker = problems.Exact{}

func TestExact_Check(t *testing.T) {
	tests := []struct {
		name     string
		typ      string
		expected string
		actual   string
		// wantMsg is "" when actual must be accepted, else the exact reason.
		wantMsg string
	}{
		{"int equal", "int", "5", "5", ""},
		{"int negative equal", "int", "-2147483648", "-2147483648", ""},
		{"int different", "int", "5", "6", "expected 5, got 6"},
		{"int sign", "int", "1", "-1", "expected 1, got -1"},
		{"long equal", "long", "9223372036854775807", "9223372036854775807", ""},
		{"long off by one", "long", "9223372036854775807", "9223372036854775806", "expected 9223372036854775807, got 9223372036854775806"},
		{"double equal", "double", "0.5", "0.5", ""},
		{"double int and fraction spelling", "double", "1", "1.0", ""},
		{"double exponent spelling", "double", "1e-9", "0.000000001", ""},
		{"double zero signs", "double", "0", "-0", ""},
		{"double different", "double", "2.5", "2.0", "expected 2.5, got 2"},
		{"double no tolerance", "double", "0.3", "0.30000000000000004", "expected 0.3, got 0.30000000000000004"},
		{"bool equal", "bool", "true", "true", ""},
		{"bool false equal", "bool", "false", "false", ""},
		{"bool different", "bool", "true", "false", "expected true, got false"},
		{"string equal", "string", `"héllo 世界 🎉"`, `"héllo 世界 🎉"`, ""},
		{"string escape spelling", "string", `"é"`, `"\u00e9"`, ""},
		{"string case", "string", `"A"`, `"a"`, `expected "A", got "a"`},
		{"string trailing space", "string", `"a"`, `"a "`, `expected "a", got "a "`},
		{"string unicode normalisation", "string", `"é"`, `"e\u0301"`, "expected \"é\", got \"e\u0301\""},
		{"string empty", "string", `""`, `""`, ""},
		{"int[] equal", "int[]", "[1,2,3]", "[1, 2, 3]", ""},
		{"int[] empty equal", "int[]", "[]", "[]", ""},
		{"int[] order", "int[]", "[0,1]", "[1,0]", "expected [0,1], got [1,0]"},
		{"int[] longer", "int[]", "[1,2]", "[1,2,3]", "expected [1,2], got [1,2,3]"},
		{"int[] shorter", "int[]", "[1,2,3]", "[1,2]", "expected [1,2,3], got [1,2]"},
		{"int[] empty vs one", "int[]", "[]", "[0]", "expected [], got [0]"},
		{"int[] one vs empty", "int[]", "[0]", "[]", "expected [0], got []"},
		{"double[] equal", "double[]", "[0.5, 2]", "[0.5, 2.0]", ""},
		{"double[] different", "double[]", "[0.5, 2]", "[0.5, 2.5]", "expected [0.5,2], got [0.5,2.5]"},
		{"bool[] equal", "bool[]", "[true,false]", "[true,false]", ""},
		{"bool[] different", "bool[]", "[true,false]", "[true,true]", "expected [true,false], got [true,true]"},
		{"string[] equal", "string[]", `["a","b"]`, `["a","b"]`, ""},
		{"string[] different", "string[]", `["a","b"]`, `["a","c"]`, `expected ["a","b"], got ["a","c"]`},
		{"int[][] equal", "int[][]", "[[1,2],[3]]", "[[1,2],[3]]", ""},
		{"int[][] empty rows equal", "int[][]", "[[],[]]", "[[],[]]", ""},
		{"int[][] inner element", "int[][]", "[[1,2],[3]]", "[[1,2],[4]]", "expected [[1,2],[3]], got [[1,2],[4]]"},
		{"int[][] inner length", "int[][]", "[[1],[2]]", "[[1,2]]", "expected [[1],[2]], got [[1,2]]"},
		{"int[][] regrouped", "int[][]", "[[1,2],[3]]", "[[1],[2,3]]", "expected [[1,2],[3]], got [[1],[2,3]]"},
		{"int[][] empty row vs none", "int[][]", "[[]]", "[]", "expected [[]], got []"},
		{"int[][] row order", "int[][]", "[[1],[2]]", "[[2],[1]]", "expected [[1],[2]], got [[2],[1]]"},
		{"string[][] different", "string[][]", `[["x"]]`, `[["y"]]`, `expected [["x"]], got [["y"]]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			typ := problems.MustParseType(tt.typ)
			expected, err := typ.Decode([]byte(tt.expected))
			if err != nil {
				t.Fatalf("decode expected %s: %v", tt.expected, err)
			}
			actual, err := typ.Decode([]byte(tt.actual))
			if err != nil {
				t.Fatalf("decode actual %s: %v", tt.actual, err)
			}
			if got := (problems.Exact{}).Check(typ, expected, actual); got != tt.wantMsg {
				t.Errorf("Check(%s, %s, %s) = %q, want %q", typ, tt.expected, tt.actual, got, tt.wantMsg)
			}
		})
	}
}

func TestExact_Check_mismatchedCanonicalTypes(t *testing.T) {
	// A double 1 and an int 1 are different canonical values; Exact must not
	// accept a value of the wrong Go type even when it prints the same.
	typ := problems.MustParseType("double")
	if got := (problems.Exact{}).Check(typ, float64(1), int64(1)); got == "" {
		t.Error("Check(double, 1.0, int64(1)) accepted a value of the wrong canonical type")
	}
}

func TestEqual(t *testing.T) {
	tests := []struct {
		name string
		a, b any
		want bool
	}{
		{"int64 equal", int64(3), int64(3), true},
		{"int64 different", int64(3), int64(4), false},
		{"float64 equal", 0.25, 0.25, true},
		{"float64 zero signs", 0.0, math.Copysign(0, -1), true},
		{"float64 different", 0.25, 0.5, false},
		{"bool equal", false, false, true},
		{"bool different", false, true, false},
		{"string equal", "x", "x", true},
		{"string different", "x", "X", false},
		{"int64 vs float64", int64(1), float64(1), false},
		{"int64 vs string", int64(1), "1", false},
		{"bool vs string", true, "true", false},
		{"scalar vs array", int64(1), []any{int64(1)}, false},
		{"empty arrays", []any{}, []any{}, true},
		{"nil and empty array", []any(nil), []any{}, true},
		{"arrays equal", []any{int64(1), "a"}, []any{int64(1), "a"}, true},
		{"arrays element type", []any{int64(1)}, []any{float64(1)}, false},
		{"arrays length", []any{int64(1)}, []any{int64(1), int64(1)}, false},
		{"nested equal", []any{[]any{true}}, []any{[]any{true}}, true},
		{"nested different", []any{[]any{true}}, []any{[]any{false}}, false},
		{"nested depth", []any{[]any{int64(1)}}, []any{int64(1)}, false},
		{"non-canonical int", 1, 1, false},
		{"non-canonical slice", []int{1}, []int{1}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := problems.Equal(tt.a, tt.b); got != tt.want {
				t.Errorf("Equal(%#v, %#v) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
			if got := problems.Equal(tt.b, tt.a); got != tt.want {
				t.Errorf("Equal(%#v, %#v) = %v, want %v (not symmetric)", tt.b, tt.a, got, tt.want)
			}
		})
	}
}

func TestNewChecker(t *testing.T) {
	tests := []struct {
		kind    string
		want    problems.Checker
		wantErr string
	}{
		{"", problems.Exact{}, ""},
		{"exact", problems.Exact{}, ""},
		{"Exact", nil, `unknown checker "Exact" (want exact)`},
		{" exact", nil, `unknown checker " exact" (want exact)`},
		{"unordered", nil, `unknown checker "unordered" (want exact)`},
		{"float", nil, `unknown checker "float" (want exact)`},
		{"custom", nil, `unknown checker "custom" (want exact)`},
	}
	for _, tt := range tests {
		t.Run(tt.kind, func(t *testing.T) {
			got, err := problems.NewChecker(problems.CheckerSpec{Kind: tt.kind})
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("NewChecker(%q) = %v, %v; want error %q", tt.kind, got, err, tt.wantErr)
				}
				if got != nil {
					t.Errorf("NewChecker(%q) returned checker %#v with its error", tt.kind, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("NewChecker(%q) error: %v", tt.kind, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("NewChecker(%q) = %#v, want %#v", tt.kind, got, tt.want)
			}
			// The checker must actually judge: accept equal, reject different.
			typ := problems.MustParseType("int")
			if msg := got.Check(typ, int64(1), int64(1)); msg != "" {
				t.Errorf("checker rejected an equal value: %q", msg)
			}
			if msg := got.Check(typ, int64(1), int64(2)); !strings.Contains(msg, "expected 1, got 2") {
				t.Errorf("checker reason for 1 vs 2 = %q", msg)
			}
		})
	}
}
