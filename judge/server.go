package judge

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"math"
	"mime"
	"net/http"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/judgehq/judge/harness"
	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/store"
	"github.com/judgehq/judge/problems"
	"github.com/judgehq/judge/runtimes"
)

// Limits bound what one request may ask.
type Limits struct {
	// MaxBodyBytes bounds a request body.
	MaxBodyBytes int64 `mapstructure:"max_body_bytes" yaml:"max_body_bytes"`
	// MaxCodeBytes bounds a submission's or a draft's code.
	MaxCodeBytes int `mapstructure:"max_code_bytes" yaml:"max_code_bytes"`
	// MaxWait bounds a long poll (?wait=).
	MaxWait time.Duration `mapstructure:"max_wait" yaml:"max_wait"`
	// MaxCustomTests bounds the custom tests of a run.
	MaxCustomTests int `mapstructure:"max_custom_tests" yaml:"max_custom_tests"`
	// MaxPerPage bounds a page of a list.
	MaxPerPage int `mapstructure:"max_per_page" yaml:"max_per_page"`
}

// DefaultLimits are the request limits unless configured.
func DefaultLimits() Limits {
	return Limits{MaxBodyBytes: 1 << 20, MaxCodeBytes: 64 << 10, MaxWait: 60 * time.Second,
		MaxCustomTests: 10, MaxPerPage: 100}
}

// defaultPerPage is a page's size when the request does not say.
const defaultPerPage = 50

// maxPage bounds the page number, so that offsets stay small integers.
const maxPage = 1_000_000

// Server is the judge's HTTP API.
type Server struct {
	store    *store.Store
	queue    *Queue
	problems []*problems.Problem
	bySlug   map[string]*problems.Problem
	runtimes runtimes.Set
	limits   Limits
	rate     *limiter
	tokens   *tokenCache
	contests *Contests
	// inFlight is how many API requests work at once.
	inFlight int
	metrics  *Metrics
	log      *slog.Logger
	// idem serialises the requests that carry the same Idempotency-Key
	// (striped by user and key), so that retries sent while the first is
	// being stored wait for it, instead of being rate limited as new
	// submissions.
	idem [64]sync.Mutex
}

// idemLock is the lock of the user's requests with key.
func (s *Server) idemLock(user int64, key string) *sync.Mutex {
	h := fnv.New32a()
	fmt.Fprintf(h, "%d\x00%s", user, key)
	return &s.idem[h.Sum32()%uint32(len(s.idem))]
}

// ServerOptions configure a Server.
type ServerOptions struct {
	Store    *store.Store
	Queue    *Queue
	Problems []*problems.Problem
	Runtimes runtimes.Set
	// Limits default to DefaultLimits, field by field.
	Limits Limits
	// RateLimits apply as given; DefaultRateLimits are the usual ones.
	RateLimits RateLimits
	Metrics    *Metrics
	Logger     *slog.Logger
}

// NewServer returns the API server.
func NewServer(o ServerOptions) *Server {
	s := &Server{store: o.Store, queue: o.Queue, problems: o.Problems, runtimes: o.Runtimes,
		log: o.Logger, bySlug: map[string]*problems.Problem{}, limits: o.Limits,
		rate: newLimiter(o.RateLimits), metrics: o.Metrics, tokens: newTokenCache(),
		inFlight: 4 * runtime.GOMAXPROCS(0), contests: o.Queue.Contests()}
	d := DefaultLimits()
	if s.limits.MaxBodyBytes <= 0 {
		s.limits.MaxBodyBytes = d.MaxBodyBytes
	}
	if s.limits.MaxCodeBytes <= 0 {
		s.limits.MaxCodeBytes = d.MaxCodeBytes
	}
	if s.limits.MaxWait <= 0 {
		s.limits.MaxWait = d.MaxWait
	}
	if s.limits.MaxCustomTests <= 0 {
		s.limits.MaxCustomTests = d.MaxCustomTests
	}
	if s.limits.MaxPerPage <= 0 {
		s.limits.MaxPerPage = d.MaxPerPage
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.metrics == nil {
		s.metrics = NewMetrics(nil)
	}
	for _, p := range o.Problems {
		s.bySlug[p.Slug] = p
	}
	return s
}

// Handler returns the HTTP handler of the API.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.Handle("GET /metrics", s.metrics.Handler())
	mux.HandleFunc("GET /api/v1/problems", s.listProblems)
	mux.HandleFunc("GET /api/v1/problems/{slug}", s.getProblem)
	mux.HandleFunc("POST /api/v1/submissions", s.createSubmission)
	mux.HandleFunc("GET /api/v1/submissions", s.listSubmissions)
	mux.HandleFunc("GET /api/v1/submissions/{id}", s.getSubmission)
	mux.HandleFunc("GET /api/v1/drafts", s.listDrafts)
	mux.HandleFunc("GET /api/v1/drafts/{problem}/{language}", s.getDraft)
	mux.HandleFunc("PUT /api/v1/drafts/{problem}/{language}", s.putDraft)
	mux.HandleFunc("DELETE /api/v1/drafts/{problem}/{language}", s.deleteDraft)
	mux.HandleFunc("GET /api/v1/me", s.me)
	mux.HandleFunc("GET /api/v1/users", s.listUsers)
	mux.HandleFunc("POST /api/v1/users", s.createUser)
	mux.HandleFunc("GET /api/v1/users/{name}/tokens", s.listTokens)
	mux.HandleFunc("POST /api/v1/users/{name}/tokens", s.createToken)
	mux.HandleFunc("DELETE /api/v1/tokens/{id}", s.revokeToken)
	mux.HandleFunc("GET /api/v1/contests", s.listContests)
	mux.HandleFunc("POST /api/v1/contests", s.createContest)
	mux.HandleFunc("GET /api/v1/contests/{id}", s.getContest)
	mux.HandleFunc("PATCH /api/v1/contests/{id}", s.updateContest)
	mux.HandleFunc("POST /api/v1/contests/{id}/register", s.registerContest)
	mux.HandleFunc("POST /api/v1/contests/{id}/reveal", s.revealContest)
	mux.HandleFunc("GET /api/v1/contests/{id}/leaderboard", s.leaderboard)
	mux.HandleFunc("GET /api/v1/admin/backup", s.backupHandler())
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, api.CodeNotFound, "no such endpoint: "+r.Method+" "+r.URL.Path)
	})
	return s.logRequests(s.admit(s.authenticate(mux)))
}

// admit lets at most a few API requests work at once, the others waiting in
// order. A saturated daemon then has a short run queue, so that /healthz and
// /metrics, which skip the line, answer at once; and a long poll skips it
// too, since it mostly waits.
func (s *Server) admit(next http.Handler) http.Handler {
	slots := make(chan struct{}, s.inFlight)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" || r.URL.Path == "/metrics" || r.URL.Query().Has("wait") {
			next.ServeHTTP(w, r)
			return
		}
		select {
		case slots <- struct{}{}:
		case <-r.Context().Done():
			return
		}
		defer func() { <-slots }()
		next.ServeHTTP(w, r)
	})
}

func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rw, r)
		s.metrics.request(rw.status)
		s.log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", rw.status,
			"duration", time.Since(start))
	})
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, api.Error{Code: code, Message: msg})
}

// internalError logs err and answers 500 with what the client may do.
func (s *Server) internalError(w http.ResponseWriter, what string, err error) {
	s.log.Error(what, "err", err)
	writeError(w, http.StatusInternalServerError, api.CodeInternal, "could not "+what+"; try again")
}

// decodeBody reads a JSON body of at most the body limit into v, answering
// the error itself and returning false when the body is not acceptable.
func (s *Server) decodeBody(w http.ResponseWriter, r *http.Request, v any) bool {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		writeError(w, http.StatusUnsupportedMediaType, api.CodeUnsupportedMedia, "send the body as Content-Type: application/json")
		return false
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, s.limits.MaxBodyBytes))
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		if _, err2 := dec.Token(); err2 != io.EOF {
			err = errors.New("trailing data after the JSON value")
		}
	}
	if err == nil {
		return true
	}
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		writeError(w, http.StatusRequestEntityTooLarge, api.CodeTooLarge, fmt.Sprintf("the body is larger than %d bytes", s.limits.MaxBodyBytes))
		return false
	}
	writeError(w, http.StatusBadRequest, api.CodeBadRequest, "malformed JSON body: "+err.Error())
	return false
}

// pageOf reads ?page= and ?per_page=, answering 400 itself when they are
// not acceptable.
func (s *Server) pageOf(w http.ResponseWriter, r *http.Request) (api.Page, bool) {
	p := api.Page{Page: 1, PerPage: defaultPerPage}
	q := r.URL.Query()
	for _, f := range []struct {
		name string
		dst  *int
		max  int
	}{{"page", &p.Page, maxPage}, {"per_page", &p.PerPage, s.limits.MaxPerPage}} {
		v := q.Get(f.name)
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > f.max {
			writeError(w, http.StatusBadRequest, api.CodeBadPage, fmt.Sprintf("%s=%q: want a whole number from 1 to %d", f.name, v, f.max))
			return p, false
		}
		*f.dst = n
	}
	return p, true
}

func offset(p api.Page) int { return (p.Page - 1) * p.PerPage }

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// problem returns the problem slug if the caller may see it (a problem of
// a contest that has not started is hidden from all but admins); otherwise
// it answers status itself.
func (s *Server) problem(w http.ResponseWriter, r *http.Request, slug string, status int) *problems.Problem {
	p, ok := s.bySlug[slug]
	if ok && s.contests.hidden(time.Now())[slug] {
		u := caller(r)
		ok = u != nil && u.Role == store.RoleAdmin
	}
	if !ok {
		shown := slug
		if len(shown) > 80 {
			shown = shown[:80] + "..."
		}
		writeError(w, status, api.CodeUnknownProblem, fmt.Sprintf("no problem %q; list them with GET /api/v1/problems (`judge problems`)", shown))
		return nil
	}
	return p
}

func (s *Server) listProblems(w http.ResponseWriter, r *http.Request) {
	pg, ok := s.pageOf(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	diff, tag, text, status := q.Get("difficulty"), q.Get("tag"), strings.ToLower(q.Get("q")), q.Get("status")
	switch status {
	case "", api.StatusNotStarted, api.StatusAttempted, api.StatusSolved:
	default:
		writeError(w, http.StatusBadRequest, api.CodeBadRequest,
			fmt.Sprintf("status=%q: want not_started, attempted or solved", status))
		return
	}
	mine, ok := s.statusOf(w, r)
	if !ok {
		return
	}
	var hidden map[string]bool
	if u := caller(r); u == nil || u.Role != store.RoleAdmin {
		hidden = s.contests.hidden(time.Now())
	}
	var all []api.ProblemSummary
	for _, p := range s.problems {
		if hidden[p.Slug] {
			continue
		}
		sum := summary(p, mine)
		if diff != "" && p.Difficulty != diff || tag != "" && !slices.Contains(p.Tags, tag) ||
			text != "" && !strings.Contains(strings.ToLower(p.Slug+" "+p.Title), text) ||
			status != "" && sum.Status != status {
			continue
		}
		all = append(all, sum)
	}
	pg.Total = len(all)
	list := api.ProblemList{Problems: []api.ProblemSummary{}, Page: pg}
	if from := offset(pg); from < len(all) {
		list.Problems = all[from:min(from+pg.PerPage, len(all))]
	}
	writeJSON(w, http.StatusOK, list)
}

// statusOf returns the caller's status per problem slug (none for an
// anonymous caller), answering 500 itself if it cannot.
func (s *Server) statusOf(w http.ResponseWriter, r *http.Request) (map[string]string, bool) {
	u := caller(r)
	if u == nil {
		return nil, true
	}
	mine, err := s.store.ProblemStatus(r.Context(), u.ID)
	if err != nil {
		s.internalError(w, "load your problem status", err)
		return nil, false
	}
	return mine, true
}

func summary(p *problems.Problem, status map[string]string) api.ProblemSummary {
	tags := p.Tags
	if tags == nil {
		tags = []string{}
	}
	st := api.StatusNotStarted
	switch status[p.Slug] {
	case store.Solved:
		st = api.StatusSolved
	case store.Attempted:
		st = api.StatusAttempted
	}
	return api.ProblemSummary{Slug: p.Slug, Title: p.Title, Difficulty: p.Difficulty, Tags: tags, Status: st}
}

func (s *Server) getProblem(w http.ResponseWriter, r *http.Request) {
	p := s.problem(w, r, r.PathValue("slug"), http.StatusNotFound)
	if p == nil {
		return
	}
	mine, ok := s.statusOf(w, r)
	if !ok {
		return
	}
	out := api.Problem{
		ProblemSummary: summary(p, mine),
		Mode:           p.Mode,
		Statement:      p.Statement,
		TimeLimitMS:    p.Limits.Time.Milliseconds(),
		MemoryMB:       p.Limits.MemoryMB,
		Signature:      api.Signature{Function: p.Signature.Function, Returns: p.Signature.Returns.String()},
		Stubs:          map[string]string{},
		Samples:        []api.SampleTest{},
	}
	for _, prm := range p.Signature.Params {
		out.Signature.Params = append(out.Signature.Params, api.Param{Name: prm.Name, Type: prm.Type.String()})
	}
	for name, rt := range s.runtimes {
		if hl, ok := harness.Get(name); ok && (p.Mode != problems.ModeIO || rt.IO != nil) {
			out.Stubs[name] = hl.ProblemStub(p)
		}
	}
	for _, t := range p.Samples() {
		st := api.SampleTest{Input: map[string]json.RawMessage{}, Expected: problems.Encode(t.Expected)}
		for i, prm := range p.Signature.Params {
			st.Input[prm.Name] = problems.Encode(t.Args[i])
		}
		out.Samples = append(out.Samples, st)
	}
	writeJSON(w, http.StatusOK, out)
}

// customTests checks a run's custom input against p's signature and returns
// it as stored: a JSON array of argument lists in parameter order.
func (s *Server) customTests(p *problems.Problem, input []map[string]json.RawMessage) (string, error) {
	if len(input) > s.limits.MaxCustomTests {
		return "", fmt.Errorf("%d custom tests; at most %d", len(input), s.limits.MaxCustomTests)
	}
	var all [][]json.RawMessage
	for i, in := range input {
		for name := range in {
			if !slices.ContainsFunc(p.Signature.Params, func(prm problems.Param) bool { return prm.Name == name }) {
				return "", fmt.Errorf("input[%d]: %s has no parameter %q", i, p.Slug, name)
			}
		}
		var args []json.RawMessage
		for _, prm := range p.Signature.Params {
			raw, ok := in[prm.Name]
			if !ok {
				return "", fmt.Errorf("input[%d]: missing %s (%s)", i, prm.Name, prm.Type)
			}
			v, err := prm.Type.Decode(raw)
			if err != nil {
				return "", fmt.Errorf("input[%d].%s: want %s: %v", i, prm.Name, prm.Type, err)
			}
			args = append(args, problems.Encode(v))
		}
		all = append(all, args)
	}
	b, err := json.Marshal(all)
	return string(b), err
}

func (s *Server) createSubmission(w http.ResponseWriter, r *http.Request) {
	u := requireUser(w, r)
	if u == nil {
		return
	}
	var req api.SubmitRequest
	if !s.decodeBody(w, r, &req) {
		return
	}
	// A contest's rules come first: its problems are hidden before the
	// start, and a participant is told when it starts.
	at := time.Now()
	contestID, ok := s.contestFor(w, u, req, at)
	if !ok {
		return
	}
	p := s.problem(w, r, req.Problem, http.StatusUnprocessableEntity)
	if p == nil {
		return
	}
	if !s.language(w, req.Language, http.StatusUnprocessableEntity) {
		return
	}
	if !s.codeFits(w, req.Code) {
		return
	}
	if strings.TrimSpace(req.Code) == "" {
		writeError(w, http.StatusBadRequest, api.CodeBadRequest, "the code is empty")
		return
	}
	switch req.Mode {
	case "":
		req.Mode = api.ModeSubmit
	case api.ModeSubmit, api.ModeRun:
	default:
		writeError(w, http.StatusBadRequest, api.CodeBadRequest, fmt.Sprintf("mode %q: want submit or run", truncate(req.Mode, 40)))
		return
	}
	var input string
	if len(req.Input) > 0 {
		if req.Mode != api.ModeRun {
			writeError(w, http.StatusBadRequest, api.CodeBadInput, "custom input is for runs: send mode \"run\"")
			return
		}
		var err error
		if input, err = s.customTests(p, req.Input); err != nil {
			writeError(w, http.StatusUnprocessableEntity, api.CodeBadInput, err.Error())
			return
		}
	}
	key := r.Header.Get("Idempotency-Key")
	if len(key) > 200 {
		writeError(w, http.StatusBadRequest, api.CodeBadRequest, "the Idempotency-Key is longer than 200 characters")
		return
	}
	if key != "" {
		// A retry of a stored request is answered as the first was, and
		// is not counted against the rate limit.
		mu := s.idemLock(u.ID, key)
		mu.Lock()
		defer mu.Unlock()
		sub, err := s.store.SubmissionByKey(r.Context(), u.ID, key)
		if err == nil {
			w.Header().Set("Location", fmt.Sprintf("/api/v1/submissions/%d", sub.ID))
			writeJSON(w, http.StatusOK, api.SubmitResponse{ID: sub.ID, State: sub.State, Contest: sub.ContestID})
			return
		}
		if !errors.Is(err, store.ErrNotFound) {
			s.internalError(w, "look up the Idempotency-Key", err)
			return
		}
	}
	if u.Role != store.RoleAdmin || s.rate.cfg.Admins {
		if ok, wait := s.rate.allow(u.ID, req.Mode, time.Now()); !ok {
			secs := int(math.Ceil(wait.Seconds()))
			w.Header().Set("Retry-After", strconv.Itoa(secs))
			s.metrics.rateLimited(req.Mode)
			writeError(w, http.StatusTooManyRequests, api.CodeRateLimited,
				fmt.Sprintf("too many %ss; try again in %d s", req.Mode, secs))
			return
		}
	}
	sub, created, err := s.store.CreateSubmission(r.Context(), store.NewSubmission{
		UserID: u.ID, Problem: req.Problem, Language: req.Language, Code: req.Code, Mode: req.Mode,
		Input: input, IdemKey: key, ContestID: contestID, At: at,
	})
	if err != nil {
		s.internalError(w, "store the submission", err)
		return
	}
	w.Header().Set("Location", fmt.Sprintf("/api/v1/submissions/%d", sub.ID))
	if !created {
		// The same request again: the first answer again.
		writeJSON(w, http.StatusOK, api.SubmitResponse{ID: sub.ID, State: sub.State, Contest: sub.ContestID})
		return
	}
	s.metrics.submitted(req.Mode, req.Language)
	s.queue.Notify()
	writeJSON(w, http.StatusAccepted, api.SubmitResponse{ID: sub.ID, State: sub.State, Contest: sub.ContestID})
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

// visible loads submission id if the caller may see it: their own, or any
// for an admin. Otherwise it answers 404, so that ids of others' submissions
// are not confirmed.
func (s *Server) visible(w http.ResponseWriter, r *http.Request, u *store.User, id int64) *store.Submission {
	sub, err := s.store.Submission(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) || err == nil && sub.UserID != u.ID && u.Role != store.RoleAdmin {
		writeError(w, http.StatusNotFound, api.CodeNotFound, fmt.Sprintf("no submission %d of yours", id))
		return nil
	}
	if err != nil {
		s.internalError(w, "load the submission", err)
		return nil
	}
	return sub
}

func (s *Server) getSubmission(w http.ResponseWriter, r *http.Request) {
	u := requireUser(w, r)
	if u == nil {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		writeError(w, http.StatusBadRequest, api.CodeBadRequest, "the submission id must be a positive integer")
		return
	}
	var wait time.Duration
	if v := r.URL.Query().Get("wait"); v != "" {
		if wait, err = time.ParseDuration(v); err != nil || wait < 0 {
			writeError(w, http.StatusBadRequest, api.CodeBadRequest, fmt.Sprintf("wait=%q: want a duration such as 10s", truncate(v, 40)))
			return
		}
		wait = min(wait, s.limits.MaxWait)
	}
	sub := s.visible(w, r, u, id)
	if sub == nil {
		return
	}
	if wait > 0 && sub.State != store.Done {
		ctx, cancel := context.WithTimeout(r.Context(), wait)
		s.queue.Wait(ctx, id, func() bool {
			cur, err := s.store.Submission(ctx, id)
			return err != nil || cur.State == store.Done
		})
		cancel()
		if cur, err := s.store.Submission(r.Context(), id); err == nil {
			sub = cur
		}
	}
	writeJSON(w, http.StatusOK, s.toAPI(r.Context(), u, sub))
}

func (s *Server) listSubmissions(w http.ResponseWriter, r *http.Request) {
	u := requireUser(w, r)
	if u == nil {
		return
	}
	pg, ok := s.pageOf(w, r)
	if !ok {
		return
	}
	f := store.SubmissionFilter{UserID: u.ID, Problem: r.URL.Query().Get("problem"), Limit: pg.PerPage, Offset: offset(pg)}
	if name := r.URL.Query().Get("user"); name != "" && name != u.Name {
		if u.Role != store.RoleAdmin {
			writeError(w, http.StatusForbidden, api.CodeForbidden, "only an admin may list another user's submissions")
			return
		}
		f.UserID = -1 // nobody, unless the user exists
		if name == "*" {
			f.UserID = 0
		} else if other, err := s.store.UserByName(r.Context(), name); err == nil {
			f.UserID = other.ID
		}
	}
	subs, total, err := s.store.Submissions(r.Context(), f)
	if err != nil {
		s.internalError(w, "list the submissions", err)
		return
	}
	pg.Total = total
	out := api.SubmissionList{Submissions: []api.Submission{}, Page: pg}
	for _, sub := range subs {
		a := s.toAPI(r.Context(), u, sub)
		if a.Result != nil {
			a.Result.Tests, a.Result.Failed = nil, nil // the summary only
		}
		out.Submissions = append(out.Submissions, a)
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) toAPI(ctx context.Context, viewer *store.User, sub *store.Submission) api.Submission {
	out := api.Submission{
		ID: sub.ID, Problem: sub.Problem, Language: sub.Language, Mode: sub.Mode, State: sub.State,
		Code: sub.Code, Contest: sub.ContestID, CreatedAt: sub.CreatedAt, FinishedAt: sub.FinishedAt,
	}
	switch {
	case sub.UserID == viewer.ID:
		out.User = viewer.Name
	case sub.UserID != 0:
		if owner, err := s.store.User(ctx, sub.UserID); err == nil {
			out.User = owner.Name
		}
	}
	if sub.State == store.Running {
		if p, ok := s.queue.Progress(sub.ID); ok {
			out.Progress = &p
		}
	}
	if sub.State == store.Done && sub.Result != "" {
		var res api.Result
		if err := json.Unmarshal([]byte(sub.Result), &res); err == nil {
			out.Result = &res
		}
	}
	return out
}

// draftTarget checks the caller and the problem and language of a draft
// path; it answers the error itself and returns a nil user if one is wrong.
func (s *Server) draftTarget(w http.ResponseWriter, r *http.Request) (u *store.User, slug, lang string) {
	if u = requireUser(w, r); u == nil {
		return nil, "", ""
	}
	slug, lang = r.PathValue("problem"), r.PathValue("language")
	if s.problem(w, r, slug, http.StatusNotFound) == nil || !s.language(w, lang, http.StatusNotFound) {
		return nil, "", ""
	}
	return u, slug, lang
}

// language answers status and returns false if this server has no runtime
// called lang.
func (s *Server) language(w http.ResponseWriter, lang string, status int) bool {
	if _, ok := s.runtimes[lang]; ok {
		return true
	}
	writeError(w, status, api.CodeUnknownLanguage,
		fmt.Sprintf("unknown language %q; this server judges %s", truncate(lang, 40), strings.Join(s.runtimes.Names(), ", ")))
	return false
}

// codeFits answers 413 and returns false if code is over the limit.
func (s *Server) codeFits(w http.ResponseWriter, code string) bool {
	if len(code) <= s.limits.MaxCodeBytes {
		return true
	}
	writeError(w, http.StatusRequestEntityTooLarge, api.CodeTooLarge, fmt.Sprintf("the code is larger than %d bytes", s.limits.MaxCodeBytes))
	return false
}

func draftAPI(d *store.Draft) api.Draft {
	return api.Draft{Problem: d.Problem, Language: d.Language, Code: d.Code, UpdatedAt: d.UpdatedAt}
}

func (s *Server) listDrafts(w http.ResponseWriter, r *http.Request) {
	u := requireUser(w, r)
	if u == nil {
		return
	}
	ds, err := s.store.Drafts(r.Context(), u.ID, r.URL.Query().Get("problem"))
	if err != nil {
		s.internalError(w, "list your drafts", err)
		return
	}
	out := api.DraftList{Drafts: []api.Draft{}}
	for _, d := range ds {
		out.Drafts = append(out.Drafts, draftAPI(d))
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) getDraft(w http.ResponseWriter, r *http.Request) {
	u, slug, lang := s.draftTarget(w, r)
	if u == nil {
		return
	}
	d, err := s.store.Draft(r.Context(), u.ID, slug, lang)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, api.CodeNotFound, fmt.Sprintf("no draft of %s in %s; the stub is in GET /api/v1/problems/%s", slug, lang, slug))
		return
	}
	if err != nil {
		s.internalError(w, "load your draft", err)
		return
	}
	writeJSON(w, http.StatusOK, draftAPI(d))
}

func (s *Server) putDraft(w http.ResponseWriter, r *http.Request) {
	u, slug, lang := s.draftTarget(w, r)
	if u == nil {
		return
	}
	var req api.DraftRequest
	if !s.decodeBody(w, r, &req) {
		return
	}
	if !s.codeFits(w, req.Code) {
		return
	}
	d, err := s.store.SaveDraft(r.Context(), u.ID, slug, lang, req.Code)
	if err != nil {
		s.internalError(w, "save your draft", err)
		return
	}
	out := draftAPI(d)
	out.Code = ""
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) deleteDraft(w http.ResponseWriter, r *http.Request) {
	u, slug, lang := s.draftTarget(w, r)
	if u == nil {
		return
	}
	err := s.store.DeleteDraft(r.Context(), u.ID, slug, lang)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, api.CodeNotFound, fmt.Sprintf("no draft of %s in %s", slug, lang))
		return
	}
	if err != nil {
		s.internalError(w, "delete your draft", err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func userAPI(u *store.User) api.User {
	return api.User{ID: u.ID, Name: u.Name, Role: u.Role, CreatedAt: u.CreatedAt}
}

func tokenAPI(t *store.Token, user string) api.Token {
	return api.Token{ID: t.ID, User: user, Label: t.Label, CreatedAt: t.CreatedAt, RevokedAt: t.RevokedAt}
}

func (s *Server) me(w http.ResponseWriter, r *http.Request) {
	if u := requireUser(w, r); u != nil {
		writeJSON(w, http.StatusOK, userAPI(u))
	}
}

func (s *Server) listUsers(w http.ResponseWriter, r *http.Request) {
	if requireAdmin(w, r) == nil {
		return
	}
	us, err := s.store.Users(r.Context())
	if err != nil {
		s.internalError(w, "list the users", err)
		return
	}
	out := api.UserList{Users: []api.User{}}
	for _, u := range us {
		out.Users = append(out.Users, userAPI(u))
	}
	writeJSON(w, http.StatusOK, out)
}

// namePattern is what a user name looks like.
var namePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`)

func (s *Server) createUser(w http.ResponseWriter, r *http.Request) {
	if requireAdmin(w, r) == nil {
		return
	}
	var req api.NewUserRequest
	if !s.decodeBody(w, r, &req) {
		return
	}
	if !namePattern.MatchString(req.Name) {
		writeError(w, http.StatusBadRequest, api.CodeBadRequest,
			fmt.Sprintf("user name %q: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit", truncate(req.Name, 80)))
		return
	}
	switch req.Role {
	case "":
		req.Role = api.RoleUser
	case api.RoleUser, api.RoleAdmin:
	default:
		writeError(w, http.StatusBadRequest, api.CodeBadRequest, fmt.Sprintf("role %q: want user or admin", truncate(req.Role, 40)))
		return
	}
	token, hash := NewToken()
	u, t, err := s.store.CreateUserWithToken(r.Context(), req.Name, req.Role, hash, "created with the user")
	if errors.Is(err, store.ErrDuplicate) {
		writeError(w, http.StatusConflict, api.CodeConflict, fmt.Sprintf("user %s exists; get a new token with `judge user token %s`", req.Name, req.Name))
		return
	}
	if err != nil {
		s.internalError(w, "create the user", err)
		return
	}
	tok := tokenAPI(t, u.Name)
	tok.Token = token
	writeJSON(w, http.StatusCreated, api.NewUserResponse{User: userAPI(u), Token: tok})
}

// tokenOwner loads the user named in the path if the caller may manage their
// tokens: an admin, or the user themselves.
func (s *Server) tokenOwner(w http.ResponseWriter, r *http.Request) *store.User {
	u := requireUser(w, r)
	if u == nil {
		return nil
	}
	name := r.PathValue("name")
	if name == u.Name {
		return u
	}
	if u.Role != store.RoleAdmin {
		writeError(w, http.StatusForbidden, api.CodeForbidden, "you may only manage your own tokens")
		return nil
	}
	owner, err := s.store.UserByName(r.Context(), name)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, api.CodeNotFound, fmt.Sprintf("no user %q; add one with `judge user add NAME`", truncate(name, 80)))
		return nil
	}
	if err != nil {
		s.internalError(w, "load the user", err)
		return nil
	}
	return owner
}

func (s *Server) listTokens(w http.ResponseWriter, r *http.Request) {
	owner := s.tokenOwner(w, r)
	if owner == nil {
		return
	}
	ts, err := s.store.Tokens(r.Context(), owner.ID)
	if err != nil {
		s.internalError(w, "list the tokens", err)
		return
	}
	out := api.TokenList{Tokens: []api.Token{}}
	for _, t := range ts {
		out.Tokens = append(out.Tokens, tokenAPI(t, owner.Name))
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) createToken(w http.ResponseWriter, r *http.Request) {
	owner := s.tokenOwner(w, r)
	if owner == nil {
		return
	}
	var req api.NewTokenRequest
	if r.ContentLength != 0 && !s.decodeBody(w, r, &req) {
		return
	}
	if len(req.Label) > 100 {
		writeError(w, http.StatusBadRequest, api.CodeBadRequest, "the label is longer than 100 characters")
		return
	}
	token, hash := NewToken()
	t, err := s.store.CreateToken(r.Context(), owner.ID, hash, req.Label)
	if err != nil {
		s.internalError(w, "create the token", err)
		return
	}
	out := tokenAPI(t, owner.Name)
	out.Token = token
	writeJSON(w, http.StatusCreated, out)
}

func (s *Server) revokeToken(w http.ResponseWriter, r *http.Request) {
	u := requireUser(w, r)
	if u == nil {
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		writeError(w, http.StatusBadRequest, api.CodeBadRequest, "the token id must be a positive integer")
		return
	}
	t, err := s.store.Token(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) || err == nil && t.UserID != u.ID && u.Role != store.RoleAdmin {
		writeError(w, http.StatusNotFound, api.CodeNotFound, fmt.Sprintf("no token %d of yours; list them with `judge user tokens`", id))
		return
	}
	if err != nil {
		s.internalError(w, "load the token", err)
		return
	}
	if err := s.store.RevokeToken(r.Context(), id); err != nil {
		s.internalError(w, "revoke the token", err)
		return
	}
	s.tokens.forget()
	w.WriteHeader(http.StatusNoContent)
}
