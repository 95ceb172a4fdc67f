//go:build e2e

package main_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestE2E_CLI runs the scripts in testdata/cli against a real daemon (Podman
// sandboxes, SQLite, HTTP): each script is a user's session with the judge
// CLI, checking its output and exit codes. Every script gets a user of its
// own (JUDGE_TOKEN; ADMIN_TOKEN is the admin's) and a home of its own, so
// `judge login` and `judge config` write into the script's directory.
func TestE2E_CLI(t *testing.T) {
	e := startDaemon(t, daemonOptions{args: []string{
		// Scripts submit more than a person would in a minute.
		"--rate-submit-every", "0", "--rate-submits-per-minute", "0", "--rate-run-every", "0",
	}})
	n := 0
	testscript.Run(t, testscript.Params{
		Dir: "testdata/cli",
		Setup: func(env *testscript.Env) error {
			n++
			token := func(name string) (string, error) {
				out, code := e.judge("user", "add", name, "--json")
				if code != 0 {
					return "", fmt.Errorf("judge user add %s: exit %d: %s", name, code, out)
				}
				var added struct {
					Token struct{ Token string } `json:"token"`
				}
				if err := json.Unmarshal([]byte(out), &added); err != nil || added.Token.Token == "" {
					return "", fmt.Errorf("judge user add --json: %v: %s", err, out)
				}
				return added.Token.Token, nil
			}
			name := fmt.Sprintf("user%d", n)
			mine, err := token(name)
			if err != nil {
				return err
			}
			other, err := token(name + "-other")
			if err != nil {
				return err
			}
			home := env.WorkDir
			env.Setenv("PATH", filepath.Dir(e.bin)+string(os.PathListSeparator)+"/usr/local/bin:/usr/bin:/bin")
			env.Setenv("HOME", home)
			env.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
			env.Setenv("XDG_DATA_HOME", filepath.Join(home, ".local/share"))
			env.Setenv("JUDGE_SERVER", e.server)
			env.Setenv("DAEMON", e.server)
			env.Setenv("JUDGE_TOKEN", mine)
			env.Setenv("USER_TOKEN", mine)
			env.Setenv("OTHER_TOKEN", other)
			env.Setenv("ADMIN_TOKEN", e.token)
			env.Setenv("USER_NAME", name)
			env.Setenv("REPO", repoFile(t, "."))
			for _, k := range []string{"EDITOR", "VISUAL", "NO_COLOR", "JUDGE_EDITOR", "JUDGE_LANGUAGE"} {
				env.Setenv(k, "")
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"judge": judgeCmd,
			"exit":  exitCmd,
			"json":  jsonCmd,
			// jsonvar VAR PATH sets VAR to the value at PATH of stdout.
			"jsonvar": func(ts *testscript.TestScript, neg bool, args []string) {
				if neg || len(args) != 2 {
					ts.Fatalf("usage: jsonvar VAR PATH")
				}
				var doc any
				if err := json.Unmarshal([]byte(ts.ReadFile("stdout")), &doc); err != nil {
					ts.Fatalf("stdout is not JSON: %v", err)
				}
				v, err := jsonAt(doc, args[1])
				if err != nil {
					ts.Fatalf("%v", err)
				}
				if s, ok := v.(string); ok {
					ts.Setenv(args[0], s)
					return
				}
				raw, _ := json.Marshal(v)
				ts.Setenv(args[0], string(raw))
			},
		},
	})
}

// judgeCmd runs the judge binary: `judge ARGS` must exit 0, `! judge ARGS`
// must not; `exit N` then checks the exact code.
func judgeCmd(ts *testscript.TestScript, neg bool, args []string) {
	err := ts.Exec("judge", args...)
	code := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("judge: %v", err)
		}
		code = ee.ExitCode()
	}
	ts.Setenv("EXIT", strconv.Itoa(code))
	if (code != 0) != neg {
		ts.Fatalf("judge %s: exit %d", strings.Join(args, " "), code)
	}
}

// exitCmd checks the exit code of the last judge command.
func exitCmd(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: exit N")
	}
	if got := ts.Getenv("EXIT"); (got == args[0]) == neg {
		ts.Fatalf("judge exited %s, want %s%s", got, map[bool]string{true: "not "}[neg], args[0])
	}
}

// jsonCmd checks the last command's standard output as JSON:
//
//	json                    stdout is JSON
//	json PATH VALUE         the value at PATH (keys and indexes joined by
//	                        dots, as problems.0.slug) is VALUE: JSON, or a
//	                        string
//	json PATH ~REGEXP       the value at PATH, as JSON, matches REGEXP
//	json PATH len N         the array or object at PATH has N elements
//	json PATH > N           the number at PATH is greater than N
func jsonCmd(ts *testscript.TestScript, neg bool, args []string) {
	var doc any
	if err := json.Unmarshal([]byte(ts.ReadFile("stdout")), &doc); err != nil {
		if !neg {
			ts.Fatalf("stdout is not JSON: %v", err)
		}
		return
	}
	if len(args) == 0 {
		if neg {
			ts.Fatalf("stdout is JSON")
		}
		return
	}
	if len(args) < 2 {
		ts.Fatalf("usage: json [PATH VALUE | PATH ~REGEXP | PATH len N | PATH > N]")
	}
	v, err := jsonAt(doc, args[0])
	if err != nil {
		ts.Fatalf("%v", err)
	}
	got, _ := json.Marshal(v)
	var ok bool
	var want string
	switch {
	case args[1] == "len" && len(args) == 3:
		want = "length " + args[2]
		n := -1
		switch x := v.(type) {
		case []any:
			n = len(x)
		case map[string]any:
			n = len(x)
		}
		ok = strconv.Itoa(n) == args[2]
	case args[1] == ">" && len(args) == 3:
		want = "> " + args[2]
		limit, err := strconv.ParseFloat(args[2], 64)
		x, isNum := v.(float64)
		ok = err == nil && isNum && x > limit
	case strings.HasPrefix(args[1], "~"):
		want = "match " + args[1][1:]
		ok = regexp.MustCompile(args[1][1:]).Match(got)
	default:
		want = args[1]
		var w any
		if json.Unmarshal([]byte(args[1]), &w) != nil {
			w = args[1]
		}
		wj, _ := json.Marshal(w)
		ok = string(wj) == string(got)
	}
	if ok == neg {
		ts.Fatalf("json %s: got %s, want %s%s", args[0], got, map[bool]string{true: "not "}[neg], want)
	}
}

func jsonAt(doc any, path string) (any, error) {
	v := doc
	if path == "." {
		return v, nil
	}
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[k]; !ok {
				return nil, fmt.Errorf("no key %q in %s", k, path)
			}
		case []any:
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(x) {
				return nil, fmt.Errorf("no index %q in %s (length %d)", k, path, len(x))
			}
			v = x[i]
		default:
			return nil, fmt.Errorf("%s: %q is inside a %T", path, k, v)
		}
	}
	return v, nil
}
