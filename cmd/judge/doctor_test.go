package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/judgehq/judge/runtimes/podman/hostcheck"
)

func TestDoctor_finish(t *testing.T) {
	warn := hostcheck.Result{Check: "cgroups", Status: hostcheck.Warn, Found: "hybrid", Fix: "boot with cgroup v2"}
	fail := hostcheck.Result{Check: "subuid", Status: hostcheck.Fail, Found: "no range for bea", Fix: "usermod --add-subuids 100000-165535 bea"}
	for _, c := range []struct {
		name string
		json bool
		add  []hostcheck.Result
		want string // text output; JSON is checked by decoding
		code int    // exit code; 0 for none
	}{
		{
			name: "warnings pass",
			add:  []hostcheck.Result{{Check: "podman installed", Status: hostcheck.OK, Found: "/usr/bin/podman", Fix: "not shown"}, warn},
			want: "OK   podman installed       /usr/bin/podman\n" +
				"WARN cgroups                hybrid\n" +
				"     fix: boot with cgroup v2\n",
		},
		{
			name: "a failure fails",
			add:  []hostcheck.Result{warn, fail},
			want: "WARN cgroups                hybrid\n" +
				"     fix: boot with cgroup v2\n" +
				"FAIL subuid                 no range for bea\n" +
				"     fix: usermod --add-subuids 100000-165535 bea\n",
			code: exitNotAccepted,
		},
		{
			name: "lines of an error line up",
			add:  []hostcheck.Result{{Check: "podman service", Status: hostcheck.Fail, Found: "exited: a\nb\n", Fix: "podman info"}},
			want: "FAIL podman service         exited: a\n" +
				"                            b\n" +
				"     fix: podman info\n",
			code: exitNotAccepted,
		},
		{name: "json", json: true, add: []hostcheck.Result{warn, fail}, code: exitNotAccepted},
		{name: "json passes", json: true, add: []hostcheck.Result{warn}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			d := &doctor{out: &out, json: c.json}
			d.add(c.add...)
			err := d.finish()
			code := 0
			var ee *exitError
			if errors.As(err, &ee) {
				code = ee.code
			} else if err != nil {
				t.Fatal(err)
			}
			if code != c.code {
				t.Errorf("exit code %d, want %d", code, c.code)
			}
			if !c.json {
				if out.String() != c.want {
					t.Errorf("got\n%s\nwant\n%s", out.String(), c.want)
				}
				return
			}
			var rep doctorReport
			if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
				t.Fatalf("%v in %s", err, out.String())
			}
			if rep.OK != (c.code == 0) || len(rep.Checks) != len(c.add) || rep.Checks[len(c.add)-1] != c.add[len(c.add)-1] {
				t.Errorf("report %+v for %+v", rep, c.add)
			}
		})
	}
}
