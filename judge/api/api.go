// Package api defines the wire types of the judge's HTTP API under /api/v1,
// shared by the server and the client, and the stable error codes.
package api

import (
	"encoding/json"
	"time"
)

// Verdict is the outcome of judging a submission. Verdicts are data, not
// errors: a Go error means the judge itself failed.
type Verdict string

// The verdicts.
const (
	Accepted      Verdict = "AC"
	WrongAnswer   Verdict = "WA"
	TimeLimit     Verdict = "TLE"
	MemoryLimit   Verdict = "MLE"
	RuntimeError  Verdict = "RE"
	CompileError  Verdict = "CE"
	OutputLimit   Verdict = "OLE"
	InternalError Verdict = "IE"
)

var verdictNames = map[Verdict]string{
	Accepted:      "Accepted",
	WrongAnswer:   "Wrong Answer",
	TimeLimit:     "Time Limit Exceeded",
	MemoryLimit:   "Memory Limit Exceeded",
	RuntimeError:  "Runtime Error",
	CompileError:  "Compilation Error",
	OutputLimit:   "Output Limit Exceeded",
	InternalError: "Internal Error",
}

// Name returns the verdict's full name, such as "Wrong Answer".
func (v Verdict) Name() string {
	if n, ok := verdictNames[v]; ok {
		return n
	}
	return string(v)
}

// Submission states.
const (
	StateQueued  = "queued"
	StateRunning = "running"
	StateDone    = "done"
)

// Modes of a submission.
const (
	ModeSubmit = "submit"
	ModeRun    = "run"
)

// Param is a parameter of a problem's signature.
type Param struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// Signature is a problem's function signature.
type Signature struct {
	Function string  `json:"function"`
	Params   []Param `json:"params"`
	Returns  string  `json:"returns"`
}

// Statuses of a problem for the caller.
const (
	StatusNotStarted = "not_started"
	StatusAttempted  = "attempted"
	StatusSolved     = "solved"
)

// ProblemSummary is a problem in a list.
type ProblemSummary struct {
	Slug       string   `json:"slug"`
	Title      string   `json:"title"`
	Difficulty string   `json:"difficulty"`
	Tags       []string `json:"tags"`
	// Status is the caller's: not_started, attempted or solved (always
	// not_started without a token).
	Status string `json:"status"`
}

// Page says which page of a list an answer holds.
type Page struct {
	// Total is the number of items on every page together.
	Total   int `json:"total"`
	Page    int `json:"page"`
	PerPage int `json:"per_page"`
}

// ProblemList is the answer to GET /problems.
type ProblemList struct {
	Problems []ProblemSummary `json:"problems"`
	Page
}

// SampleTest is a sample test case shown with a problem.
type SampleTest struct {
	Input    map[string]json.RawMessage `json:"input"`
	Expected json.RawMessage            `json:"expected"`
}

// Problem is the answer to GET /problems/{slug}.
type Problem struct {
	ProblemSummary
	Statement   string            `json:"statement"`
	TimeLimitMS int64             `json:"time_limit_ms"`
	MemoryMB    int               `json:"memory_limit_mb"`
	Signature   Signature         `json:"signature"`
	Stubs       map[string]string `json:"stubs"`
	Samples     []SampleTest      `json:"samples"`
}

// SubmitRequest is the body of POST /submissions.
type SubmitRequest struct {
	Problem  string `json:"problem"`
	Language string `json:"language"`
	Code     string `json:"code"`
	// Mode is "submit" (all tests, the default) or "run" (samples only).
	Mode string `json:"mode,omitempty"`
	// Input adds custom tests to a run: each maps the signature's parameter
	// names to values. Their expected answers come from the problem's
	// reference solution.
	Input []map[string]json.RawMessage `json:"input,omitempty"`
}

// SubmitResponse is the 202 answer to POST /submissions.
type SubmitResponse struct {
	ID    int64  `json:"id"`
	State string `json:"state"`
}

// TestResult is the result of one test case.
type TestResult struct {
	// Index is the test's position, from 1.
	Index   int     `json:"index"`
	Verdict Verdict `json:"verdict"`
	TimeMS  float64 `json:"time_ms"`
	// Input, Expected and Actual are shown only for sample tests.
	Input    map[string]json.RawMessage `json:"input,omitempty"`
	Expected json.RawMessage            `json:"expected,omitempty"`
	Actual   json.RawMessage            `json:"actual,omitempty"`
	Stdout   string                     `json:"stdout,omitempty"`
	Message  string                     `json:"message,omitempty"`
}

// Result is the judging outcome of a finished submission.
type Result struct {
	Verdict Verdict `json:"verdict"`
	Passed  int     `json:"passed"`
	Total   int     `json:"total"`
	// TimeMS is the longest test's time.
	TimeMS float64 `json:"time_ms"`
	// MemoryKB is the peak resident memory.
	MemoryKB int64 `json:"memory_kb"`
	// CPUTimeMS is the CPU time of every process the run started, compiler
	// included, when the sandbox measures it.
	CPUTimeMS int64 `json:"cpu_time_ms,omitempty"`
	// Message is the compiler's output, the runtime error, or why an answer
	// was wrong.
	Message string `json:"message,omitempty"`
	// Failed is the first failing test.
	Failed *TestResult `json:"failed,omitempty"`
	// Tests lists every test's result in run mode.
	Tests []TestResult `json:"tests,omitempty"`
}

// Submission is the answer to GET /submissions/{id}.
type Submission struct {
	ID int64 `json:"id"`
	// User is the owner's name.
	User       string     `json:"user,omitempty"`
	Problem    string     `json:"problem"`
	Language   string     `json:"language"`
	Mode       string     `json:"mode"`
	State      string     `json:"state"`
	Code       string     `json:"code,omitempty"`
	Result     *Result    `json:"result,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
	FinishedAt *time.Time `json:"finished_at,omitempty"`
}

// SubmissionList is the answer to GET /submissions: the caller's
// submissions, newest first, without their code.
type SubmissionList struct {
	Submissions []Submission `json:"submissions"`
	Page
}

// Draft is a user's saved code for a problem in a language.
type Draft struct {
	Problem   string    `json:"problem"`
	Language  string    `json:"language"`
	Code      string    `json:"code,omitempty"`
	UpdatedAt time.Time `json:"updated_at"`
}

// DraftRequest is the body of PUT /drafts/{problem}/{language}.
type DraftRequest struct {
	Code string `json:"code"`
}

// DraftList is the answer to GET /drafts.
type DraftList struct {
	Drafts []Draft `json:"drafts"`
}

// Roles of users.
const (
	RoleUser  = "user"
	RoleAdmin = "admin"
)

// User is an account.
type User struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Role      string    `json:"role"`
	CreatedAt time.Time `json:"created_at"`
}

// UserList is the answer to GET /users (admin).
type UserList struct {
	Users []User `json:"users"`
}

// NewUserRequest is the body of POST /users (admin).
type NewUserRequest struct {
	Name string `json:"name"`
	// Role is "user" (the default) or "admin".
	Role string `json:"role,omitempty"`
}

// NewTokenRequest is the body of POST /users/{name}/tokens.
type NewTokenRequest struct {
	// Label says where the token is used, such as "laptop".
	Label string `json:"label,omitempty"`
}

// Token describes a bearer token; Token, the secret, is only in the answer
// that creates it.
type Token struct {
	ID        int64      `json:"id"`
	User      string     `json:"user"`
	Label     string     `json:"label,omitempty"`
	Token     string     `json:"token,omitempty"`
	CreatedAt time.Time  `json:"created_at"`
	RevokedAt *time.Time `json:"revoked_at,omitempty"`
}

// NewUserResponse is the answer to POST /users: the user and a first token.
type NewUserResponse struct {
	User  User  `json:"user"`
	Token Token `json:"token"`
}

// TokenList is the answer to GET /users/{name}/tokens.
type TokenList struct {
	Tokens []Token `json:"tokens"`
}

// Error codes of API errors.
const (
	CodeBadRequest       = "bad_request"
	CodeBadPage          = "bad_page"
	CodeUnsupportedMedia = "unsupported_media_type"
	CodeNotFound         = "not_found"
	CodeUnknownProblem   = "unknown_problem"
	CodeUnknownLanguage  = "unknown_language"
	CodeBadInput         = "bad_input"
	CodeTooLarge         = "too_large"
	CodeUnauthorized     = "unauthorized"
	CodeForbidden        = "forbidden"
	CodeRateLimited      = "rate_limited"
	CodeConflict         = "conflict"
	CodeUnavailable      = "unavailable"
	CodeInternal         = "internal"
)

// Error is the body of every non-2xx answer.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	// Status is the HTTP status, set by the client.
	Status int `json:"-"`
	// RetryAfter is when a rate-limited request may be tried again, set by
	// the client.
	RetryAfter time.Duration `json:"-"`
}

func (e *Error) Error() string { return e.Message }
