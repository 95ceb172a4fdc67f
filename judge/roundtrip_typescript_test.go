package judge_test

import (
	"strings"
	"testing"

	"github.com/judgehq/judge/harness"
	"github.com/judgehq/judge/problems"
)

func TestRoundTrip_typescript(t *testing.T) {
	ts, ok := harness.Get("typescript")
	if !ok {
		t.Fatal("no typescript harness")
	}
	// The stub with its body filled in, so that tsc also checks the types
	// the stub declares.
	roundTrip(t, "typescript", "tsc", func(sig problems.Signature) string {
		stub := ts.Stub(sig)
		code := strings.Replace(stub, "{\n    \n}", "{\n    return x;\n}", 1)
		if code == stub {
			t.Fatalf("stub without an empty body:\n%s", stub)
		}
		return code
	})
}
