package judge_test

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"testing"
	"time"

	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/client"
)

func ptr[T any](v T) *T { return &v }

// apiCode returns the API error code and status of err, or "" and 0.
func apiCode(err error) (string, int) {
	var e *api.Error
	if errors.As(err, &e) {
		return e.Code, e.Status
	}
	return "", 0
}

// TestAPI_contest runs a contest through the API with real judging: hidden
// problems before the start, registration, counted and practice
// submissions, the ICPC board with its ETag, the freeze and the reveal.
func TestAPI_contest(t *testing.T) {
	needPython(t)
	d := startDaemon(t, daemonOptions{users: []string{"alice", "bob", "carol"}})
	ctx := context.Background()
	p := problem(t, "two-sum")
	good := pythonSolution(t, p)
	var wrong string
	for _, w := range p.Wrong {
		if w.Verdict == "WA" {
			wrong = w.Code
		}
	}
	alice, bob, carol := d.as("alice"), d.as("bob"), d.as("carol")

	// Only admins create contests; bad definitions say what is wrong.
	if _, err := alice.CreateContest(ctx, api.ContestRequest{Title: ptr("x")}); !is(err, api.CodeForbidden) {
		t.Errorf("create by a user: %v", err)
	}
	for name, req := range map[string]api.ContestRequest{
		"no title":        {StartAt: ptr(time.Now()), DurationS: ptr(int64(3600)), Problems: []api.ContestProblem{{Problem: "two-sum"}}},
		"unknown problem": {Title: ptr("x"), StartAt: ptr(time.Now()), DurationS: ptr(int64(3600)), Problems: []api.ContestProblem{{Problem: "nope"}}},
		"freeze too long": {Title: ptr("x"), StartAt: ptr(time.Now()), DurationS: ptr(int64(3600)), FreezeS: ptr(int64(7200)), Problems: []api.ContestProblem{{Problem: "two-sum"}}},
		"bad label":       {Title: ptr("x"), StartAt: ptr(time.Now()), DurationS: ptr(int64(3600)), Problems: []api.ContestProblem{{Label: "a'; DROP", Problem: "two-sum"}}},
		"twice":           {Title: ptr("x"), StartAt: ptr(time.Now()), DurationS: ptr(int64(3600)), Problems: []api.ContestProblem{{Problem: "two-sum"}, {Problem: "two-sum"}}},
		"scoring":         {Title: ptr("x"), StartAt: ptr(time.Now()), DurationS: ptr(int64(3600)), Scoring: ptr("ioi"), Problems: []api.ContestProblem{{Problem: "two-sum"}}},
	} {
		if _, err := d.client.CreateContest(ctx, req); !is(err, api.CodeBadInput) {
			t.Errorf("create, %s: %v", name, err)
		}
	}

	// Upcoming: the problems are hidden from users, not from admins.
	c, err := d.client.CreateContest(ctx, api.ContestRequest{
		Title: ptr("Weekly 1"), StartAt: ptr(time.Now().Add(time.Hour)), DurationS: ptr(int64(7200)),
		Problems: []api.ContestProblem{{Problem: "two-sum"}, {Problem: "valid-palindrome"}},
	})
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	if c.State != api.ContestUpcoming || len(c.Problems) != 2 || c.Problems[0].Label != "A" || c.Problems[1].Label != "B" {
		t.Fatalf("created = %+v", c)
	}
	seen, err := alice.Contest(ctx, c.ID)
	if err != nil || len(seen.Problems) != 0 || seen.ProblemCount != 2 {
		t.Errorf("upcoming contest as a user = %+v, %v; want its problems hidden", seen, err)
	}
	if _, err := alice.Problem(ctx, "two-sum"); !is(err, api.CodeUnknownProblem) {
		t.Errorf("hidden problem: %v", err)
	}
	if list, err := alice.Problems(ctx, nil); err != nil || hasProblem(list, "two-sum") || !hasProblem(list, "climbing-stairs") {
		t.Errorf("problem list as a user: %v; want two-sum hidden, the others listed", err)
	}
	if list, err := d.client.Problems(ctx, nil); err != nil || !hasProblem(list, "two-sum") {
		t.Errorf("problem list as admin: %v; want two-sum", err)
	}
	if _, err := alice.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: good}); !is(err, api.CodeUnknownProblem) {
		t.Errorf("submit to a hidden problem: %v", err)
	}

	// Registration, and no submissions before the start.
	for _, u := range []*client.Client{alice, bob} {
		if r, err := u.Register(ctx, c.ID); err != nil || !r.Registered {
			t.Fatalf("register: %+v, %v", r, err)
		}
	}
	if r, err := alice.Register(ctx, c.ID); err != nil || r.Participants != 2 {
		t.Errorf("register again: %+v, %v", r, err)
	}
	c, err = d.client.UpdateContest(ctx, c.ID, api.ContestRequest{StartAt: ptr(time.Now().Add(2 * time.Second))})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.client.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: good, Contest: c.ID}); !is(err, api.CodeNotRegistered) {
		t.Errorf("submit by a non-participant: %v", err)
	}
	if _, err := alice.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: good, Contest: c.ID}); !is(err, api.CodeContestClosed) {
		t.Errorf("submit before the start: %v", err)
	}
	time.Sleep(time.Until(c.StartAt))

	// Running: alice gets WA then AC on A, bob AC on A; carol may not take
	// part without registering.
	submit := func(u *client.Client, code string, want api.Verdict) *api.Submission {
		t.Helper()
		r, err := u.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: code, Contest: c.ID})
		if err != nil || r.Contest != c.ID {
			t.Fatalf("contest submit: %+v, %v", r, err)
		}
		sub := d.await(t, r.ID)
		if sub.Result == nil || sub.Result.Verdict != want || sub.Contest != c.ID {
			t.Fatalf("verdict %+v in contest %d, want %s in %d", sub.Result, sub.Contest, want, c.ID)
		}
		return sub
	}
	if _, err := carol.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: good, Contest: c.ID}); !is(err, api.CodeNotRegistered) {
		t.Errorf("submit without registering: %v", err)
	}
	if _, err := alice.Submit(ctx, api.SubmitRequest{Problem: "climbing-stairs", Language: "python", Code: good, Contest: c.ID}); !is(err, api.CodeUnknownProblem) {
		t.Errorf("submit of a problem not in the contest: %v", err)
	}
	if _, err := alice.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: good, Contest: 999}); !is(err, api.CodeUnknownContest) {
		t.Errorf("submit to no contest: %v", err)
	}
	submit(alice, wrong, api.WrongAnswer)
	aliceAC := submit(alice, good, api.Accepted)
	bobAC := submit(bob, good, api.Accepted)
	minutes := func(s *api.Submission) int { return int(s.CreatedAt.Sub(c.StartAt) / time.Minute) }

	lb, etag, err := carol.Leaderboard(ctx, c.ID, 1, 10, "")
	if err != nil || etag == "" {
		t.Fatalf("leaderboard: %v (etag %q)", err, etag)
	}
	if lb.Total != 2 || len(lb.Rows) != 2 || lb.Me != nil || lb.Frozen || len(lb.Labels) != 2 {
		t.Fatalf("leaderboard = %+v", lb)
	}
	if r := lb.Rows[0]; r.User != "bob" || r.Rank != 1 || r.Solved != 1 || r.Penalty != minutes(bobAC) {
		t.Errorf("first row %+v, want bob with %d", r, minutes(bobAC))
	}
	if r := lb.Rows[1]; r.User != "alice" || r.Rank != 2 || r.Penalty != minutes(aliceAC)+20 ||
		r.Problems[0] != (api.LeaderboardCell{Solved: true, Minutes: minutes(aliceAC), Rejected: 1}) {
		t.Errorf("second row %+v, want alice with %d + 20", r, minutes(aliceAC))
	}
	// Polling with the ETag costs nothing while nothing changes; a
	// verdict changes it.
	if again, tag, err := carol.Leaderboard(ctx, c.ID, 1, 10, etag); err != nil || again != nil || tag != etag {
		t.Errorf("leaderboard with its ETag: %+v, %q, %v; want 304", again, tag, err)
	}
	status, _, _ := d.call(t, "Bearer "+d.tokens["carol"], "GET", "/api/v1/contests/1/leaderboard?page=1&per_page=10", "", "")
	if status != http.StatusOK {
		t.Errorf("without If-None-Match: %d", status)
	}
	submit(bob, wrong, api.WrongAnswer) // after the accept: no change to the score
	if again, _, err := carol.Leaderboard(ctx, c.ID, 1, 10, etag); err != nil || again != nil {
		t.Errorf("a rejection after an accept changed the board: %+v, %v", again, err)
	}
	if _, err := carol.Register(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	lb, tag, err := carol.Leaderboard(ctx, c.ID, 1, 10, etag)
	if err != nil || lb == nil || tag == etag || lb.Total != 3 || lb.Me == nil || lb.Me.Rank != 3 {
		t.Fatalf("after carol registered: %+v, %q, %v", lb, tag, err)
	}

	// The freeze: the whole contest so far is in it. The public board
	// shows alice's and bob's tries as pending; alice sees her own row in
	// full; the admin sees everything; the reveal shows it to all.
	if _, err := d.client.UpdateContest(ctx, c.ID, api.ContestRequest{FreezeS: ptr(int64(7200))}); err != nil {
		t.Fatal(err)
	}
	lb, _, err = alice.Leaderboard(ctx, c.ID, 1, 10, "")
	if err != nil || !lb.Frozen || lb.Rows[0].Solved != 0 || lb.Rows[0].Rank != 1 || lb.Rows[2].Rank != 1 {
		t.Fatalf("frozen board = %+v, %v", lb, err)
	}
	for _, r := range lb.Rows {
		if r.User == "alice" && r.Problems[0] != (api.LeaderboardCell{Pending: 2}) {
			t.Errorf("alice's public cell = %+v, want 2 pending", r.Problems[0])
		}
	}
	if lb.Me == nil || lb.Me.Solved != 1 || lb.Me.Rank != 1 || !lb.Me.Problems[0].Solved {
		t.Errorf("alice's own row while frozen = %+v", lb.Me)
	}
	full, _, err := d.client.Leaderboard(ctx, c.ID, 1, 10, "")
	if err != nil || full.Frozen || full.Rows[0].User != "bob" || full.Rows[0].Solved != 1 {
		t.Errorf("admin's board while frozen = %+v, %v", full, err)
	}
	if _, err := alice.Reveal(ctx, c.ID); !is(err, api.CodeForbidden) {
		t.Errorf("reveal by a user: %v", err)
	}
	if _, err := d.client.Reveal(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	lb, _, err = alice.Leaderboard(ctx, c.ID, 1, 10, "")
	if err != nil || lb.Frozen || lb.Rows[0].User != "bob" || lb.Rows[1].User != "alice" || lb.Rows[1].Problems[0].Rejected != 1 {
		t.Errorf("revealed board = %+v, %v", lb, err)
	}

	// A restarted daemon rebuilds the same boards from the database, as
	// admins and as participants see them.
	again := startDaemon(t, daemonOptions{reopen: d, noQueue: true})
	for _, user := range []string{"admin", "alice", "carol"} {
		before, _, err1 := d.as(user).Leaderboard(ctx, c.ID, 1, 10, "")
		after, _, err2 := again.as(user).Leaderboard(ctx, c.ID, 1, 10, "")
		if err1 != nil || err2 != nil || !reflect.DeepEqual(before, after) {
			t.Errorf("%s's board after a restart:\n got %+v, %v\nwant %+v, %v", user, after, err2, before, err1)
		}
	}

	// Ended: registration closes; submissions are practice.
	c, err = d.client.UpdateContest(ctx, c.ID, api.ContestRequest{StartAt: ptr(time.Now().Add(-3 * time.Hour))})
	if err != nil || c.State != api.ContestEnded {
		t.Fatalf("end the contest: %+v, %v", c, err)
	}
	if _, err := d.as("admin").Register(ctx, c.ID); !is(err, api.CodeContestClosed) {
		t.Errorf("register after the end: %v", err)
	}
	r, err := alice.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: good, Contest: c.ID})
	if err != nil || r.Contest != 0 {
		t.Fatalf("submit after the end: %+v, %v; want practice", r, err)
	}
	d.await(t, r.ID)
	if _, err := alice.Contest(ctx, 42); !is(err, api.CodeUnknownContest) {
		t.Errorf("unknown contest: %v", err)
	}
	list, err := carol.Contests(ctx)
	if err != nil || len(list.Contests) != 1 || !list.Contests[0].Registered || list.Contests[0].Participants != 3 {
		t.Errorf("contest list = %+v, %v", list, err)
	}
}

func is(err error, code string) bool {
	c, _ := apiCode(err)
	return c == code
}

func hasProblem(l *api.ProblemList, slug string) bool {
	for _, p := range l.Problems {
		if p.Slug == slug {
			return true
		}
	}
	return false
}
