package judge_test

import (
	"testing"

	"github.com/judgehq/judge/problems"
)

func TestRoundTrip_javascript(t *testing.T) {
	roundTrip(t, "javascript", "node", func(sig problems.Signature) string {
		return "var echo = function(x) {\n    return x;\n};\n"
	})
}
