// Package api defines the wire types of the judge's HTTP API under /api/v1,
// shared by the server and the client, and the stable error codes.
package api

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
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
	// Mode is "function" (the code implements Signature) or "io" (the code
	// is a program that reads the input on stdin and writes the answer to
	// stdout; Signature is then main(input string) string).
	Mode        string            `json:"mode"`
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
	// Contest is the contest the submission is for. It counts there if it
	// is a submit made between the contest's start and end; after the end
	// it is practice.
	Contest int64 `json:"contest,omitempty"`
}

// SubmitResponse is the 202 answer to POST /submissions.
type SubmitResponse struct {
	ID    int64  `json:"id"`
	State string `json:"state"`
	// Contest is the contest the submission counts in, if any.
	Contest int64 `json:"contest,omitempty"`
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
	User     string  `json:"user,omitempty"`
	Problem  string  `json:"problem"`
	Language string  `json:"language"`
	Mode     string  `json:"mode"`
	State    string  `json:"state"`
	Code     string  `json:"code,omitempty"`
	Result   *Result `json:"result,omitempty"`
	// Progress counts the tests finished while the submission runs.
	Progress *Progress `json:"progress,omitempty"`
	// Contest is the contest the submission counts in, if any.
	Contest    int64      `json:"contest,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
	FinishedAt *time.Time `json:"finished_at,omitempty"`
}

// Progress is how far a running submission is: Done of its Total tests
// have finished (a submit stops at the first failing one).
type Progress struct {
	Done  int `json:"done"`
	Total int `json:"total"`
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

// Contest states.
const (
	ContestUpcoming = "upcoming"
	ContestRunning  = "running"
	ContestEnded    = "ended"
)

// ScoringICPC is the ICPC scoring rule: problems solved, then penalty time.
const ScoringICPC = "icpc"

// ContestProblem is a problem of a contest under its label.
type ContestProblem struct {
	Label   string `json:"label"`
	Problem string `json:"problem"`
	Title   string `json:"title,omitempty"`
}

// Contest is the answer to GET /contests/{id}, and an item of the list.
type Contest struct {
	ID      int64     `json:"id"`
	Title   string    `json:"title"`
	StartAt time.Time `json:"start_at"`
	EndAt   time.Time `json:"end_at"`
	// DurationS and FreezeS are in seconds; the scoreboard freezes for the
	// last FreezeS seconds.
	DurationS int64  `json:"duration_s"`
	FreezeS   int64  `json:"freeze_s"`
	Scoring   string `json:"scoring"`
	// State is upcoming, running or ended, at the server's clock.
	State string `json:"state"`
	// Frozen is set while the public scoreboard hides new results.
	Frozen   bool `json:"frozen"`
	Revealed bool `json:"revealed"`
	// Problems are hidden (empty) before the start, except from admins;
	// ProblemCount is always set.
	Problems     []ContestProblem `json:"problems"`
	ProblemCount int              `json:"problem_count"`
	Participants int              `json:"participants"`
	// Registered says whether the caller is registered.
	Registered bool `json:"registered"`
	// ServerTime is the server's clock when it answered.
	ServerTime time.Time `json:"server_time"`
}

// ContestList is the answer to GET /contests.
type ContestList struct {
	Contests []Contest `json:"contests"`
}

// ContestRequest is the body of POST /contests (every field but FreezeS,
// Scoring and the labels required) and of PATCH /contests/{id} (only the
// fields given change).
type ContestRequest struct {
	Title     *string    `json:"title,omitempty"`
	StartAt   *time.Time `json:"start_at,omitempty"`
	DurationS *int64     `json:"duration_s,omitempty"`
	FreezeS   *int64     `json:"freeze_s,omitempty"`
	Scoring   *string    `json:"scoring,omitempty"`
	// Problems in order; a missing label is the next letter: A, B, C...
	Problems []ContestProblem `json:"problems,omitempty"`
}

// LeaderboardCell is a participant's result on one problem.
type LeaderboardCell struct {
	Solved bool `json:"solved,omitempty"`
	// Minutes is the time of the first accept from the start.
	Minutes int `json:"minutes,omitempty"`
	// Rejected counts the rejected tries (before the accept).
	Rejected int `json:"rejected,omitempty"`
	// Pending counts the tries hidden by the freeze.
	Pending int `json:"pending,omitempty"`
}

// LeaderboardRow is a participant's line.
type LeaderboardRow struct {
	Rank    int    `json:"rank"`
	User    string `json:"user"`
	Solved  int    `json:"solved"`
	Penalty int    `json:"penalty"`
	// Problems are in the contest's order.
	Problems []LeaderboardCell `json:"problems"`
}

// Leaderboard is the answer to GET /contests/{id}/leaderboard.
type Leaderboard struct {
	Contest int64    `json:"contest"`
	Labels  []string `json:"labels"`
	// Frozen is set when the rows hide the results of the freeze period.
	Frozen bool             `json:"frozen"`
	Rows   []LeaderboardRow `json:"rows"`
	// Me is the caller's own row with all their results, when they take
	// part; its rank places them among the rows as shown.
	Me *LeaderboardRow `json:"me,omitempty"`
	Page
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
	CodeUnknownContest   = "unknown_contest"
	CodeNotRegistered    = "not_registered"
	CodeContestClosed    = "contest_closed"
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

// FormatInput shows a test's arguments as "name = value" pairs, by name.
func FormatInput(in map[string]json.RawMessage) string {
	names := make([]string, 0, len(in))
	for k := range in {
		names = append(names, k)
	}
	slices.Sort(names)
	parts := make([]string, len(names))
	for i, k := range names {
		parts[i] = k + " = " + string(in[k])
	}
	return strings.Join(parts, ", ")
}

// FormatMS shows a duration in milliseconds, with two decimals below 10.
func FormatMS(ms float64) string {
	if ms < 10 {
		return fmt.Sprintf("%.2f ms", ms)
	}
	return fmt.Sprintf("%.0f ms", ms)
}

// String shows a problem cell as ICPC scoreboards do: "+" and the minute of
// the accept, with the number of rejected tries; "-N" for rejected tries;
// "?N" for tries hidden by the freeze; "." for none.
func (c LeaderboardCell) String() string {
	var s string
	switch {
	case c.Solved && c.Rejected > 0:
		s = fmt.Sprintf("+%d (%d)", c.Rejected, c.Minutes)
	case c.Solved:
		s = fmt.Sprintf("+ (%d)", c.Minutes)
	case c.Rejected > 0:
		s = fmt.Sprintf("-%d", c.Rejected)
	}
	if c.Pending > 0 {
		s = strings.TrimSpace(s + fmt.Sprintf(" ?%d", c.Pending))
	}
	if s == "" {
		s = "."
	}
	return s
}

// BackupInfo is what the daemon says of the snapshot that GET
// /admin/backup streams; it comes in the answer's headers (HeaderBackup*),
// ahead of the file, a SQLite database (BackupContentType).
type BackupInfo struct {
	// Size is the file's size in bytes.
	Size int64 `json:"size"`
	// Schema is the last migration applied to the database.
	Schema int `json:"schema"`
	// Submissions counts the submissions in it.
	Submissions int64 `json:"submissions"`
	// TakenAt is when the snapshot began: it holds every change committed
	// before then.
	TakenAt time.Time `json:"taken_at"`
	// Took is how long the daemon took to make it.
	Took time.Duration `json:"took_ns"`
}

// The answer of GET /admin/backup: its content type and the headers that
// carry its BackupInfo.
const (
	BackupContentType       = "application/vnd.sqlite3"
	HeaderBackupSchema      = "Judge-Backup-Schema"
	HeaderBackupSubmissions = "Judge-Backup-Submissions"
	HeaderBackupTakenAt     = "Judge-Backup-Taken-At"
	HeaderBackupTook        = "Judge-Backup-Took"
)
