package harness_test

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/judgehq/judge/examples"
	"github.com/judgehq/judge/harness"
	"github.com/judgehq/judge/problems"
)

func loadProblems(t *testing.T) []*problems.Problem {
	t.Helper()
	ps, err := problems.LoadAll(examples.Problems, "problems")
	if err != nil {
		t.Fatalf("load bundled problems: %v", err)
	}
	if len(ps) == 0 {
		t.Fatal("no bundled problems")
	}
	return ps
}

var (
	jsonLang  = &harness.Lang{Name: "json-lang", Format: harness.FormatJSON, Function: func(n string) string { return n }}
	tokenLang = &harness.Lang{Name: "token-lang", Format: harness.FormatTokens, Function: func(n string) string { return n }}
)

func TestNewRun_neverHoldsExpected(t *testing.T) {
	t.Parallel()
	// A problem whose expected values are distinctive strings that are not
	// arguments: if any reaches the input, it shows up verbatim (in JSON) or
	// as its hex (in tokens).
	sig := problems.Signature{
		Function: "answer",
		Params: []problems.Param{
			{Name: "s", Type: problems.MustParseType("string")},
			{Name: "n", Type: problems.MustParseType("int[]")},
		},
		Returns: problems.MustParseType("string"),
	}
	tests := []problems.Test{
		{Name: "a", Sample: true, Args: []any{"visible-argument", []any{int64(1), int64(2)}}, Expected: "SECRET-EXPECTED-ONE"},
		{Name: "b", Args: []any{"another-argument", []any{}}, Expected: "SECRET-EXPECTED-TWO"},
	}
	for _, lang := range []*harness.Lang{jsonLang, tokenLang} {
		raw := harness.NewRun(lang, sig, tests).Stdin
		enc := func(s string) []byte {
			if lang.Format == harness.FormatTokens {
				return []byte(hex.EncodeToString([]byte(s)))
			}
			return []byte(s)
		}
		for _, secret := range []string{"SECRET-EXPECTED-ONE", "SECRET-EXPECTED-TWO"} {
			if bytes.Contains(raw, enc(secret)) {
				t.Errorf("%s input holds the expected value %q:\n%s", lang.Format, secret, raw)
			}
		}
		for _, arg := range []string{"visible-argument", "another-argument"} {
			if !bytes.Contains(raw, enc(arg)) {
				t.Errorf("%s input lacks the argument %q:\n%s", lang.Format, arg, raw)
			}
		}
	}
}

func TestNewRun_bundledProblems(t *testing.T) {
	t.Parallel()
	wantKeys := []string{"function", "nonce", "output_limit", "params", "returns", "tests"}
	for _, p := range loadProblems(t) {
		t.Run(p.Slug, func(t *testing.T) {
			run := harness.NewRun(jsonLang, p.Signature, p.Tests)
			raw := run.Stdin

			// Exactly the documented fields: nothing named like an expected
			// output can ride along.
			var top map[string]json.RawMessage
			if err := json.Unmarshal(raw, &top); err != nil {
				t.Fatalf("unmarshal input: %v", err)
			}
			var keys []string
			for k := range top {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			if !slices.Equal(keys, wantKeys) {
				t.Errorf("input fields = %v, want %v", keys, wantKeys)
			}

			// Each test carries exactly its arguments, in parameter order.
			var got struct {
				Params []string            `json:"params"`
				Tests  [][]json.RawMessage `json:"tests"`
			}
			if err := json.Unmarshal(raw, &got); err != nil {
				t.Fatalf("unmarshal tests: %v", err)
			}
			if len(got.Tests) != len(p.Tests) {
				t.Fatalf("input has %d tests, problem has %d", len(got.Tests), len(p.Tests))
			}
			if len(got.Params) != len(p.Signature.Params) {
				t.Errorf("params = %v, want %d of them", got.Params, len(p.Signature.Params))
			}
			for i, tc := range p.Tests {
				if len(got.Tests[i]) != len(tc.Args) {
					t.Fatalf("test %s: %d values, want %d arguments", tc.Name, len(got.Tests[i]), len(tc.Args))
				}
				for j, a := range tc.Args {
					if want := problems.Encode(a); !bytes.Equal(got.Tests[i][j], want) {
						t.Errorf("test %s arg %d = %s, want %s", tc.Name, j, got.Tests[i][j], want)
					}
				}
			}

			// The token form: a header, then one line per test.
			tok := harness.NewRun(tokenLang, p.Signature, p.Tests)
			lines := strings.Split(strings.TrimSuffix(string(tok.Stdin), "\n"), "\n")
			if want := fmt.Sprintf("%s %d %d", tok.Nonce, len(p.Tests), harness.DefaultOutputLimit); lines[0] != want {
				t.Errorf("token header %q, want %q", lines[0], want)
			}
			if len(lines) != len(p.Tests)+1 {
				t.Errorf("token input has %d lines, want %d", len(lines), len(p.Tests)+1)
			}
		})
	}
}

func TestNewRun_fields(t *testing.T) {
	t.Parallel()
	sig := problems.Signature{
		Function: "twoSum",
		Params: []problems.Param{
			{Name: "nums", Type: problems.MustParseType("int[]")},
			{Name: "target", Type: problems.MustParseType("int")},
		},
		Returns: problems.MustParseType("int[]"),
	}
	a := harness.NewRun(jsonLang, sig, []problems.Test{{Args: []any{[]any{int64(2), int64(7)}, int64(9)}, Expected: []any{int64(0), int64(1)}}})
	b := harness.NewRun(jsonLang, sig, nil)

	if !regexp.MustCompile(`^[0-9a-f]{24}$`).MatchString(a.Nonce) {
		t.Errorf("nonce %q: want 24 hex digits", a.Nonce)
	}
	if a.Nonce == b.Nonce {
		t.Errorf("two inputs share the nonce %q", a.Nonce)
	}
	raw := a.Stdin
	if !bytes.HasSuffix(raw, []byte("\n")) || bytes.Count(raw, []byte("\n")) != 1 {
		t.Errorf("input is not one line ending in a newline: %q", raw)
	}
	var in harness.Input
	if err := json.Unmarshal(raw, &in); err != nil {
		t.Fatalf("unmarshal: %v", err)
	}
	if in.Nonce != a.Nonce || in.Function != "twoSum" || in.Returns != "int[]" || in.OutputLimit <= 0 ||
		!slices.Equal(in.Params, []string{"int[]", "int"}) {
		t.Errorf("input = %+v", in)
	}
}

func TestEncodeTokens(t *testing.T) {
	t.Parallel()
	tests := []struct {
		typ  string
		json string
		want string
	}{
		{"int", "-12", "-12"},
		{"long", "9223372036854775807", "9223372036854775807"},
		{"double", "2.5", "2.5"},
		{"double", "1e-9", "1e-09"},
		{"double", "3", "3"},
		{"bool", "true", "1"},
		{"bool", "false", "0"},
		{"string", `"hi"`, "2 6869"},
		{"string", `""`, "0"},
		{"string", `"é"`, "2 c3a9"},
		{"string", `"a b"`, "3 612062"},
		{"int[]", "[]", "0"},
		{"int[]", "[1,-2,3]", "3 1 -2 3"},
		{"int[][]", "[[1],[]]", "2 1 1 0"},
		{"string[]", `["x",""]`, "2 1 78 0"},
		{"bool[]", "[true,false]", "2 1 0"},
		{"ListNode", "[1,2,3]", "3 1 2 3"},
		{"ListNode", "[]", "0"},
		{"TreeNode", "[1,null,2,3]", "4 1 null 2 3"},
		{"TreeNode", "[1,2,null,null]", "2 1 2"},
		{"TreeNode", "[]", "0"},
		{"ListNode[]", "[[1,4],[],[2]]", "3 2 1 4 0 1 2"},
	}
	for _, tt := range tests {
		typ := problems.MustParseType(tt.typ)
		v, err := typ.Decode([]byte(tt.json))
		if err != nil {
			t.Fatalf("decode %s as %s: %v", tt.json, tt.typ, err)
		}
		var b strings.Builder
		harness.EncodeTokens(&b, typ, v)
		if b.String() != tt.want {
			t.Errorf("EncodeTokens(%s, %s) = %q, want %q", tt.typ, tt.json, b.String(), tt.want)
		}
	}
}

func TestReader_Next(t *testing.T) {
	t.Parallel()
	const nonce = "0123456789abcdef01234567"
	m := harness.Marker(nonce)
	if m != "@@judge:"+nonce+" " {
		t.Fatalf("Marker = %q", m)
	}

	t.Run("records among other lines", func(t *testing.T) {
		stream := strings.Join([]string{
			"plain output",
			"",
			m + `{"k":"start"}`,
			`@@judge:ffffffffffffffffffffffff {"k":"result","i":0,"v":[9,9]}`, // another run's marker
			"user says " + m + `{"k":"result","i":0,"v":[8,8]}`,               // marker not at line start
			"@@judge:" + nonce + `{"k":"result","i":0,"v":[7,7]}`,             // no space after the nonce
			m + `{"k":"ready"}`,
			m + `{"k":"result","i":0,"v":[0,1],"us":1234,"out":"hi\n@@judge:x {}"}`,
			m + `{"k":"error","i":1,"err":"Traceback: boom","out":""}`,
			m + `{"k":"done","rss":2048}`, // no trailing newline
		}, "\n")
		r := harness.NewReader(strings.NewReader(stream), nonce, 1<<20)
		want := []harness.Record{
			{Kind: harness.KindStart},
			{Kind: harness.KindReady},
			{Kind: harness.KindResult, Test: 0, Value: json.RawMessage(`[0,1]`), Micros: 1234, Stdout: "hi\n@@judge:x {}"},
			{Kind: harness.KindError, Test: 1, Error: "Traceback: boom"},
			{Kind: harness.KindDone, MaxRSSKB: 2048},
		}
		for i, w := range want {
			got, err := r.Next()
			if err != nil {
				t.Fatalf("record %d: %v", i, err)
			}
			if got.Kind != w.Kind || got.Test != w.Test || !bytes.Equal(got.Value, w.Value) ||
				got.Micros != w.Micros || got.Stdout != w.Stdout || got.Error != w.Error || got.MaxRSSKB != w.MaxRSSKB {
				t.Errorf("record %d = %+v (value %s), want %+v (value %s)", i, got, got.Value, w, w.Value)
			}
		}
		if _, err := r.Next(); err != io.EOF {
			t.Errorf("after the last record: err = %v, want io.EOF", err)
		}
	})

	t.Run("empty stream", func(t *testing.T) {
		r := harness.NewReader(strings.NewReader(""), nonce, 1<<20)
		if _, err := r.Next(); err != io.EOF {
			t.Errorf("err = %v, want io.EOF", err)
		}
	})

	t.Run("only foreign lines", func(t *testing.T) {
		r := harness.NewReader(strings.NewReader("a\nb\n@@judge:other {\"k\":\"done\"}\n"), nonce, 1<<20)
		if rec, err := r.Next(); err != io.EOF {
			t.Errorf("Next = %+v, %v; want io.EOF", rec, err)
		}
	})

	for _, bad := range []string{`{"k":`, `not json`, `{"k":"result","i":"zero"}`, `[1,2]`} {
		t.Run("malformed "+bad, func(t *testing.T) {
			r := harness.NewReader(strings.NewReader("noise\n"+m+bad+"\n"), nonce, 1<<20)
			_, err := r.Next()
			if err == nil || err == io.EOF {
				t.Fatalf("err = %v, want a malformed record error", err)
			}
			if !strings.Contains(err.Error(), "malformed record") {
				t.Errorf("err = %q, want it to say malformed record", err)
			}
		})
	}

	// A line longer than maxLine ends the stream with bufio.ErrTooLong,
	// whether it is a record or not.
	for _, tc := range []struct {
		name    string
		maxLine int
		line    string
	}{
		{"small limit, plain line", 1 << 10, strings.Repeat("x", 4<<10)},
		{"small limit, record", 1 << 10, m + `{"k":"result","i":0,"out":"` + strings.Repeat("y", 4<<10) + `"}`},
		{"large limit, plain line", 256 << 10, strings.Repeat("x", 1<<20)},
		{"large limit, record", 256 << 10, m + `{"k":"result","i":0,"out":"` + strings.Repeat("y", 1<<20) + `"}`},
	} {
		t.Run("too long: "+tc.name, func(t *testing.T) {
			stream := m + `{"k":"start"}` + "\n" + tc.line + "\n" + m + `{"k":"done"}` + "\n"
			r := harness.NewReader(strings.NewReader(stream), nonce, tc.maxLine)
			if rec, err := r.Next(); err != nil || rec.Kind != harness.KindStart {
				t.Fatalf("first record = %+v, %v; want start", rec, err)
			}
			rec, err := r.Next()
			if !errors.Is(err, bufio.ErrTooLong) {
				t.Errorf("line of %d bytes with maxLine %d: Next = %q record with %d bytes of stdout, err %v; want bufio.ErrTooLong",
					len(tc.line), tc.maxLine, rec.Kind, len(rec.Stdout), err)
			}
		})
	}

	t.Run("line under the limit", func(t *testing.T) {
		out := strings.Repeat("z", 100<<10)
		stream := m + `{"k":"result","i":3,"out":"` + out + `"}` + "\n"
		r := harness.NewReader(strings.NewReader(stream), nonce, 256<<10)
		rec, err := r.Next()
		if err != nil || rec.Test != 3 || rec.Stdout != out {
			t.Errorf("Next = test %d, %d bytes of stdout, %v; want test 3 with %d bytes", rec.Test, len(rec.Stdout), err, len(out))
		}
	})
}
