package harness

import (
	"embed"
	"encoding/json"

	"github.com/judgehq/judge/problems"
)

// Problems in the io mode (stdin and stdout, as in ICPC) have no harness of
// their own language: the user's code is a whole program, and judge-init's
// io mode runs it once per test and reports what it wrote (see
// runtimes.Runtime.ForIO). These are the programs users start from.
//
//go:embed io
var ioSources embed.FS

// ioStubs names each language's starting program in io/.
var ioStubs = map[string]string{
	"python":     "main.py",
	"c":          "main.c",
	"cpp":        "main.cpp",
	"java":       "Main.java",
	"go":         "main.go.txt", // not main.go: no package of the module
	"rust":       "main.rs",
	"javascript": "main.js",
	"typescript": "main.ts",
}

// OutputLimitMessage starts the error of an io test whose program wrote
// more than the run's output limit: Output Limit Exceeded.
const OutputLimitMessage = "output limit exceeded"

// IOOutputLimit bounds what an io program may write per test.
const IOOutputLimit = 1 << 20

// ProblemStub returns the code a user starts from for problem p: the
// function stub of the signature, or for an io problem a program that reads
// standard input.
func (l *Lang) ProblemStub(p *problems.Problem) string {
	if p.Mode != problems.ModeIO {
		return l.Stub(p.Signature)
	}
	b, err := ioSources.ReadFile("io/" + ioStubs[l.Name])
	if err != nil {
		panic(err) // embedded; every language has one (tested)
	}
	return string(b)
}

// IOPrelude is put in front of an io program on its first line, as Prelude
// for functions: TypeScript's declarations of Node's require and console.
func (l *Lang) IOPrelude() string { return l.ioPrelude }

// NewIORun builds the standard input of judge-init's io mode for tests of
// an io problem, whose only argument is the input text. Expected outputs
// are never part of it.
func NewIORun(tests []problems.Test) Run {
	in := Input{Nonce: newNonce(), OutputLimit: IOOutputLimit}
	for _, t := range tests {
		s, _ := json.Marshal(t.Args[0])
		in.Tests = append(in.Tests, []json.RawMessage{s})
	}
	return Run{Nonce: in.Nonce, Stdin: marshalLine(in)}
}
