package harness

import (
	"embed"
	"fmt"
	"slices"
	"strings"

	"github.com/judgehq/judge/problems"
)

//go:embed python/harness.py
var sources embed.FS

// Lang is what the harness side knows of a language: its harness source, how it
// names the function, and what a stub looks like.
type Lang struct {
	// Name is the language's identifier, as in submissions: "python".
	Name string
	// Source is the harness program.
	Source string
	// Function maps a signature's function name to the language's convention.
	Function func(name string) string
	// Stub returns the code a user starts from.
	Stub func(sig problems.Signature) string
}

var langs = map[string]*Lang{
	"python": {
		Name:     "python",
		Source:   mustRead("python/harness.py"),
		Function: func(n string) string { return n },
		Stub:     pythonStub,
	},
}

func mustRead(name string) string {
	b, err := sources.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// Get returns the language called name.
func Get(name string) (*Lang, bool) {
	l, ok := langs[name]
	return l, ok
}

// Names lists the languages with a harness, sorted.
func Names() []string {
	var out []string
	for n := range langs {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

func pythonType(t problems.Type) string {
	switch t.Kind {
	case problems.Int, problems.Long:
		return "int"
	case problems.Double:
		return "float"
	case problems.Bool:
		return "bool"
	case problems.String:
		return "str"
	case problems.Array:
		return "List[" + pythonType(*t.Elem) + "]"
	}
	panic(fmt.Sprintf("python: no type for %v", t))
}

func pythonStub(sig problems.Signature) string {
	var params []string
	params = append(params, "self")
	for _, p := range sig.Params {
		params = append(params, p.Name+": "+pythonType(p.Type))
	}
	var b strings.Builder
	b.WriteString("class Solution:\n")
	fmt.Fprintf(&b, "    def %s(%s) -> %s:\n", sig.Function, strings.Join(params, ", "), pythonType(sig.Returns))
	b.WriteString("        pass\n")
	return b.String()
}
