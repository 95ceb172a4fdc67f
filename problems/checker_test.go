package problems_test

import (
	"math"
	"reflect"
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
		name    string
		spec    problems.CheckerSpec
		returns string
		want    problems.Checker
		wantErr string
	}{
		{"default", problems.CheckerSpec{}, "int", problems.Exact{}, ""},
		{"exact", problems.CheckerSpec{Kind: "exact"}, "int", problems.Exact{}, ""},
		{"float", problems.CheckerSpec{Kind: "float", Abs: 1e-6}, "double[]", problems.Float{Abs: 1e-6}, ""},
		{"unordered default level", problems.CheckerSpec{Kind: "unordered"}, "int[]", problems.Unordered{Levels: 1}, ""},
		{"unordered two levels", problems.CheckerSpec{Kind: "unordered", Levels: 2}, "string[][]", problems.Unordered{Levels: 2}, ""},
		{"custom", problems.CheckerSpec{Kind: "custom", File: "checker.py"}, "int[]", nil, ""},
		{"case matters", problems.CheckerSpec{Kind: "Exact"}, "int", nil, `unknown checker "Exact" (want exact, float, unordered or custom)`},
		{"spaces matter", problems.CheckerSpec{Kind: " exact"}, "int", nil, `unknown checker " exact" (want exact, float, unordered or custom)`},
		{"float without tolerance", problems.CheckerSpec{Kind: "float"}, "double", nil, "float checker needs abs or rel above 0 (e.g. abs: 1e-5)"},
		{"float negative", problems.CheckerSpec{Kind: "float", Abs: -1}, "double", nil, "float checker needs abs or rel above 0 (e.g. abs: 1e-5)"},
		{"float on ints", problems.CheckerSpec{Kind: "float", Abs: 1}, "int[]", nil, "float checker on a int[] return value, which has no double"},
		{"unordered on scalar", problems.CheckerSpec{Kind: "unordered"}, "int", nil, "unordered checker: levels 0 on a int return value (want 1 or 2, at most the array depth)"},
		{"unordered too deep", problems.CheckerSpec{Kind: "unordered", Levels: 2}, "int[]", nil, "unordered checker: levels 2 on a int[] return value (want 1 or 2, at most the array depth)"},
		{"custom without file", problems.CheckerSpec{Kind: "custom"}, "int", nil, "custom checker needs file: the Python checker in the problem folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := problems.NewChecker(tt.spec, problems.MustParseType(tt.returns))
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("NewChecker(%+v) = %v, %v; want error %q", tt.spec, got, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("NewChecker(%+v) error: %v", tt.spec, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("NewChecker(%+v) = %#v, want %#v", tt.spec, got, tt.want)
			}
		})
	}
}

func TestFloat_Check(t *testing.T) {
	f := problems.Float{Abs: 1e-5, Rel: 1e-9}
	typ := problems.MustParseType("double[]")
	tests := []struct {
		expected, actual []any
		ok               bool
	}{
		{[]any{1.0, 2.5}, []any{1.0, 2.5}, true},
		{[]any{1.0}, []any{1.000009}, true},
		{[]any{1.0}, []any{1.00002}, false},
		{[]any{1e12}, []any{1e12 + 999}, true}, // relative: 1e-9 * 1e12 = 1000
		{[]any{1e12}, []any{1e12 + 2000}, false},
		{[]any{0.0}, []any{-0.000001}, true},
		{[]any{1.0}, []any{1.0, 2.0}, false},
		{[]any{1.0}, []any{"1"}, false},
	}
	for _, tt := range tests {
		if got := f.Check(typ, tt.expected, tt.actual) == ""; got != tt.ok {
			t.Errorf("Float.Check(%v, %v) accepted = %v, want %v", tt.expected, tt.actual, got, tt.ok)
		}
	}
}

func TestUnordered_Check(t *testing.T) {
	i := func(v ...int64) []any {
		out := make([]any, len(v))
		for k, x := range v {
			out[k] = x
		}
		return out
	}
	tests := []struct {
		levels           int
		expected, actual any
		ok               bool
	}{
		{1, i(1, 2, 3), i(3, 1, 2), true},
		{1, i(1, 2, 2), i(2, 1, 2), true},
		{1, i(1, 2, 2), i(1, 1, 2), false},
		{1, i(1, 2), i(1, 2, 3), false},
		{1, []any{i(1, 2), i(3)}, []any{i(3), i(1, 2)}, true},
		{1, []any{i(1, 2), i(3)}, []any{i(3), i(2, 1)}, false},
		{2, []any{i(1, 2), i(3)}, []any{i(3), i(2, 1)}, true},
		{2, []any{i(1, 2), i(3)}, []any{i(3), i(2, 2)}, false},
		{2, []any{i(), i(1)}, []any{i(1), i()}, true},
	}
	for _, tt := range tests {
		u := problems.Unordered{Levels: tt.levels}
		if got := u.Check(problems.Type{}, tt.expected, tt.actual) == ""; got != tt.ok {
			t.Errorf("Unordered{%d}.Check(%v, %v) accepted = %v, want %v", tt.levels, tt.expected, tt.actual, got, tt.ok)
		}
	}
}
