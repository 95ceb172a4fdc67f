package problems

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
)

// Kind is the shape of a Type.
type Kind int

// The kinds of the type system. Array covers T[] and, nested, T[][].
// ListNode is a singly linked list of ints, written as the array of its
// values; TreeNode is a binary tree of ints, written level by level with null
// for a missing child, as LeetCode does ([1,null,2,3]).
const (
	Int Kind = iota + 1
	Long
	Double
	Bool
	String
	Array
	ListNode
	TreeNode
)

var scalarNames = map[string]Kind{
	"int":      Int,
	"long":     Long,
	"double":   Double,
	"bool":     Bool,
	"string":   String,
	"ListNode": ListNode,
	"TreeNode": TreeNode,
}

// Type is a type of the signature language: a scalar or an array of a Type.
type Type struct {
	Kind Kind
	// Elem is the element type of an Array, nil otherwise.
	Elem *Type
}

// ErrUnknownType is returned by ParseType for a name outside the type system.
var ErrUnknownType = errors.New("unknown type")

// ParseType parses a type name such as "int", "string[]" or "double[][]".
func ParseType(s string) (Type, error) {
	name := strings.TrimSpace(s)
	depth := 0
	for strings.HasSuffix(name, "[]") {
		name = strings.TrimSpace(strings.TrimSuffix(name, "[]"))
		depth++
	}
	k, ok := scalarNames[name]
	if !ok || depth > 2 {
		return Type{}, fmt.Errorf("%w %q (want int, long, double, bool, string, ListNode, TreeNode, T[] or T[][])", ErrUnknownType, s)
	}
	t := Type{Kind: k}
	for i := 0; i < depth; i++ {
		elem := t
		t = Type{Kind: Array, Elem: &elem}
	}
	return t, nil
}

// MustParseType is ParseType for constant type names in tests and tables.
func MustParseType(s string) Type {
	t, err := ParseType(s)
	if err != nil {
		panic(err)
	}
	return t
}

// String returns the type's name in the signature language.
func (t Type) String() string {
	if t.Kind == Array {
		return t.Elem.String() + "[]"
	}
	for name, k := range scalarNames {
		if k == t.Kind {
			return name
		}
	}
	return "invalid"
}

// MarshalText implements encoding.TextMarshaler.
func (t Type) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (t *Type) UnmarshalText(b []byte) error {
	p, err := ParseType(string(b))
	if err != nil {
		return err
	}
	*t = p
	return nil
}

// Decode parses one JSON value and checks it against t. The result is
// canonical: int64 for int and long, float64 for double, bool, string, and
// []any for arrays, so that two decoded values can be compared with Equal.
func (t Type) Decode(raw []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("invalid JSON: more than one value")
	}
	return t.Canonical(v)
}

// Canonical checks a value decoded by encoding/json (with UseNumber) against t
// and returns its canonical form; see Decode.
func (t Type) Canonical(v any) (any, error) {
	return t.canonical(v, "")
}

func (t Type) canonical(v any, path string) (any, error) {
	fail := func(format string, args ...any) error {
		msg := fmt.Sprintf(format, args...)
		if path != "" {
			msg = path + ": " + msg
		}
		return errors.New(msg)
	}
	switch t.Kind {
	case Int, Long:
		n, ok := v.(json.Number)
		if !ok {
			return nil, fail("want %s, got %s", t, describe(v))
		}
		i, err := n.Int64()
		if err != nil {
			return nil, fail("want %s, got %s", t, n)
		}
		if t.Kind == Int && (i < math.MinInt32 || i > math.MaxInt32) {
			return nil, fail("%d is out of the 32-bit int range", i)
		}
		return i, nil
	case Double:
		n, ok := v.(json.Number)
		if !ok {
			return nil, fail("want double, got %s", describe(v))
		}
		f, err := n.Float64()
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, fail("%s is not a finite double", n)
		}
		return f, nil
	case Bool:
		b, ok := v.(bool)
		if !ok {
			return nil, fail("want bool, got %s", describe(v))
		}
		return b, nil
	case String:
		s, ok := v.(string)
		if !ok {
			return nil, fail("want string, got %s", describe(v))
		}
		return s, nil
	case ListNode:
		a, ok := v.([]any)
		if !ok {
			return nil, fail("want ListNode (an array of ints), got %s", describe(v))
		}
		out := make([]any, len(a))
		for i, e := range a {
			c, err := Type{Kind: Int}.canonical(e, fmt.Sprintf("%s[%d]", path, i))
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	case TreeNode:
		return canonicalTree(v, path, fail)
	case Array:
		a, ok := v.([]any)
		if !ok {
			return nil, fail("want %s, got %s", t, describe(v))
		}
		out := make([]any, len(a))
		for i, e := range a {
			c, err := t.Elem.canonical(e, fmt.Sprintf("%s[%d]", path, i))
			if err != nil {
				return nil, err
			}
			out[i] = c
		}
		return out, nil
	}
	return nil, fail("invalid type")
}

// canonicalTree checks a level-order tree: ints and nulls, a non-null root
// unless empty, and no more entries than the non-null nodes have child
// slots. Trailing nulls are dropped, so equal trees have equal forms.
func canonicalTree(v any, path string, fail func(string, ...any) error) (any, error) {
	a, ok := v.([]any)
	if !ok {
		return nil, fail("want TreeNode (a level-order array of ints and nulls), got %s", describe(v))
	}
	out := make([]any, len(a))
	slots := 1 // child slots open for the next entries: the root's
	for i, e := range a {
		if slots == 0 {
			return nil, fail("entry %d has no parent: every non-null node has two child slots", i)
		}
		slots--
		if e == nil {
			if i == 0 {
				return nil, fail("the root is null: write an empty tree as []")
			}
			continue
		}
		c, err := Type{Kind: Int}.canonical(e, fmt.Sprintf("%s[%d]", path, i))
		if err != nil {
			return nil, err
		}
		out[i] = c
		slots += 2
	}
	for len(out) > 0 && out[len(out)-1] == nil {
		out = out[:len(out)-1]
	}
	return out, nil
}

func describe(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case json.Number:
		return "number " + v.String()
	case bool:
		return fmt.Sprintf("bool %t", v)
	case string:
		if r := []rune(v); len(r) > 20 {
			v = string(r[:20]) + "..."
		}
		return fmt.Sprintf("string %q", v)
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// Encode returns the JSON encoding of a canonical value.
func Encode(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		// Canonical values are finite numbers, bools, strings and arrays.
		panic(fmt.Sprintf("encode canonical value: %v", err))
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}
