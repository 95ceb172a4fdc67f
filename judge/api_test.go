package judge_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/judgehq/judge/judge"
	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/store"
)

// dump returns every row of every table of the daemon's database, so that a
// test can tell that a request changed nothing.
func (d *daemon) dump(t *testing.T) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+d.dbPath+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var b strings.Builder
	for _, table := range []string{"users", "tokens", "drafts", "submissions", "migrations"} {
		rows, err := db.Query(`SELECT * FROM ` + table + ` ORDER BY 1, 2`)
		if err != nil {
			t.Fatalf("dump %s: %v", table, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%s %v\n", table, vals)
		}
		rows.Close()
	}
	return b.String()
}

// call sends one request with token (none if empty) and returns the status,
// the headers and the body.
func (d *daemon) call(t *testing.T, token, method, path, contentType, body string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), method, d.url+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, b
}

func submitBody(problem, language, code, mode string) string {
	b, _ := json.Marshal(api.SubmitRequest{Problem: problem, Language: language, Code: code, Mode: mode})
	return string(b)
}

// TestAPI_badRequests: each bad request gets its status code and stable
// error code, and leaves the database as it was.
func TestAPI_badRequests(t *testing.T) {
	t.Parallel()
	d := startDaemon(t, daemonOptions{noQueue: true, users: []string{"alice", "bob"}})
	ctx := context.Background()
	alice, bob := "Bearer "+d.tokens["alice"], "Bearer "+d.tokens["bob"]

	// Alice's submission and draft, which Bob must not see.
	sub, err := d.as("alice").Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: "# alice's secret\n"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.as("alice").SaveDraft(ctx, "two-sum", "python", "# alice's draft\n"); err != nil {
		t.Fatal(err)
	}
	// A revoked token of Bob's.
	revoked, err := d.as("bob").NewToken(ctx, "bob", "old laptop")
	if err != nil {
		t.Fatal(err)
	}
	if err := d.as("bob").RevokeToken(ctx, revoked.ID); err != nil {
		t.Fatal(err)
	}

	const js = "application/json"
	sqlish := []string{`two-sum'; DROP TABLE submissions; --`, `" OR 1=1 --`, `python' OR '1'='1`, `%' UNION SELECT code FROM submissions --`}
	big := strings.Repeat("x", int(judge.DefaultLimits().MaxBodyBytes))
	type tc struct {
		name, token, method, path, ctype, body string
		status                                 int
		code                                   string
	}
	cases := []tc{
		{"malformed JSON", bob, "POST", "/api/v1/submissions", js, `{"problem": "two-sum", `, 400, api.CodeBadRequest},
		{"JSON array", bob, "POST", "/api/v1/submissions", js, `[1, 2]`, 400, api.CodeBadRequest},
		{"two JSON values", bob, "POST", "/api/v1/submissions", js, submitBody("two-sum", "python", "x=1", "") + `{}`, 400, api.CodeBadRequest},
		{"wrong field type", bob, "POST", "/api/v1/submissions", js, `{"problem": 7, "language": "python", "code": "x"}`, 400, api.CodeBadRequest},
		{"unknown field", bob, "POST", "/api/v1/submissions", js, `{"problem":"two-sum","language":"python","code":"x","user":"alice"}`, 400, api.CodeBadRequest},
		{"oversized body", bob, "POST", "/api/v1/submissions", js, submitBody("two-sum", "python", big, ""), 413, api.CodeTooLarge},
		{"oversized code", bob, "POST", "/api/v1/submissions", js, submitBody("two-sum", "python", big[:judge.DefaultLimits().MaxCodeBytes+1], ""), 413, api.CodeTooLarge},
		{"oversized draft", bob, "PUT", "/api/v1/drafts/two-sum/python", js, `{"code":"` + big[:judge.DefaultLimits().MaxCodeBytes+1] + `"}`, 413, api.CodeTooLarge},
		{"text/plain", bob, "POST", "/api/v1/submissions", "text/plain", submitBody("two-sum", "python", "x=1", ""), 415, api.CodeUnsupportedMedia},
		{"no content type", bob, "POST", "/api/v1/submissions", "", submitBody("two-sum", "python", "x=1", ""), 415, api.CodeUnsupportedMedia},
		{"multipart", bob, "PUT", "/api/v1/drafts/two-sum/python", "multipart/form-data; boundary=x", `{"code":"x"}`, 415, api.CodeUnsupportedMedia},
		{"unknown problem", bob, "POST", "/api/v1/submissions", js, submitBody("three-sum", "python", "x=1", ""), 422, api.CodeUnknownProblem},
		{"unknown language", bob, "POST", "/api/v1/submissions", js, submitBody("two-sum", "cobol", "x=1", ""), 422, api.CodeUnknownLanguage},
		{"custom input in submit mode", bob, "POST", "/api/v1/submissions", js,
			`{"problem":"two-sum","language":"python","code":"x=1","input":[{"nums":[1,2],"target":3}]}`, 400, api.CodeBadInput},
		{"custom input of the wrong type", bob, "POST", "/api/v1/submissions", js,
			`{"problem":"two-sum","language":"python","code":"x=1","mode":"run","input":[{"nums":"1,2","target":3}]}`, 422, api.CodeBadInput},
		{"custom input with an unknown parameter", bob, "POST", "/api/v1/submissions", js,
			`{"problem":"two-sum","language":"python","code":"x=1","mode":"run","input":[{"nums":[1],"target":1,"k":2}]}`, 422, api.CodeBadInput},
		{"traversal in a submitted slug", bob, "POST", "/api/v1/submissions", js, submitBody("../../../etc/passwd", "python", "x=1", ""), 422, api.CodeUnknownProblem},
		{"traversal in a problem path", "", "GET", "/api/v1/problems/..%2F..%2F..%2Fetc%2Fpasswd", "", "", 404, api.CodeUnknownProblem},
		{"dot-dot problem", "", "GET", "/api/v1/problems/%2E%2E", "", "", 404, api.CodeUnknownProblem},
		{"traversal in a draft path", bob, "PUT", "/api/v1/drafts/..%2F..%2Fjudge.db/python", js, `{"code":"x"}`, 404, api.CodeUnknownProblem},
		{"traversal in a draft language", bob, "PUT", "/api/v1/drafts/two-sum/..%2Fpython", js, `{"code":"x"}`, 404, api.CodeUnknownLanguage},
		{"no token", "", "POST", "/api/v1/submissions", js, submitBody("two-sum", "python", "x=1", ""), 401, api.CodeUnauthorized},
		{"no token for history", "", "GET", "/api/v1/submissions", "", "", 401, api.CodeUnauthorized},
		{"no token for a submission", "", "GET", fmt.Sprintf("/api/v1/submissions/%d", sub.ID), "", "", 401, api.CodeUnauthorized},
		{"no token for drafts", "", "GET", "/api/v1/drafts", "", "", 401, api.CodeUnauthorized},
		{"wrong token", "Bearer judge_not-a-real-token", "POST", "/api/v1/submissions", js, submitBody("two-sum", "python", "x=1", ""), 401, api.CodeUnauthorized},
		{"wrong token on a public page", "Bearer judge_not-a-real-token", "GET", "/api/v1/problems", "", "", 401, api.CodeUnauthorized},
		{"revoked token", "Bearer " + revoked.Token, "POST", "/api/v1/submissions", js, submitBody("two-sum", "python", "x=1", ""), 401, api.CodeUnauthorized},
		{"basic auth", "Basic YWxpY2U6YWxpY2U=", "GET", "/api/v1/me", "", "", 401, api.CodeUnauthorized},
		{"empty bearer", "Bearer ", "GET", "/api/v1/me", "", "", 401, api.CodeUnauthorized},
		{"another user's submission", bob, "GET", fmt.Sprintf("/api/v1/submissions/%d", sub.ID), "", "", 404, api.CodeNotFound},
		{"another user's submission, long poll", bob, "GET", fmt.Sprintf("/api/v1/submissions/%d?wait=1s", sub.ID), "", "", 404, api.CodeNotFound},
		{"another user's history", bob, "GET", "/api/v1/submissions?user=alice", "", "", 403, api.CodeForbidden},
		{"another user's tokens", bob, "GET", "/api/v1/users/alice/tokens", "", "", 403, api.CodeForbidden},
		{"a token for another user", bob, "POST", "/api/v1/users/alice/tokens", js, `{}`, 403, api.CodeForbidden},
		{"revoke another user's token", bob, "DELETE", "/api/v1/tokens/1", "", "", 404, api.CodeNotFound},
		{"add a user as a user", bob, "POST", "/api/v1/users", js, `{"name":"mallory","role":"admin"}`, 403, api.CodeForbidden},
		{"list users as a user", bob, "GET", "/api/v1/users", "", "", 403, api.CodeForbidden},
		{"negative page", bob, "GET", "/api/v1/problems?page=-1", "", "", 400, api.CodeBadPage},
		{"zero page", bob, "GET", "/api/v1/submissions?page=0", "", "", 400, api.CodeBadPage},
		{"negative per_page", bob, "GET", "/api/v1/problems?per_page=-5", "", "", 400, api.CodeBadPage},
		{"huge per_page", bob, "GET", "/api/v1/problems?per_page=1000000", "", "", 400, api.CodeBadPage},
		{"huge page", bob, "GET", "/api/v1/submissions?page=99999999999999999999999", "", "", 400, api.CodeBadPage},
		{"page past the limit", bob, "GET", "/api/v1/problems?page=1000001", "", "", 400, api.CodeBadPage},
		{"fractional page", bob, "GET", "/api/v1/problems?page=1.5", "", "", 400, api.CodeBadPage},
		{"bad status filter", bob, "GET", "/api/v1/problems?status=done", "", "", 400, api.CodeBadRequest},
		{"bad wait", bob, "GET", fmt.Sprintf("/api/v1/submissions/%d?wait=-1s", sub.ID), "", "", 400, api.CodeBadRequest},
		{"unknown endpoint", bob, "GET", "/api/v1/secrets", "", "", 404, api.CodeNotFound},
		{"bad user name", "Bearer " + d.tokens["admin"], "POST", "/api/v1/users", js, `{"name":"../admin"}`, 400, api.CodeBadRequest},
		{"bad role", "Bearer " + d.tokens["admin"], "POST", "/api/v1/users", js, `{"name":"carol","role":"root"}`, 400, api.CodeBadRequest},
		{"existing user", "Bearer " + d.tokens["admin"], "POST", "/api/v1/users", js, `{"name":"alice"}`, 409, api.CodeConflict},
	}
	// SQL metacharacters in every string field and parameter.
	for i, q := range sqlish {
		cases = append(cases,
			tc{fmt.Sprintf("SQL in problem %d", i), bob, "POST", "/api/v1/submissions", js, submitBody(q, "python", "x=1", ""), 422, api.CodeUnknownProblem},
			tc{fmt.Sprintf("SQL in language %d", i), bob, "POST", "/api/v1/submissions", js, submitBody("two-sum", q, "x=1", ""), 422, api.CodeUnknownLanguage},
			tc{fmt.Sprintf("SQL in mode %d", i), bob, "POST", "/api/v1/submissions", js, submitBody("two-sum", "python", "x=1", q), 400, api.CodeBadRequest},
			tc{fmt.Sprintf("SQL in a token %d", i), "Bearer " + q, "GET", "/api/v1/me", "", "", 401, api.CodeUnauthorized},
			tc{fmt.Sprintf("SQL in a user name %d", i), "Bearer " + d.tokens["admin"], "POST", "/api/v1/users", js, `{"name":` + strconv.Quote(q) + `}`, 400, api.CodeBadRequest},
			tc{fmt.Sprintf("SQL in a user path %d", i), "Bearer " + d.tokens["admin"], "GET", "/api/v1/users/" + urlPath(q) + "/tokens", "", "", 404, api.CodeNotFound},
			tc{fmt.Sprintf("SQL in a draft path %d", i), bob, "GET", "/api/v1/drafts/" + urlPath(q) + "/python", "", "", 404, api.CodeUnknownProblem},
			tc{fmt.Sprintf("SQL in a page %d", i), bob, "GET", "/api/v1/submissions?page=" + urlPath(q), "", "", 400, api.CodeBadPage},
		)
	}

	before := d.dump(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, _, body := d.call(t, c.token, c.method, c.path, c.ctype, c.body)
			if status != c.status {
				t.Errorf("status %d, want %d: %.300s", status, c.status, body)
			}
			var e api.Error
			if err := json.Unmarshal(body, &e); err != nil || e.Code != c.code || e.Message == "" {
				t.Errorf("body %.300s: want error code %q and a message", body, c.code)
			}
			if after := d.dump(t); after != before {
				t.Errorf("the database changed:\nbefore:\n%s\nafter:\n%s", before, after)
				before = after
			}
		})
	}

	// Queries that find nothing because of what they hold answer 200 with
	// nothing, and change nothing either.
	for _, q := range sqlish {
		for _, path := range []string{"/api/v1/problems?q=" + urlPath(q), "/api/v1/problems?tag=" + urlPath(q),
			"/api/v1/submissions?problem=" + urlPath(q), "/api/v1/drafts?problem=" + urlPath(q)} {
			status, _, body := d.call(t, alice, "GET", path, "", "")
			if status != 200 || strings.Contains(string(body), "secret") || strings.Contains(string(body), "two-sum") {
				t.Errorf("GET %s: %d %.300s; want 200 and nothing found", path, status, body)
			}
		}
	}
	if after := d.dump(t); after != before {
		t.Errorf("the queries changed the database")
	}

	// Stored as sent: code and a draft full of SQL are data.
	code := strings.Join(sqlish, "\n")
	s2, err := d.as("bob").Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: code})
	if err != nil {
		t.Fatal(err)
	}
	got, err := d.store.Submission(ctx, s2.ID)
	if err != nil || got.Code != code {
		t.Errorf("code with SQL in it stored as %q, %v", got.Code, err)
	}
	if n := d.rows(t); n != 2 {
		t.Errorf("%d submissions stored, want 2", n)
	}
}

func urlPath(s string) string {
	r := strings.NewReplacer("%", "%25", " ", "%20", "'", "%27", `"`, "%22", ";", "%3B", "/", "%2F", "=", "%3D", "?", "%3F", "#", "%23")
	return r.Replace(s)
}

// TestAPI_rateLimits: past the per-user limits, submits and runs get 429
// with Retry-After, and store nothing; other users are not affected.
func TestAPI_rateLimits(t *testing.T) {
	t.Parallel()
	d := startDaemon(t, daemonOptions{noQueue: true, users: []string{"alice", "bob", "carol"},
		rate: judge.RateLimits{RunEvery: time.Hour, SubmitEvery: time.Millisecond, SubmitsPerMinute: 5}})
	const js = "application/json"
	alice := "Bearer " + d.tokens["alice"]
	for i := 0; i < 5; i++ {
		if status, _, body := d.call(t, alice, "POST", "/api/v1/submissions", js, submitBody("two-sum", "python", "x=1", "")); status != 202 {
			t.Fatalf("submit %d: %d %s", i+1, status, body)
		}
		time.Sleep(2 * time.Millisecond)
	}
	before := d.dump(t)
	status, h, body := d.call(t, alice, "POST", "/api/v1/submissions", js, submitBody("two-sum", "python", "x=1", ""))
	if status != 429 || !strings.Contains(string(body), api.CodeRateLimited) {
		t.Fatalf("sixth submit in a minute: %d %s; want 429", status, body)
	}
	if secs, err := strconv.Atoi(h.Get("Retry-After")); err != nil || secs < 1 || secs > 60 {
		t.Errorf("Retry-After %q; want seconds until the minute's bucket refills", h.Get("Retry-After"))
	}
	// Runs have their own limit.
	if status, _, body := d.call(t, alice, "POST", "/api/v1/submissions", js, submitBody("two-sum", "python", "x=1", "run")); status != 202 {
		t.Fatalf("first run: %d %s", status, body)
	}
	before = d.dump(t)
	status, h, _ = d.call(t, alice, "POST", "/api/v1/submissions", js, submitBody("two-sum", "python", "x=1", "run"))
	if status != 429 || h.Get("Retry-After") == "" {
		t.Errorf("second run within the hour: %d, Retry-After %q; want 429", status, h.Get("Retry-After"))
	}
	if d.dump(t) != before {
		t.Error("a refused run changed the database")
	}
	// Bob is not held back by Alice.
	if status, _, body := d.call(t, "Bearer "+d.tokens["bob"], "POST", "/api/v1/submissions", js, submitBody("two-sum", "python", "x=1", "")); status != 202 {
		t.Errorf("bob's submit: %d %s", status, body)
	}

	// Concurrent duplicates: the same request with one Idempotency-Key
	// stores one submission; without a key, the rate limit lets one through.
	carol := "Bearer " + d.tokens["carol"]
	var wg sync.WaitGroup
	var mu sync.Mutex
	statuses := map[int]int{}
	ids := map[string]bool{}
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest("POST", d.url+"/api/v1/submissions", strings.NewReader(submitBody("two-sum", "python", "x=1", "")))
			req.Header.Set("Content-Type", js)
			req.Header.Set("Authorization", carol)
			req.Header.Set("Idempotency-Key", "carol-retry-1")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			defer resp.Body.Close()
			var r api.SubmitResponse
			json.NewDecoder(resp.Body).Decode(&r)
			mu.Lock()
			statuses[resp.StatusCode]++
			ids[strconv.FormatInt(r.ID, 10)] = true
			mu.Unlock()
		}()
	}
	wg.Wait()
	if statuses[202] != 1 || statuses[200]+statuses[202] != 20 || len(ids) != 1 {
		t.Errorf("20 concurrent submits with one key: statuses %v, ids %v; want one 202, the rest 200 with the same id", statuses, ids)
	}
	// Without a key, against SubmitEvery of a millisecond and five a minute:
	// Carol used one; four more get through.
	statuses = map[int]int{}
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, _, _ := d.call(t, carol, "POST", "/api/v1/submissions", js, submitBody("two-sum", "python", "x=1", ""))
			mu.Lock()
			statuses[status]++
			mu.Unlock()
		}()
	}
	wg.Wait()
	if statuses[202] > 4 || statuses[202]+statuses[429] != 20 {
		t.Errorf("20 concurrent submits without a key: %v; want at most 4 accepted and the rest 429", statuses)
	}
	_, n, err := d.store.Submissions(context.Background(), storeFilterUser(t, d, "carol"))
	if err != nil || n != 1+statuses[202] {
		t.Errorf("carol has %d submissions stored, want %d", n, 1+statuses[202])
	}
}

// storeFilterUser selects the first page of user's submissions.
func storeFilterUser(t *testing.T, d *daemon, user string) store.SubmissionFilter {
	t.Helper()
	u, err := d.store.UserByName(context.Background(), user)
	if err != nil {
		t.Fatal(err)
	}
	return store.SubmissionFilter{UserID: u.ID, Limit: 100}
}

// TestAPI_features: problem pages and the caller's status, history, drafts
// kept apart per user, custom input answered by the reference solution, and
// the metrics.
func TestAPI_features(t *testing.T) {
	t.Parallel()
	needPython(t)
	d := startDaemon(t, daemonOptions{users: []string{"alice", "bob"}})
	ctx := context.Background()
	alice, bob := d.as("alice"), d.as("bob")
	p := problem(t, "two-sum")

	// Solve two-sum, fail valid-palindrome.
	ok, err := alice.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: pythonSolution(t, p)})
	if err != nil {
		t.Fatal(err)
	}
	bad, err := alice.Submit(ctx, api.SubmitRequest{Problem: "valid-palindrome", Language: "python", Code: "class Solution:\n    def isPalindrome(self, s): return False\n"})
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{ok.ID, bad.ID} {
		if sub, err := alice.WaitVerdict(ctx, id); err != nil || sub.State != api.StateDone {
			t.Fatalf("submission %d: %+v, %v", id, sub, err)
		}
	}
	status := map[string]string{}
	var total int
	for page := 1; ; page++ {
		list, err := alice.Problems(ctx, map[string][]string{"per_page": {"7"}, "page": {strconv.Itoa(page)}})
		if err != nil {
			t.Fatal(err)
		}
		if list.PerPage != 7 || list.Page.Page != page || len(list.Problems) > 7 {
			t.Fatalf("page %d: %+v", page, list.Page)
		}
		total = list.Total
		if len(list.Problems) == 0 {
			break
		}
		for _, s := range list.Problems {
			status[s.Slug] = s.Status
		}
	}
	if len(status) != total || total < 25 {
		t.Errorf("pages held %d problems, total %d", len(status), total)
	}
	if status["two-sum"] != api.StatusSolved || status["valid-palindrome"] != api.StatusAttempted || status["transpose-matrix"] != api.StatusNotStarted {
		t.Errorf("alice's status: two-sum %s, valid-palindrome %s, transpose-matrix %s", status["two-sum"], status["valid-palindrome"], status["transpose-matrix"])
	}
	solved, err := alice.Problems(ctx, map[string][]string{"status": {"solved"}})
	if err != nil || solved.Total != 1 || solved.Problems[0].Slug != "two-sum" {
		t.Errorf("solved filter: %+v, %v", solved, err)
	}
	if list, _ := bob.Problems(ctx, map[string][]string{"status": {"solved"}}); list == nil || list.Total != 0 {
		t.Errorf("bob sees alice's solved problems: %+v", list)
	}

	// History: own submissions only, newest first, without code.
	hist, err := alice.Submissions(ctx, map[string][]string{"per_page": {"1"}})
	if err != nil || hist.Total != 2 || len(hist.Submissions) != 1 || hist.Submissions[0].ID != bad.ID || hist.Submissions[0].Code != "" {
		t.Errorf("alice's history page 1: %+v, %v", hist, err)
	}
	if h, _ := bob.Submissions(ctx, nil); h == nil || h.Total != 0 {
		t.Errorf("bob's history: %+v", h)
	}

	// Drafts: each user has their own.
	if _, err := alice.SaveDraft(ctx, "two-sum", "python", "# alice\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := bob.SaveDraft(ctx, "two-sum", "python", "# bob\n"); err != nil {
		t.Fatal(err)
	}
	if dr, err := alice.Draft(ctx, "two-sum", "python"); err != nil || dr.Code != "# alice\n" {
		t.Errorf("alice's draft: %+v, %v", dr, err)
	}
	if dr, err := bob.Draft(ctx, "two-sum", "python"); err != nil || dr.Code != "# bob\n" {
		t.Errorf("bob's draft: %+v, %v", dr, err)
	}

	// Custom input: the reference solution's answer is the expected one.
	var input []map[string]json.RawMessage
	json.Unmarshal([]byte(`[{"nums":[5,7,1],"target":8}]`), &input)
	wrong := "class Solution:\n    def twoSum(self, nums, target):\n        return [0, 1]\n"
	run, err := alice.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: wrong, Mode: api.ModeRun, Input: input})
	if err != nil {
		t.Fatal(err)
	}
	sub, err := alice.WaitVerdict(ctx, run.ID)
	if err != nil {
		t.Fatal(err)
	}
	last := sub.Result.Tests[len(sub.Result.Tests)-1]
	if len(sub.Result.Tests) != len(p.Samples())+1 || last.Verdict != api.WrongAnswer ||
		string(last.Expected) != "[1,2]" || string(last.Actual) != "[0,1]" {
		t.Errorf("custom test: %+v", last)
	}

	// The metrics count what happened.
	status2, _, body := d.call(t, "", "GET", "/metrics", "", "")
	for _, want := range []string{`judge_verdicts_total{language="python",mode="submit",verdict="AC"} 1`,
		`judge_verdicts_total{language="python",mode="submit",verdict="WA"} 1`,
		"judge_queue_depth 0", "judge_verdict_latency_seconds_bucket", `judge_submissions_total{language="python",mode="run"} 1`} {
		if status2 != 200 || !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}
