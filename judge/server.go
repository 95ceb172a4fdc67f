package judge

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/judgehq/judge/harness"
	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/store"
	"github.com/judgehq/judge/problems"
	"github.com/judgehq/judge/runtimes"
)

// Request limits.
const (
	MaxBodyBytes = 1 << 20
	MaxCodeBytes = 64 << 10
	MaxWait      = 60 * time.Second
)

// Server is the judge's HTTP API.
type Server struct {
	store    *store.Store
	queue    *Queue
	problems []*problems.Problem
	bySlug   map[string]*problems.Problem
	runtimes runtimes.Set
	log      *slog.Logger
}

// ServerOptions configure a Server.
type ServerOptions struct {
	Store    *store.Store
	Queue    *Queue
	Problems []*problems.Problem
	Runtimes runtimes.Set
	Logger   *slog.Logger
}

// NewServer returns the API server.
func NewServer(o ServerOptions) *Server {
	s := &Server{store: o.Store, queue: o.Queue, problems: o.Problems, runtimes: o.Runtimes,
		log: o.Logger, bySlug: map[string]*problems.Problem{}}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
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
	mux.HandleFunc("GET /api/v1/problems", s.listProblems)
	mux.HandleFunc("GET /api/v1/problems/{slug}", s.getProblem)
	mux.HandleFunc("POST /api/v1/submissions", s.createSubmission)
	mux.HandleFunc("GET /api/v1/submissions/{id}", s.getSubmission)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, api.CodeNotFound, "no such endpoint: "+r.Method+" "+r.URL.Path)
	})
	return s.logRequests(mux)
}

func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rw, r)
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

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) listProblems(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	diff, tag, text := q.Get("difficulty"), q.Get("tag"), strings.ToLower(q.Get("q"))
	list := api.ProblemList{Problems: []api.ProblemSummary{}}
	for _, p := range s.problems {
		if diff != "" && p.Difficulty != diff || tag != "" && !slices.Contains(p.Tags, tag) ||
			text != "" && !strings.Contains(strings.ToLower(p.Slug+" "+p.Title), text) {
			continue
		}
		list.Problems = append(list.Problems, summary(p))
	}
	list.Total = len(list.Problems)
	writeJSON(w, http.StatusOK, list)
}

func summary(p *problems.Problem) api.ProblemSummary {
	tags := p.Tags
	if tags == nil {
		tags = []string{}
	}
	return api.ProblemSummary{Slug: p.Slug, Title: p.Title, Difficulty: p.Difficulty, Tags: tags}
}

func (s *Server) getProblem(w http.ResponseWriter, r *http.Request) {
	p, ok := s.bySlug[r.PathValue("slug")]
	if !ok {
		writeError(w, http.StatusNotFound, api.CodeUnknownProblem,
			fmt.Sprintf("no problem %q; list them with GET /api/v1/problems", r.PathValue("slug")))
		return
	}
	out := api.Problem{
		ProblemSummary: summary(p),
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
	for name := range s.runtimes {
		if hl, ok := harness.Get(name); ok {
			out.Stubs[name] = hl.Stub(p.Signature)
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

func (s *Server) createSubmission(w http.ResponseWriter, r *http.Request) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		writeError(w, http.StatusUnsupportedMediaType, api.CodeBadRequest, "send the submission as Content-Type: application/json")
		return
	}
	var req api.SubmitRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, api.CodeTooLarge, fmt.Sprintf("the body is larger than %d bytes", MaxBodyBytes))
			return
		}
		writeError(w, http.StatusBadRequest, api.CodeBadRequest, "malformed JSON body: "+err.Error())
		return
	}
	if _, ok := s.bySlug[req.Problem]; !ok {
		writeError(w, http.StatusUnprocessableEntity, api.CodeUnknownProblem,
			fmt.Sprintf("no problem %q; list them with GET /api/v1/problems", req.Problem))
		return
	}
	if _, ok := s.runtimes[req.Language]; !ok {
		writeError(w, http.StatusUnprocessableEntity, api.CodeUnknownLanguage,
			fmt.Sprintf("unknown language %q; this server judges %s", req.Language, strings.Join(s.runtimes.Names(), ", ")))
		return
	}
	if len(req.Code) > MaxCodeBytes {
		writeError(w, http.StatusRequestEntityTooLarge, api.CodeTooLarge, fmt.Sprintf("the code is larger than %d bytes", MaxCodeBytes))
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
		writeError(w, http.StatusBadRequest, api.CodeBadRequest, fmt.Sprintf("mode %q: want submit or run", req.Mode))
		return
	}
	sub, err := s.store.CreateSubmission(r.Context(), req.Problem, req.Language, req.Code, req.Mode)
	if err != nil {
		s.log.Error("store submission", "err", err)
		writeError(w, http.StatusInternalServerError, api.CodeInternal, "could not store the submission; try again")
		return
	}
	s.queue.Notify()
	w.Header().Set("Location", fmt.Sprintf("/api/v1/submissions/%d", sub.ID))
	writeJSON(w, http.StatusAccepted, api.SubmitResponse{ID: sub.ID, State: sub.State})
}

func (s *Server) getSubmission(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		writeError(w, http.StatusBadRequest, api.CodeBadRequest, "the submission id must be a positive integer")
		return
	}
	var wait time.Duration
	if v := r.URL.Query().Get("wait"); v != "" {
		if wait, err = time.ParseDuration(v); err != nil || wait < 0 {
			writeError(w, http.StatusBadRequest, api.CodeBadRequest, fmt.Sprintf("wait=%q: want a duration such as 10s", v))
			return
		}
		wait = min(wait, MaxWait)
	}
	sub, err := s.store.Submission(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, api.CodeNotFound, fmt.Sprintf("no submission %d", id))
		return
	}
	if err != nil {
		s.log.Error("load submission", "id", id, "err", err)
		writeError(w, http.StatusInternalServerError, api.CodeInternal, "could not load the submission; try again")
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
	writeJSON(w, http.StatusOK, toAPI(sub))
}

func toAPI(sub *store.Submission) api.Submission {
	out := api.Submission{
		ID: sub.ID, Problem: sub.Problem, Language: sub.Language, Mode: sub.Mode, State: sub.State,
		Code: sub.Code, CreatedAt: sub.CreatedAt, FinishedAt: sub.FinishedAt,
	}
	if sub.State == store.Done && sub.Result != "" {
		var res api.Result
		if err := json.Unmarshal([]byte(sub.Result), &res); err == nil {
			out.Result = &res
		}
	}
	return out
}
