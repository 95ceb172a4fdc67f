//go:build ignore

// The fixed part of the judge's Go harness. It is not built with the judge
// (hence the build constraint, which the generator drops): the generated
// part follows it in the sandbox's harness.go, with judgeRead, which reads
// one test's arguments and returns the call of the user's function (see
// harness/golang.go). The user's code is solution.go, in the same package, so
// every name here but ListNode, TreeNode and main starts with judge, out of
// the solution's way. The protocol is in harness/README.md: tokens on stdin,
// one record per line on the original stdout, the user's stdout captured per
// test.
package main

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"
)

// ListNode is a node of a singly-linked list, as LeetCode defines it.
type ListNode struct {
	Val  int
	Next *ListNode
}

// TreeNode is a node of a binary tree, as LeetCode defines it.
type TreeNode struct {
	Val   int
	Left  *TreeNode
	Right *TreeNode
}

// judgeCall calls the user's function on one test's arguments and returns
// the writer of the value it returned.
type judgeCall func() func(*judgeJSON)

// judgeMaxNodes bounds the lists and trees a solution returns: longer ones
// are taken for cycles.
const judgeMaxNodes = 1 << 20

func main() {
	if err := judgeMain(); err != nil {
		// The harness itself failed: no done record, so the daemon knows
		// the run is broken.
		fmt.Fprintln(os.Stderr, "judge harness:", err)
		os.Exit(3)
	}
	// Goroutines the solution left behind must not outlive the last record.
	os.Exit(0)
}

func judgeMain() error {
	input, err := io.ReadAll(os.Stdin)
	if err != nil {
		return err
	}
	in := &judgeTokens{b: input}
	marker := "@@judge:" + in.word() + " "
	n, limit := in.Int(), in.Int()

	// Records go to a copy of fd 1. Fd 1 itself, which os.Stdout and any
	// direct write use, goes to a temporary file read after each test.
	recFd, err := syscall.Dup(1)
	if err != nil {
		return fmt.Errorf("dup stdout: %w", err)
	}
	rec := &judgeRecords{w: bufio.NewWriter(os.NewFile(uintptr(recFd), "records")), marker: marker}
	f, err := os.CreateTemp("", "judge-stdout-")
	if err != nil {
		return err
	}
	os.Remove(f.Name())
	if err := syscall.Dup3(int(f.Fd()), 1, 0); err != nil {
		return fmt.Errorf("redirect stdout: %w", err)
	}
	capture := &judgeCapture{f: f, limit: limit}

	if err := rec.emit(`{"k":"start"}`); err != nil {
		return err
	}
	if err := rec.emit(`{"k":"ready"}`); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		call := judgeRead(in)
		write, us, msg := judgeTry(call)
		out := capture.take()
		var line string
		switch {
		case write == nil:
			line = fmt.Sprintf(`{"k":"error","i":%d,"err":%s,"out":%s}`, i, judgeQuote(msg), judgeQuote(out))
		default:
			v := &judgeJSON{}
			write(v)
			if v.err != "" {
				line = fmt.Sprintf(`{"k":"error","i":%d,"err":%s,"out":%s}`, i,
					judgeQuote("cannot return the value: "+v.err), judgeQuote(out))
			} else {
				line = fmt.Sprintf(`{"k":"result","i":%d,"us":%d,"out":%s,"v":%s}`, i, us, judgeQuote(out), v.b)
			}
		}
		if err := rec.emit(line); err != nil {
			return err
		}
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return rec.emit(fmt.Sprintf(`{"k":"done","rss":%d}`, ru.Maxrss))
}

// judgeTry runs call and times it. If it panics, write is nil and msg is
// the panic with the solution's part of the stack.
func judgeTry(call judgeCall) (write func(*judgeJSON), us int64, msg string) {
	returned := false
	defer func() {
		if returned {
			return
		}
		// Not returned: a panic, even panic(nil), which recover cannot
		// tell from no panic before Go 1.21.
		r := recover()
		write, msg = nil, "panic: "+judgePanicValue(r)+"\n\n"+judgeUserStack(string(debug.Stack()))
	}()
	start := time.Now()
	write = call()
	us = time.Since(start).Microseconds()
	returned = true
	return write, us, ""
}

// judgePanicValue formats a panic's value as the Go runtime does.
func judgePanicValue(r any) (s string) {
	defer func() {
		// An Error or String method of the solution's may panic too.
		if recover() != nil {
			s = fmt.Sprintf("%T (its Error or String method panicked)", r)
		}
	}()
	switch v := r.(type) {
	case nil:
		return "nil"
	case error:
		return v.Error()
	case fmt.Stringer:
		return v.String()
	case string:
		return v
	}
	return fmt.Sprintf("%#v", r)
}

// judgeUserStack trims a goroutine stack from debug.Stack, taken in a
// deferred recover, to the solution's frames: from where it panicked down
// to its outermost frame, without the harness's and the panic machinery's.
// File names lose the run directory.
func judgeUserStack(stack string) string {
	lines := strings.Split(strings.TrimRight(stack, "\n"), "\n")
	if len(lines) < 3 {
		return stack
	}
	dir, _ := os.Getwd()
	type frame struct{ fn, loc string }
	var frames []frame
	for i := 1; i+1 < len(lines); i += 2 {
		loc := strings.Replace(lines[i+1], dir+"/", "", 1)
		frames = append(frames, frame{lines[i], loc})
	}
	start := 0
	for i, f := range frames {
		if strings.HasPrefix(f.fn, "panic(") {
			start = i + 1
		}
	}
	for start < len(frames) && strings.HasPrefix(frames[start].fn, "runtime.") {
		start++
	}
	var b strings.Builder
	b.WriteString(lines[0])
	b.WriteByte('\n')
	for _, f := range frames[start:] {
		if strings.HasPrefix(f.fn, "main.judge") {
			break
		}
		b.WriteString(f.fn)
		b.WriteByte('\n')
		b.WriteString(f.loc)
		b.WriteByte('\n')
	}
	return b.String()
}

// judgeRecords writes records, each on its own line behind the run's marker.
type judgeRecords struct {
	w      *bufio.Writer
	marker string
}

// emit writes one record and flushes it, so the daemon sees each test end.
func (r *judgeRecords) emit(json string) error {
	r.w.WriteString(r.marker)
	r.w.WriteString(json)
	r.w.WriteByte('\n')
	return r.w.Flush()
}

// judgeCapture is the file fd 1 writes to during the tests.
type judgeCapture struct {
	f     *os.File
	limit int
}

// take returns and clears what the solution printed since the last call.
func (c *judgeCapture) take() string {
	// Fd 1 shares the file's offset: it is the length written.
	size, err := c.f.Seek(0, io.SeekCurrent)
	if err != nil || size == 0 {
		return ""
	}
	buf := make([]byte, size)
	if size > int64(c.limit) {
		buf = buf[:c.limit]
	}
	n, _ := c.f.ReadAt(buf, 0)
	c.f.Truncate(0)
	c.f.Seek(0, io.SeekStart)
	out := string(buf[:n])
	if size > int64(c.limit) {
		out += "\n[output truncated]"
	}
	return out
}

// judgeTokens reads the whitespace-separated input tokens (see
// harness.EncodeTokens). A malformed input is the judge's fault: it panics.
type judgeTokens struct {
	b   []byte
	pos int
}

// word returns the next token.
func (t *judgeTokens) word() string {
	for t.pos < len(t.b) && t.b[t.pos] <= ' ' {
		t.pos++
	}
	start := t.pos
	for t.pos < len(t.b) && t.b[t.pos] > ' ' {
		t.pos++
	}
	if start == t.pos {
		panic("judge harness: input ends early")
	}
	return string(t.b[start:t.pos])
}

// Long reads an int or a long.
func (t *judgeTokens) Long() int64 {
	v, err := strconv.ParseInt(t.word(), 10, 64)
	if err != nil {
		panic(err)
	}
	return v
}

// Int reads an int.
func (t *judgeTokens) Int() int { return int(t.Long()) }

// Len reads the length of an array, a list or a tree.
func (t *judgeTokens) Len() int { return t.Int() }

// Double reads a double, in decimal or exponent form.
func (t *judgeTokens) Double() float64 {
	v, err := strconv.ParseFloat(t.word(), 64)
	if err != nil {
		panic(err)
	}
	return v
}

// Bool reads a bool, 1 or 0.
func (t *judgeTokens) Bool() bool { return t.word() == "1" }

// Str reads a byte length and, unless it is 0, the bytes in hex.
func (t *judgeTokens) Str() string {
	n := t.Int()
	if n == 0 {
		return ""
	}
	b, err := hex.DecodeString(t.word())
	if err != nil || len(b) != n {
		panic(fmt.Sprintf("judge harness: bad string of %d bytes: %v", n, err))
	}
	return string(b)
}

// List reads a list: its length, then its values.
func (t *judgeTokens) List() *ListNode {
	dummy := &ListNode{}
	tail := dummy
	for i, n := 0, t.Len(); i < n; i++ {
		tail.Next = &ListNode{Val: t.Int()}
		tail = tail.Next
	}
	return dummy.Next
}

// Tree reads a level-order tree, as LeetCode writes it.
func (t *judgeTokens) Tree() *TreeNode {
	n := t.Len()
	if n == 0 {
		return nil
	}
	vals := make([]*int, n)
	for i := range vals {
		if w := t.word(); w != "null" {
			v, err := strconv.Atoi(w)
			if err != nil {
				panic(err)
			}
			vals[i] = &v
		}
	}
	root := &TreeNode{Val: *vals[0]}
	queue := []*TreeNode{root}
	for i := 1; len(queue) > 0 && i < n; i += 2 {
		node := queue[0]
		queue = queue[1:]
		if vals[i] != nil {
			node.Left = &TreeNode{Val: *vals[i]}
			queue = append(queue, node.Left)
		}
		if i+1 < n && vals[i+1] != nil {
			node.Right = &TreeNode{Val: *vals[i+1]}
			queue = append(queue, node.Right)
		}
	}
	return root
}

// judgeSlice returns the reader of a slice whose elements elem reads.
func judgeSlice[T any](elem func(*judgeTokens) T) func(*judgeTokens) []T {
	return func(in *judgeTokens) []T {
		a := make([]T, in.Len())
		for i := range a {
			a[i] = elem(in)
		}
		return a
	}
}

// judgeJSON builds one JSON value. The first value that has no JSON form (a
// NaN, a cyclic list) sets err.
type judgeJSON struct {
	b   []byte
	err string
}

// fail notes the first value without a JSON form.
func (j *judgeJSON) fail(format string, args ...any) {
	if j.err == "" {
		j.err = fmt.Sprintf(format, args...)
	}
}

// next separates the array element at index i from the one before.
func (j *judgeJSON) next(i int) {
	if i > 0 {
		j.b = append(j.b, ',')
	}
}

// Int, Long, Bool and Str write scalars; the method names match
// judgeTokens', so that the generator names both alike.
func (j *judgeJSON) Int(v int)    { j.b = strconv.AppendInt(j.b, int64(v), 10) }
func (j *judgeJSON) Long(v int64) { j.b = strconv.AppendInt(j.b, v, 10) }
func (j *judgeJSON) Bool(v bool)  { j.b = strconv.AppendBool(j.b, v) }
func (j *judgeJSON) Str(v string) { j.b = append(j.b, judgeQuote(v)...) }

// Double writes a double as the shortest decimal that parses back to it.
func (j *judgeJSON) Double(v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		j.fail("%v is not a finite double", v)
		j.b = append(j.b, '0')
		return
	}
	j.b = strconv.AppendFloat(j.b, v, 'g', -1, 64)
}

// List writes a list as the array of its values.
func (j *judgeJSON) List(head *ListNode) {
	j.b = append(j.b, '[')
	for i, p := 0, head; p != nil; i, p = i+1, p.Next {
		if i == judgeMaxNodes {
			j.fail("the list has a cycle or more than %d nodes", judgeMaxNodes)
			break
		}
		j.next(i)
		j.Int(p.Val)
	}
	j.b = append(j.b, ']')
}

// Tree writes a tree level by level, as LeetCode does: null for a missing
// child, no trailing nulls.
func (j *judgeJSON) Tree(root *TreeNode) {
	j.b = append(j.b, '[')
	keep := len(j.b) // the JSON up to the last node, without trailing nulls
	queue := []*TreeNode{root}
	nodes := 0
	for i := 0; i < len(queue); i++ {
		node := queue[i]
		j.next(i)
		if node == nil {
			j.b = append(j.b, "null"...)
			continue
		}
		if nodes++; nodes > judgeMaxNodes {
			j.fail("the tree has a cycle or more than %d nodes", judgeMaxNodes)
			break
		}
		j.Int(node.Val)
		keep = len(j.b)
		queue = append(queue, node.Left, node.Right)
	}
	j.b = append(j.b[:keep], ']')
}

// judgeWriteSlice returns the writer of a slice whose elements elem writes.
// A nil slice is an empty one, as everywhere in Go.
func judgeWriteSlice[T any](elem func(*judgeJSON, T)) func(*judgeJSON, []T) {
	return func(j *judgeJSON, v []T) {
		j.b = append(j.b, '[')
		for i, e := range v {
			j.next(i)
			elem(j, e)
		}
		j.b = append(j.b, ']')
	}
}

// judgeQuote returns s as a JSON string; invalid UTF-8 becomes U+FFFD.
func judgeQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case c == '\n':
				b.WriteString(`\n`)
			case c == '\r':
				b.WriteString(`\r`)
			case c == '\t':
				b.WriteString(`\t`)
			case c < 0x20 || c == 0x7f:
				fmt.Fprintf(&b, `\u%04x`, c)
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString(`\ufffd`)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	b.WriteByte('"')
	return b.String()
}
