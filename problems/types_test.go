package problems_test

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/judgehq/judge/problems"
)

// kinds flattens a Type into its kinds, outermost first, so that a table can
// state the whole shape of a parsed type.
func kinds(t problems.Type) []problems.Kind {
	var out []problems.Kind
	for {
		out = append(out, t.Kind)
		if t.Elem == nil {
			return out
		}
		t = *t.Elem
	}
}

func TestParseType(t *testing.T) {
	A := problems.Array
	tests := []struct {
		in        string
		wantKinds []problems.Kind
		wantName  string
	}{
		{"int", []problems.Kind{problems.Int}, "int"},
		{"long", []problems.Kind{problems.Long}, "long"},
		{"double", []problems.Kind{problems.Double}, "double"},
		{"bool", []problems.Kind{problems.Bool}, "bool"},
		{"string", []problems.Kind{problems.String}, "string"},
		{"int[]", []problems.Kind{A, problems.Int}, "int[]"},
		{"long[]", []problems.Kind{A, problems.Long}, "long[]"},
		{"double[]", []problems.Kind{A, problems.Double}, "double[]"},
		{"bool[]", []problems.Kind{A, problems.Bool}, "bool[]"},
		{"string[]", []problems.Kind{A, problems.String}, "string[]"},
		{"int[][]", []problems.Kind{A, A, problems.Int}, "int[][]"},
		{"long[][]", []problems.Kind{A, A, problems.Long}, "long[][]"},
		{"double[][]", []problems.Kind{A, A, problems.Double}, "double[][]"},
		{"bool[][]", []problems.Kind{A, A, problems.Bool}, "bool[][]"},
		{"string[][]", []problems.Kind{A, A, problems.String}, "string[][]"},
		// Surrounding space is trimmed, so YAML quoting slips do not matter.
		{"  int  ", []problems.Kind{problems.Int}, "int"},
		{" long[] ", []problems.Kind{A, problems.Long}, "long[]"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := problems.ParseType(tt.in)
			if err != nil {
				t.Fatalf("ParseType(%q) error: %v", tt.in, err)
			}
			if k := kinds(got); !reflect.DeepEqual(k, tt.wantKinds) {
				t.Errorf("ParseType(%q) kinds = %v, want %v", tt.in, k, tt.wantKinds)
			}
			if s := got.String(); s != tt.wantName {
				t.Errorf("ParseType(%q).String() = %q, want %q", tt.in, s, tt.wantName)
			}
		})
	}
}

func TestParseType_rejects(t *testing.T) {
	tests := []string{
		"",
		"   ",
		"[]",
		"[][]",
		"int[][][]",
		"string[][][][]",
		"integer",
		"Int",
		"INT",
		"float",
		"char",
		"int64",
		"map",
		"void",
		"int[",
		"int]",
		"int[]]",
		"[]int",
		"int[1]",
		"in t",
		"int,long",
	}
	for _, in := range tests {
		t.Run(in, func(t *testing.T) {
			got, err := problems.ParseType(in)
			if err == nil {
				t.Fatalf("ParseType(%q) = %v, want an error", in, got)
			}
			if !errors.Is(err, problems.ErrUnknownType) {
				t.Errorf("ParseType(%q) error = %v, want it to wrap ErrUnknownType", in, err)
			}
			for _, want := range []string{`"` + in + `"`, "want int, long, double, bool, string, ListNode, TreeNode, T[] or T[][]"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("ParseType(%q) error = %q, want it to contain %q", in, err, want)
				}
			}
			if got.Kind != 0 || got.Elem != nil {
				t.Errorf("ParseType(%q) returned %+v with its error, want the zero Type", in, got)
			}
		})
	}
}

func TestMustParseType(t *testing.T) {
	t.Run("valid", func(t *testing.T) {
		if got := problems.MustParseType("bool[][]").String(); got != "bool[][]" {
			t.Errorf("MustParseType(%q).String() = %q", "bool[][]", got)
		}
	})
	t.Run("invalid panics", func(t *testing.T) {
		defer func() {
			r := recover()
			if r == nil {
				t.Fatal("MustParseType(\"nope\") did not panic")
			}
			err, ok := r.(error)
			if !ok || !errors.Is(err, problems.ErrUnknownType) {
				t.Errorf("MustParseType panicked with %v, want an ErrUnknownType error", r)
			}
		}()
		problems.MustParseType("nope")
	})
}

func TestType_String(t *testing.T) {
	names := []string{
		"int", "long", "double", "bool", "string",
		"int[]", "long[]", "double[]", "bool[]", "string[]",
		"int[][]", "long[][]", "double[][]", "bool[][]", "string[][]",
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			typ := problems.MustParseType(name)
			if got := typ.String(); got != name {
				t.Fatalf("String() = %q, want %q", got, name)
			}
			again, err := problems.ParseType(typ.String())
			if err != nil {
				t.Fatalf("ParseType(String()) error: %v", err)
			}
			if !reflect.DeepEqual(again, typ) {
				t.Errorf("ParseType(String()) = %#v, want %#v", again, typ)
			}
		})
	}
	t.Run("zero value", func(t *testing.T) {
		if got := (problems.Type{}).String(); got != "invalid" {
			t.Errorf("Type{}.String() = %q, want %q", got, "invalid")
		}
	})
}

func TestType_TextMarshaling(t *testing.T) {
	sig := problems.Signature{
		Function: "f",
		Params: []problems.Param{
			{Name: "a", Type: problems.MustParseType("int[][]")},
			{Name: "b", Type: problems.MustParseType("string")},
		},
		Returns: problems.MustParseType("double[]"),
	}
	b, err := json.Marshal(sig)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	const want = `{"function":"f","params":[{"name":"a","type":"int[][]"},{"name":"b","type":"string"}],"returns":"double[]"}`
	if string(b) != want {
		t.Errorf("json.Marshal = %s, want %s", b, want)
	}
	var back problems.Signature
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("json.Unmarshal: %v", err)
	}
	if !reflect.DeepEqual(back, sig) {
		t.Errorf("round trip = %#v, want %#v", back, sig)
	}

	var typ problems.Type
	err = json.Unmarshal([]byte(`"int[][][]"`), &typ)
	if !errors.Is(err, problems.ErrUnknownType) {
		t.Errorf("json.Unmarshal(int[][][]) error = %v, want ErrUnknownType", err)
	}
}

func TestType_Decode(t *testing.T) {
	tests := []struct {
		name string
		typ  string
		in   string
		want any
		// wantJSON is Encode(want); the value must then decode back to want.
		wantJSON string
	}{
		{"int zero", "int", "0", int64(0), "0"},
		{"int positive", "int", "42", int64(42), "42"},
		{"int negative", "int", "-7", int64(-7), "-7"},
		{"int negative zero", "int", "-0", int64(0), "0"},
		{"int max", "int", "2147483647", int64(math.MaxInt32), "2147483647"},
		{"int min", "int", "-2147483648", int64(math.MinInt32), "-2147483648"},
		{"int surrounding space", "int", " \n\t5 \n", int64(5), "5"},
		{"long above int32", "long", "2147483648", int64(2147483648), "2147483648"},
		{"long below int32", "long", "-2147483649", int64(-2147483649), "-2147483649"},
		{"long max", "long", "9223372036854775807", int64(math.MaxInt64), "9223372036854775807"},
		{"long min", "long", "-9223372036854775808", int64(math.MinInt64), "-9223372036854775808"},
		{"double tiny", "double", "1e-9", 1e-9, "1e-9"},
		{"double negative fraction", "double", "-0.5", -0.5, "-0.5"},
		{"double huge", "double", "1e300", 1e300, "1e+300"},
		{"double from int", "double", "3", float64(3), "3"},
		{"double from negative int", "double", "-12", float64(-12), "-12"},
		{"double exponent", "double", "1.5E+2", float64(150), "150"},
		{"double pi", "double", "3.141592653589793", math.Pi, "3.141592653589793"},
		{"double zero", "double", "0.0", float64(0), "0"},
		{"bool true", "bool", "true", true, "true"},
		{"bool false", "bool", "false", false, "false"},
		{"string empty", "string", `""`, "", `""`},
		{"string ascii", "string", `"abc"`, "abc", `"abc"`},
		{"string unicode", "string", `"héllo 世界 🎉"`, "héllo 世界 🎉", `"héllo 世界 🎉"`},
		{"string escapes", "string", `"a\"b\\c\/d\n\t\r"`, "a\"b\\c/d\n\t\r", `"a\"b\\c/d\n\t\r"`},
		{"string unicode escapes", "string", `"\u00e9\u4e16\ud83c\udf89"`, "é世🎉", `"é世🎉"`},
		{"string html not escaped", "string", `"<a>&amp;"`, "<a>&amp;", `"<a>&amp;"`},
		{"string line separator", "string", `"a\u2028b"`, "a\u2028b", `"a\u2028b"`},
		{"string nul", "string", `"a\u0000b"`, "a\x00b", `"a\u0000b"`},
		{"string of digits", "string", `"123"`, "123", `"123"`},
		{"int[] empty", "int[]", "[]", []any{}, "[]"},
		{"int[] values", "int[]", "[1, -2, 3]", []any{int64(1), int64(-2), int64(3)}, "[1,-2,3]"},
		{"int[] bounds", "int[]", "[2147483647,-2147483648]", []any{int64(math.MaxInt32), int64(math.MinInt32)}, "[2147483647,-2147483648]"},
		{"long[] bounds", "long[]", "[9223372036854775807, -9223372036854775808]", []any{int64(math.MaxInt64), int64(math.MinInt64)}, "[9223372036854775807,-9223372036854775808]"},
		{"double[] mixed", "double[]", "[0.1, 2, -1e-9]", []any{0.1, float64(2), -1e-9}, "[0.1,2,-1e-9]"},
		{"bool[]", "bool[]", "[true,false,true]", []any{true, false, true}, "[true,false,true]"},
		{"string[]", "string[]", `["a", "", "世界"]`, []any{"a", "", "世界"}, `["a","","世界"]`},
		{"int[][] empty", "int[][]", "[]", []any{}, "[]"},
		{"int[][] one empty row", "int[][]", "[[]]", []any{[]any{}}, "[[]]"},
		{"int[][] ragged", "int[][]", "[[1,2],[],[-3]]", []any{[]any{int64(1), int64(2)}, []any{}, []any{int64(-3)}}, "[[1,2],[],[-3]]"},
		{"long[][]", "long[][]", "[[9223372036854775807]]", []any{[]any{int64(math.MaxInt64)}}, "[[9223372036854775807]]"},
		{"double[][]", "double[][]", "[[0.5],[1]]", []any{[]any{0.5}, []any{float64(1)}}, "[[0.5],[1]]"},
		{"bool[][]", "bool[][]", "[[true],[false,true]]", []any{[]any{true}, []any{false, true}}, "[[true],[false,true]]"},
		{"string[][]", "string[][]", `[["a","b"],["🎉"]]`, []any{[]any{"a", "b"}, []any{"🎉"}}, `[["a","b"],["🎉"]]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			typ := problems.MustParseType(tt.typ)
			got, err := typ.Decode([]byte(tt.in))
			if err != nil {
				t.Fatalf("%s.Decode(%s) error: %v", tt.typ, tt.in, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("%s.Decode(%s) = %#v, want %#v", tt.typ, tt.in, got, tt.want)
			}
			enc := problems.Encode(got)
			if string(enc) != tt.wantJSON {
				t.Errorf("Encode(%#v) = %s, want %s", got, enc, tt.wantJSON)
			}
			back, err := typ.Decode(enc)
			if err != nil {
				t.Fatalf("%s.Decode(Encode(v)) = Decode(%s) error: %v", tt.typ, enc, err)
			}
			if !reflect.DeepEqual(back, got) || !problems.Equal(back, got) {
				t.Errorf("round trip: Decode(%s) = %#v, want %#v", enc, back, got)
			}
		})
	}
}

func TestType_Decode_rejects(t *testing.T) {
	tests := []struct {
		name string
		typ  string
		in   string
		// want are substrings the error must contain.
		want []string
		// wantExact, if set, is the whole error message.
		wantExact string
	}{
		{"int above int32", "int", "2147483648", nil, "2147483648 is out of the 32-bit int range"},
		{"int below int32", "int", "-2147483649", nil, "-2147483649 is out of the 32-bit int range"},
		{"int far out of range", "int", "9223372036854775807", nil, "9223372036854775807 is out of the 32-bit int range"},
		{"int above int64", "int", "9223372036854775808", nil, "want int, got 9223372036854775808"},
		{"long above int64", "long", "9223372036854775808", nil, "want long, got 9223372036854775808"},
		{"long below int64", "long", "-9223372036854775809", nil, "want long, got -9223372036854775809"},
		{"int fraction", "int", "1.5", nil, "want int, got 1.5"},
		{"int with exponent", "int", "1e3", nil, "want int, got 1e3"},
		{"int string", "int", `"5"`, nil, `want int, got string "5"`},
		{"int bool", "int", "true", nil, "want int, got bool true"},
		{"int null", "int", "null", nil, "want int, got null"},
		{"int object", "int", `{"a":1}`, nil, "want int, got an object"},
		{"int array", "int", "[1]", nil, "want int, got an array"},
		{"long string", "long", `"9"`, nil, `want long, got string "9"`},
		{"double overflow", "double", "1e400", nil, "1e400 is not a finite double"},
		{"double negative overflow", "double", "-1e400", nil, "-1e400 is not a finite double"},
		{"double string", "double", `"1.0"`, nil, `want double, got string "1.0"`},
		{"double null", "double", "null", nil, "want double, got null"},
		{"double bool", "double", "false", nil, "want double, got bool false"},
		{"bool number", "bool", "1", nil, "want bool, got number 1"},
		{"bool string", "bool", `"true"`, nil, `want bool, got string "true"`},
		{"bool null", "bool", "null", nil, "want bool, got null"},
		{"string number", "string", "1", nil, "want string, got number 1"},
		{"string null", "string", "null", nil, "want string, got null"},
		{"string array", "string", `["a"]`, nil, "want string, got an array"},
		{"string object", "string", `{}`, nil, "want string, got an object"},
		{"long string value is shortened", "bool", `"abcdefghijklmnopqrstuvwxyz"`, nil, `want bool, got string "abcdefghijklmnopqrst..."`},
		{"int[] bad element", "int[]", `[1, 2, "x"]`, nil, `[2]: want int, got string "x"`},
		{"int[] null element", "int[]", `[null]`, nil, `[0]: want int, got null`},
		{"int[] element out of range", "int[]", "[0, 2147483648]", nil, "[1]: 2147483648 is out of the 32-bit int range"},
		{"int[] null", "int[]", "null", nil, "want int[], got null"},
		{"int[] object", "int[]", `{"0":1}`, nil, "want int[], got an object"},
		{"int[] scalar", "int[]", "5", nil, "want int[], got number 5"},
		{"double[] string element", "double[]", `[1, "2"]`, nil, `[1]: want double, got string "2"`},
		{"string[] number element", "string[]", `["a", 1]`, nil, "[1]: want string, got number 1"},
		{"bool[] number element", "bool[]", `[true, 0]`, nil, "[1]: want bool, got number 0"},
		{"int[][] flat", "int[][]", "[1]", nil, "[0]: want int[], got number 1"},
		{"int[][] bad inner element", "int[][]", `[[1],[2,"x"]]`, nil, `[1][1]: want int, got string "x"`},
		{"int[][] too deep", "int[][]", "[[[1]]]", nil, "[0][0]: want int, got an array"},
		{"int[][] null row", "int[][]", "[[1], null]", nil, "[1]: want int[], got null"},
		{"string[][] object row", "string[][]", `[{}]`, nil, "[0]: want string[], got an object"},
		{"empty input", "int", "", []string{"invalid JSON"}, ""},
		{"only space", "int", " \n ", []string{"invalid JSON"}, ""},
		{"truncated array", "int[]", "[1,", []string{"invalid JSON"}, ""},
		{"unterminated string", "string", `"abc`, []string{"invalid JSON"}, ""},
		{"NaN literal", "double", "NaN", []string{"invalid JSON"}, ""},
		{"Infinity literal", "double", "Infinity", []string{"invalid JSON"}, ""},
		{"single quotes", "string", `'a'`, []string{"invalid JSON"}, ""},
		{"trailing comma", "int[]", "[1,2,]", []string{"invalid JSON"}, ""},
		{"leading plus", "int", "+1", []string{"invalid JSON"}, ""},
		{"hex", "int", "0x10", []string{"invalid JSON"}, ""},
		{"second value", "int", "1 2", nil, "invalid JSON: more than one value"},
		{"second array", "int[]", "[1] [2]", nil, "invalid JSON: more than one value"},
		{"trailing letters", "int", "1x", []string{"invalid JSON"}, ""},
		{"trailing bracket", "int[]", "[1]]", []string{"invalid JSON"}, ""},
		{"trailing comma after value", "int", "1,", []string{"invalid JSON"}, ""},
		{"two strings", "string", `"a" "b"`, nil, "invalid JSON: more than one value"},
		{"trailing garbage after object", "int", `{} x`, []string{"invalid JSON"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := problems.MustParseType(tt.typ).Decode([]byte(tt.in))
			if err == nil {
				t.Fatalf("%s.Decode(%s) = %#v, want an error", tt.typ, tt.in, got)
			}
			if got != nil {
				t.Errorf("%s.Decode(%s) returned %#v with its error, want nil", tt.typ, tt.in, got)
			}
			if tt.wantExact != "" && err.Error() != tt.wantExact {
				t.Errorf("%s.Decode(%s) error = %q, want %q", tt.typ, tt.in, err, tt.wantExact)
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("%s.Decode(%s) error = %q, want it to contain %q", tt.typ, tt.in, err, want)
				}
			}
		})
	}
}

func TestType_Canonical(t *testing.T) {
	tests := []struct {
		name    string
		typ     string
		in      any
		want    any
		wantErr string
	}{
		{"json.Number int", "int", json.Number("5"), int64(5), ""},
		{"json.Number double", "double", json.Number("2.5"), 2.5, ""},
		{"nested", "int[][]", []any{[]any{json.Number("1")}}, []any{[]any{int64(1)}}, ""},
		// Canonical needs encoding/json's UseNumber: a float64 is not a number.
		{"float64 for int", "int", float64(5), nil, "want int, got float64"},
		{"float64 for double", "double", float64(5), nil, "want double, got float64"},
		{"Go int", "long", 5, nil, "want long, got int"},
		{"Go slice of int", "int[]", []int{1}, nil, "want int[], got []int"},
		{"invalid number", "long", json.Number("abc"), nil, "want long, got abc"},
		{"zero Type", "", json.Number("1"), nil, "invalid type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var typ problems.Type
			if tt.typ != "" {
				typ = problems.MustParseType(tt.typ)
			}
			got, err := typ.Canonical(tt.in)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("Canonical(%#v) = %#v, %v; want error %q", tt.in, got, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Canonical(%#v) error: %v", tt.in, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Canonical(%#v) = %#v, want %#v", tt.in, got, tt.want)
			}
		})
	}
}

func TestEncode(t *testing.T) {
	tests := []struct {
		name string
		in   any
		want string
	}{
		{"nil", nil, "null"},
		{"int64", int64(-9), "-9"},
		{"int64 max", int64(math.MaxInt64), "9223372036854775807"},
		{"float64 integral", float64(2), "2"},
		{"float64 negative zero", math.Copysign(0, -1), "-0"},
		{"float64 small", 1e-7, "1e-7"},
		{"bool", true, "true"},
		{"string quotes", `say "hi"`, `"say \"hi\""`},
		{"string control", "\x01", `"\u0001"`},
		{"string html", "<&>", `"<&>"`},
		{"empty array", []any{}, "[]"},
		{"mixed nested", []any{[]any{int64(1)}, []any{}}, "[[1],[]]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := problems.Encode(tt.in)
			if string(got) != tt.want {
				t.Errorf("Encode(%#v) = %s, want %s", tt.in, got, tt.want)
			}
			if strings.HasSuffix(string(got), "\n") {
				t.Errorf("Encode(%#v) = %q ends in a newline", tt.in, got)
			}
		})
	}
	t.Run("non-finite panics", func(t *testing.T) {
		defer func() {
			if recover() == nil {
				t.Error("Encode(NaN) did not panic")
			}
		}()
		problems.Encode(math.NaN())
	})
}
