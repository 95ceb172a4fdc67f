package podman

import (
	"strings"
	"testing"
	"time"

	"github.com/judgehq/judge/runtimes"
)

func TestUsageStatus(t *testing.T) {
	const m = "@@JUDGE:abc@@"
	for _, c := range []struct {
		out    string
		status int
		ok     bool
	}{
		{out: "hello\n\n" + m + `{"k":"usage","rss":1024,"cpu":5,"status":3}` + "\n", status: 3, ok: true},
		{out: "\n" + m + `{"k":"limit","err":"memory","status":137}` + "\n\n" + m + `{"k":"usage","status":137}` + "\n", status: 137, ok: true},
		{out: "\n" + m + `{"k":"usage","status":0}` + "\n", status: 0, ok: true},
		// Output after the record: it is not judge-init's last word.
		{out: "\n" + m + `{"k":"usage","status":0}` + "\nmore\n"},
		// Another marker, no status, another kind, nothing.
		{out: "\n@@JUDGE:other@@" + `{"k":"usage","status":0}` + "\n"},
		{out: "\n" + m + `{"k":"usage"}` + "\n"},
		{out: "\n" + m + `{"k":"done","status":0}` + "\n"},
		{out: ""},
	} {
		status, ok := usageStatus([]byte(c.out), m)
		if status != c.status || ok != c.ok {
			t.Errorf("usageStatus(%q) = %d, %t; want %d, %t", c.out, status, ok, c.status, c.ok)
		}
	}
}

func TestTailWriter(t *testing.T) {
	w := &tailWriter{n: 8}
	var all strings.Builder
	for _, s := range []string{"abc", "defgh", "ij", "0123456789ABCDEF", "x", "", "yz"} {
		w.Write([]byte(s))
		all.WriteString(s)
		want := all.String()
		if len(want) > 8 {
			want = want[len(want)-8:]
		}
		if string(w.Bytes()) != want {
			t.Fatalf("after %q: tail %q, want %q", s, w.Bytes(), want)
		}
	}
}

func TestPoolKey(t *testing.T) {
	a := runtimes.RunRequest{Image: "localhost/judge-python:latest", Limits: runtimes.DefaultLimits(), Marker: "m1", Cmd: []string{"a"}}
	b := a
	b.Marker, b.Cmd, b.Stdin, b.Limits.Wall = "m2", []string{"b"}, []byte("x"), time.Hour
	if poolKey(a) != poolKey(b) {
		t.Errorf("runs that differ only in what travels over stdin got different containers:\n%s\n%s", poolKey(a), poolKey(b))
	}
	for name, change := range map[string]func(*runtimes.RunRequest){
		"image":  func(r *runtimes.RunRequest) { r.Image = "localhost/judge-c:latest" },
		"memory": func(r *runtimes.RunRequest) { r.Limits.MemoryMB++ },
		"pids":   func(r *runtimes.RunRequest) { r.Limits.Pids++ },
		"files":  func(r *runtimes.RunRequest) { r.Limits.NoFile++ },
		"fsize":  func(r *runtimes.RunRequest) { r.Limits.FileSizeMB++ },
		"tmpfs":  func(r *runtimes.RunRequest) { r.Limits.TmpfsMB++ },
		"labels": func(r *runtimes.RunRequest) { r.Labels = map[string]string{"x": "1"} },
	} {
		c := a
		change(&c)
		if poolKey(a) == poolKey(c) {
			t.Errorf("%s: a container made for other limits would serve the run", name)
		}
	}
}
