package harness

import (
	"embed"
	"fmt"
	"slices"

	"github.com/judgehq/judge/problems"
)

// sources holds every language's harness files, one folder per language.
//
//go:embed python
var sources embed.FS

// Input formats: how a harness reads the tests' arguments from stdin.
const (
	// FormatJSON: one JSON line, an Input (dynamic languages).
	FormatJSON = "json"
	// FormatTokens: whitespace-separated tokens, see EncodeTokens (languages
	// without a JSON parser in their standard library).
	FormatTokens = "tokens"
)

// Lang is what the harness side knows of a language: how it names functions,
// what a stub looks like, and the harness program for a signature.
type Lang struct {
	// Name is the language's identifier, as in submissions: "python".
	Name string
	// Format is how the harness reads its input: FormatJSON or FormatTokens.
	Format string
	// Function maps a signature's function name to the language's convention.
	Function func(name string) string
	// Stub returns the code a user starts from.
	Stub func(sig problems.Signature) string
	// Harness returns the harness program for sig: a fixed program for
	// dynamic languages, generated glue plus a fixed library for the others.
	Harness func(sig problems.Signature) (string, error)
	// Prelude is put in front of the user's code on its first line (so that
	// line numbers stay right), for the imports LeetCode users take for
	// granted. Empty for most languages.
	Prelude string
	// ioPrelude is the Prelude of whole programs (io problems).
	ioPrelude string
}

// langs lists the languages with a harness.
var langs = map[string]*Lang{
	"python":     pythonLang,
	"c":          cLang,
	"cpp":        cppLang,
	"java":       javaLang,
	"go":         goLang,
	"rust":       rustLang,
	"javascript": javascriptLang,
	"typescript": typescriptLang,
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

// unsupported is the error of a generator that meets a type it lacks.
func unsupported(lang string, t problems.Type) error {
	return fmt.Errorf("%s: type %s is not supported", lang, t)
}
