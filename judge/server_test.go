package judge_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/judgehq/judge/judge"
	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/client"
	"github.com/judgehq/judge/judge/store"
	"github.com/judgehq/judge/problems"
	"github.com/judgehq/judge/runtimes"
	"github.com/judgehq/judge/runtimes/local"
)

// daemon is a judge daemon under test: a temporary store, a queue whose
// workers grade with the given grader, and the API on an httptest server.
type daemon struct {
	store  *store.Store
	dbPath string
	url    string
	// client is the admin's.
	client *client.Client
	// tokens holds the tokens of the users made with daemonOptions.users,
	// and of "admin".
	tokens map[string]string
}

type daemonOptions struct {
	grader      *judge.Grader
	maxAttempts int
	// users are made with role user.
	users []string
	// rate are the rate limits (none if zero).
	rate judge.RateLimits
	// noQueue leaves the queue's workers stopped.
	noQueue bool
	// before runs on the store before the queue starts.
	before func(*store.Store)
	// reopen starts a daemon on the database of an earlier one, as after
	// a restart, with its users and tokens.
	reopen *daemon
}

func startDaemon(t *testing.T, o daemonOptions) *daemon {
	t.Helper()
	ps, err := loadBundled()
	if err != nil {
		t.Fatal(err)
	}
	if o.grader == nil {
		o.grader = newGrader()
	}
	dbPath := filepath.Join(t.TempDir(), "judge.db")
	if o.reopen != nil {
		dbPath = o.reopen.dbPath
	}
	st, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	if o.before != nil {
		o.before(st)
	}
	var tokens map[string]string
	if o.reopen != nil {
		tokens = o.reopen.tokens
	} else {
		admin, err := judge.Bootstrap(context.Background(), st, "admin")
		if err != nil || admin == "" {
			t.Fatalf("bootstrap: %q, %v", admin, err)
		}
		tokens = map[string]string{"admin": admin}
	}
	for _, name := range o.users {
		tok, hash := judge.NewToken()
		if _, _, err := st.CreateUserWithToken(context.Background(), name, store.RoleUser, hash, ""); err != nil {
			t.Fatal(err)
		}
		tokens[name] = tok
	}

	m := judge.NewMetrics(st.QueueDepth)
	contests, err := judge.LoadContests(context.Background(), st, nil)
	if err != nil {
		t.Fatalf("load contests: %v", err)
	}
	q := judge.NewQueue(judge.QueueOptions{
		Store: st, Grader: o.grader, Problems: ps, Workers: 2, MaxAttempts: o.maxAttempts, Metrics: m,
		Contests: contests,
	})
	srv := judge.NewServer(judge.ServerOptions{
		Store: st, Queue: q, Problems: ps, Runtimes: o.grader.Runtimes, RateLimits: o.rate, Metrics: m,
	})
	hs := httptest.NewServer(srv.Handler())

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	if o.noQueue {
		done <- nil
	} else {
		go func() { done <- q.Run(ctx) }()
	}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("queue: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("queue did not stop")
		}
		hs.Close()
	})
	return &daemon{store: st, dbPath: dbPath, url: hs.URL, client: client.New(hs.URL, tokens["admin"]), tokens: tokens}
}

// as returns a client with the token of user.
func (d *daemon) as(user string) *client.Client { return client.New(d.url, d.tokens[user]) }

// await long-polls submission id until it is done.
func (d *daemon) await(t *testing.T, id int64) *api.Submission {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	for {
		sub, err := d.client.Submission(ctx, id, 10*time.Second)
		if err != nil {
			t.Fatalf("get submission %d: %v", id, err)
		}
		if sub.State == api.StateDone {
			return sub
		}
		if sub.State != api.StateQueued && sub.State != api.StateRunning {
			t.Fatalf("submission %d in state %q", id, sub.State)
		}
	}
}

// rows counts the submissions table's rows, whatever their state.
func (d *daemon) rows(t *testing.T) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+d.dbPath+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM submissions`).Scan(&n); err != nil {
		t.Fatalf("count submissions: %v", err)
	}
	return n
}

func TestServer_submitAndWait(t *testing.T) {
	t.Parallel()
	needPython(t)
	d := startDaemon(t, daemonOptions{})
	p := problem(t, "two-sum")
	ctx := context.Background()

	t.Run("submit", func(t *testing.T) {
		t.Parallel()
		resp, err := d.client.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: pythonSolution(t, p)})
		if err != nil {
			t.Fatalf("submit: %v", err)
		}
		if resp.ID <= 0 || (resp.State != api.StateQueued && resp.State != api.StateRunning) {
			t.Fatalf("submit answer = %+v", resp)
		}
		sub := d.await(t, resp.ID)
		if sub.Result == nil || sub.Result.Verdict != api.Accepted {
			t.Fatalf("verdict: %+v", sub.Result)
		}
		if sub.Result.Passed != len(p.Tests) || sub.Result.Total != len(p.Tests) {
			t.Errorf("passed %d of %d, want all %d", sub.Result.Passed, sub.Result.Total, len(p.Tests))
		}
		if sub.ID != resp.ID || sub.Problem != "two-sum" || sub.Language != "python" || sub.Mode != api.ModeSubmit ||
			sub.Code != pythonSolution(t, p) || sub.FinishedAt == nil || sub.CreatedAt.IsZero() {
			t.Errorf("submission = %+v", sub)
		}
		stored, err := d.store.Submission(ctx, resp.ID)
		if err != nil || stored.State != store.Done || stored.Verdict != "AC" || stored.Attempts != 1 {
			t.Errorf("stored = %+v, %v; want done, AC, judged once", stored, err)
		}
	})

	t.Run("run", func(t *testing.T) {
		t.Parallel()
		resp, err := d.client.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: pythonSolution(t, p), Mode: api.ModeRun})
		if err != nil {
			t.Fatalf("submit: %v", err)
		}
		sub := d.await(t, resp.ID)
		if sub.Mode != api.ModeRun || sub.Result == nil || sub.Result.Verdict != api.Accepted {
			t.Fatalf("run: %+v %+v", sub, sub.Result)
		}
		if n := len(p.Samples()); sub.Result.Total != n || len(sub.Result.Tests) != n {
			t.Errorf("run: %d tests, %d results; want the %d samples", sub.Result.Total, len(sub.Result.Tests), n)
		}
	})

	t.Run("wrong answer", func(t *testing.T) {
		t.Parallel()
		var wrong string
		for _, w := range p.Wrong {
			if w.Verdict == "WA" {
				wrong = w.Code
			}
		}
		resp, err := d.client.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: wrong})
		if err != nil {
			t.Fatalf("submit: %v", err)
		}
		if sub := d.await(t, resp.ID); sub.Result == nil || sub.Result.Verdict != api.WrongAnswer {
			t.Errorf("verdict: %+v", sub.Result)
		}
	})
}

func TestServer_longPoll(t *testing.T) {
	t.Parallel()
	needPython(t)
	// Workers stopped: the submission stays queued, so a long poll waits
	// out its time and answers with the queued state.
	d := startDaemon(t, daemonOptions{noQueue: true})
	ctx := context.Background()
	resp, err := d.client.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: "x = 1"})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	sub, err := d.client.Submission(ctx, resp.ID, 300*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 250*time.Millisecond {
		t.Errorf("long poll of a queued submission answered after %v, want about 300ms", d)
	}
	if sub.State != api.StateQueued || sub.Result != nil {
		t.Errorf("submission = %+v, want queued without a result", sub)
	}
}

// TestServer_rejects: bad requests get the right 4xx and stable code, and none
// of them stores a submission.
func TestServer_rejects(t *testing.T) {
	t.Parallel()
	d := startDaemon(t, daemonOptions{noQueue: true})
	valid := func(mutate func(*api.SubmitRequest)) string {
		r := api.SubmitRequest{Problem: "two-sum", Language: "python", Code: "class Solution: pass\n"}
		mutate(&r)
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	const jsonType = "application/json"
	for _, tc := range []struct {
		name        string
		method      string
		path        string
		contentType string
		body        string
		status      int
		code        string
	}{
		{"unknown problem", "POST", "/api/v1/submissions", jsonType,
			valid(func(r *api.SubmitRequest) { r.Problem = "three-sum" }), 422, api.CodeUnknownProblem},
		{"empty problem", "POST", "/api/v1/submissions", jsonType,
			valid(func(r *api.SubmitRequest) { r.Problem = "" }), 422, api.CodeUnknownProblem},
		{"unknown language", "POST", "/api/v1/submissions", jsonType,
			valid(func(r *api.SubmitRequest) { r.Language = "cobol" }), 422, api.CodeUnknownLanguage},
		{"malformed JSON", "POST", "/api/v1/submissions", jsonType, `{"problem": "two-sum", `, 400, api.CodeBadRequest},
		{"not an object", "POST", "/api/v1/submissions", jsonType, `["two-sum"]`, 400, api.CodeBadRequest},
		{"empty body", "POST", "/api/v1/submissions", jsonType, ``, 400, api.CodeBadRequest},
		{"unknown field", "POST", "/api/v1/submissions", jsonType,
			`{"problem":"two-sum","language":"python","code":"x=1","verdict":"AC"}`, 400, api.CodeBadRequest},
		{"wrong content type", "POST", "/api/v1/submissions", "text/plain", valid(func(*api.SubmitRequest) {}), 415, api.CodeUnsupportedMedia},
		{"form content type", "POST", "/api/v1/submissions", "application/x-www-form-urlencoded", valid(func(*api.SubmitRequest) {}), 415, api.CodeUnsupportedMedia},
		{"no content type", "POST", "/api/v1/submissions", "", valid(func(*api.SubmitRequest) {}), 415, api.CodeUnsupportedMedia},
		{"oversized code", "POST", "/api/v1/submissions", jsonType,
			valid(func(r *api.SubmitRequest) { r.Code = "# " + strings.Repeat("x", judge.DefaultLimits().MaxCodeBytes) }), 413, api.CodeTooLarge},
		{"oversized body", "POST", "/api/v1/submissions", jsonType,
			valid(func(r *api.SubmitRequest) { r.Code = strings.Repeat("x", int(judge.DefaultLimits().MaxBodyBytes)+1) }), 413, api.CodeTooLarge},
		{"empty code", "POST", "/api/v1/submissions", jsonType,
			valid(func(r *api.SubmitRequest) { r.Code = " \n\t" }), 400, api.CodeBadRequest},
		{"bad mode", "POST", "/api/v1/submissions", jsonType,
			valid(func(r *api.SubmitRequest) { r.Mode = "judge-it-twice" }), 400, api.CodeBadRequest},
		{"bad id", "GET", "/api/v1/submissions/abc", "", "", 400, api.CodeBadRequest},
		{"zero id", "GET", "/api/v1/submissions/0", "", "", 400, api.CodeBadRequest},
		{"negative id", "GET", "/api/v1/submissions/-3", "", "", 400, api.CodeBadRequest},
		{"bad wait", "GET", "/api/v1/submissions/1?wait=soon", "", "", 400, api.CodeBadRequest},
		{"missing submission", "GET", "/api/v1/submissions/987654", "", "", 404, api.CodeNotFound},
		{"unknown problem page", "GET", "/api/v1/problems/three-sum", "", "", 404, api.CodeUnknownProblem},
		{"unknown endpoint", "GET", "/api/v1/nothing", "", "", 404, api.CodeNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequestWithContext(context.Background(), tc.method, d.url+tc.path, strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if tc.contentType != "" {
				req.Header.Set("Content-Type", tc.contentType)
			}
			req.Header.Set("Authorization", "Bearer "+d.tokens["admin"])
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d; body %.300s", resp.StatusCode, tc.status, body)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q, want application/json", ct)
			}
			var e api.Error
			if err := json.Unmarshal(body, &e); err != nil {
				t.Fatalf("body is not an API error: %v: %.300s", err, body)
			}
			if e.Code != tc.code || e.Message == "" {
				t.Errorf("error = %+v, want code %q and a message", e, tc.code)
			}
		})
	}

	// The client maps an API error to *api.Error with its code.
	_, err := d.client.Submit(context.Background(), api.SubmitRequest{Problem: "three-sum", Language: "python", Code: "x"})
	var apiErr *api.Error
	if !errors.As(err, &apiErr) || apiErr.Code != api.CodeUnknownProblem {
		t.Errorf("client Submit to an unknown problem: err = %v, want *api.Error with code %s", err, api.CodeUnknownProblem)
	}
	_, err = d.client.Submission(context.Background(), 987654, 0)
	if !errors.As(err, &apiErr) || apiErr.Code != api.CodeNotFound {
		t.Errorf("client Submission of a missing id: err = %v, want *api.Error with code %s", err, api.CodeNotFound)
	}

	if n := d.rows(t); n != 0 {
		t.Errorf("rejected requests stored %d submissions, want none", n)
	}
	// A valid request does store one: the count above can see rows.
	if _, err := d.client.Submit(context.Background(), api.SubmitRequest{Problem: "two-sum", Language: "python", Code: "x = 1"}); err != nil {
		t.Fatalf("valid submit: %v", err)
	}
	if n := d.rows(t); n != 1 {
		t.Errorf("after one valid submit: %d rows, want 1", n)
	}
}

// TestQueue_recoversRunning: a submission left running by a crashed daemon is
// judged when the queue starts again.
func TestQueue_recoversRunning(t *testing.T) {
	t.Parallel()
	needPython(t)
	p := problem(t, "two-sum")
	var id int64
	d := startDaemon(t, daemonOptions{before: func(st *store.Store) {
		ctx := context.Background()
		sub, _, err := st.CreateSubmission(ctx, store.NewSubmission{Problem: "two-sum", Language: "python",
			Code: pythonSolution(t, p), Mode: api.ModeSubmit})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.ClaimNext(ctx); err != nil { // the crashed daemon's claim
			t.Fatal(err)
		}
		id = sub.ID
	}})
	sub := d.await(t, id)
	if sub.Result == nil || sub.Result.Verdict != api.Accepted {
		t.Fatalf("recovered submission: %+v", sub.Result)
	}
	stored, err := d.store.Submission(context.Background(), id)
	if err != nil || stored.Attempts != 2 {
		t.Errorf("stored = %+v, %v; want 2 attempts (the crashed one and the recovery)", stored, err)
	}
}

// TestQueue_judgeFailure: when the judge itself keeps failing, the
// submission is retried, then ends with Internal Error instead of hanging.
func TestQueue_judgeFailure(t *testing.T) {
	t.Parallel()
	g := &judge.Grader{Sandbox: local.Runner{}, Runtimes: runtimes.Set{"python": &runtimes.Runtime{Name: "python", Run: []string{"false"}}}}
	d := startDaemon(t, daemonOptions{grader: g, maxAttempts: 2})
	resp, err := d.client.Submit(context.Background(), api.SubmitRequest{Problem: "two-sum", Language: "python", Code: "x = 1"})
	if err != nil {
		t.Fatal(err)
	}
	sub := d.await(t, resp.ID)
	if sub.Result == nil || sub.Result.Verdict != api.InternalError {
		t.Fatalf("verdict: %+v, want IE", sub.Result)
	}
	stored, err := d.store.Submission(context.Background(), resp.ID)
	if err != nil || stored.Attempts != 2 {
		t.Errorf("stored = %+v, %v; want 2 attempts", stored, err)
	}
}

// TestQueue_many: several submissions through two workers each get exactly
// their own verdict.
func TestQueue_many(t *testing.T) {
	t.Parallel()
	needPython(t)
	d := startDaemon(t, daemonOptions{})
	ctx := context.Background()
	want := map[int64]api.Verdict{}
	for _, p := range []*problems.Problem{problem(t, "two-sum"), problem(t, "valid-palindrome"), problem(t, "kids-with-the-greatest-number-of-candies")} {
		for _, c := range []struct {
			code    string
			verdict api.Verdict
		}{{pythonSolution(t, p), api.Accepted}, {p.Wrong[0].Code, api.Verdict(p.Wrong[0].Verdict)}} {
			resp, err := d.client.Submit(ctx, api.SubmitRequest{Problem: p.Slug, Language: "python", Code: c.code})
			if err != nil {
				t.Fatal(err)
			}
			want[resp.ID] = c.verdict
		}
	}
	for id, v := range want {
		sub := d.await(t, id)
		if sub.Result == nil || sub.Result.Verdict != v {
			t.Errorf("submission %d (%s): %+v, want %s", id, sub.Problem, sub.Result, v)
		}
	}
	if n, err := d.store.QueueDepth(ctx); err != nil || n != 0 {
		t.Errorf("queue depth %d, %v; want 0", n, err)
	}
}

// TestQueue_drain: a stopping queue lets a running submission finish within
// the drain period; without one, the submission goes back to the queue.
func TestQueue_drain(t *testing.T) {
	t.Parallel()
	needPython(t)
	p := problem(t, "two-sum")
	slow := "import time\n_slept = []\n" + pythonSolution(t, p) +
		"\n_orig = Solution.twoSum\ndef _slow(self, nums, target):\n    if not _slept:\n        _slept.append(1)\n        time.sleep(0.6)\n    return _orig(self, nums, target)\nSolution.twoSum = _slow\n"
	for _, tc := range []struct {
		drain time.Duration
		want  string
	}{{5 * time.Second, store.Done}, {0, store.Queued}} {
		t.Run(tc.drain.String(), func(t *testing.T) {
			ps, _ := loadBundled()
			st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "judge.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			sub, _, err := st.CreateSubmission(context.Background(), store.NewSubmission{Problem: "two-sum", Language: "python", Code: slow, Mode: api.ModeSubmit})
			if err != nil {
				t.Fatal(err)
			}
			q := judge.NewQueue(judge.QueueOptions{Store: st, Grader: newGrader(), Problems: ps, Workers: 1, Drain: tc.drain})
			ctx, cancel := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- q.Run(ctx) }()
			for {
				cur, _ := st.Submission(context.Background(), sub.ID)
				if cur.State == store.Running {
					break
				}
				time.Sleep(10 * time.Millisecond)
			}
			cancel()
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			cur, _ := st.Submission(context.Background(), sub.ID)
			if cur.State != tc.want {
				t.Errorf("after stopping with drain %v: %s/%s, want %s", tc.drain, cur.State, cur.Verdict, tc.want)
			}
			if tc.want == store.Done && cur.Verdict != "AC" {
				t.Errorf("verdict %s, want AC", cur.Verdict)
			}
		})
	}
}
