package judge

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/leaderboard"
	"github.com/judgehq/judge/judge/store"
)

// TestContests_rebuild judges a random stream of contest submissions in a
// random order, recording each verdict as the queue does, then builds the
// boards again from the database as a restarted daemon does, and checks
// that both give the same standings, public and full, before and after the
// reveal.
func TestContests_rebuild(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "judge.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	start := time.Now().Add(-2 * time.Hour).Truncate(time.Second)
	c, err := st.CreateContest(ctx, store.Contest{
		Title: "rebuild", StartAt: start, Duration: 3 * time.Hour, Freeze: 90 * time.Minute, Scoring: api.ScoringICPC,
		Problems: []store.ContestProblem{{Label: "A", Problem: "a"}, {Label: "B", Problem: "b"}, {Label: "C", Problem: "c"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	live, err := LoadContests(ctx, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	ct := live.get(c.ID)
	var users []int64
	for i := 0; i < 60; i++ {
		u, err := st.CreateUser(ctx, fmt.Sprintf("user%02d", i), store.RoleUser)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Register(ctx, c.ID, u.ID); err != nil {
			t.Fatal(err)
		}
		ct.board.Add(u.ID, u.Name)
		users = append(users, u.ID)
	}
	rnd := rand.New(rand.NewPCG(5, 6))
	verdicts := []api.Verdict{api.Accepted, api.WrongAnswer, api.TimeLimit, api.CompileError, api.RuntimeError, api.InternalError}
	var subs []*store.Submission
	for i := 0; i < 600; i++ {
		sub, _, err := st.CreateSubmission(ctx, store.NewSubmission{
			UserID: users[rnd.IntN(len(users))], Problem: string(rune('a' + rnd.IntN(3))), Language: "python",
			Code: "x", Mode: api.ModeSubmit, ContestID: c.ID,
			At: start.Add(time.Duration(rnd.IntN(120*60)) * time.Second), // some in the freeze
		})
		if err != nil {
			t.Fatal(err)
		}
		subs = append(subs, sub)
	}
	// A practice submission, and a run, on the same problems: not counted.
	for _, mode := range []string{api.ModeSubmit, api.ModeRun} {
		if _, _, err := st.CreateSubmission(ctx, store.NewSubmission{UserID: users[0], Problem: "a", Language: "python", Code: "x", Mode: mode}); err != nil {
			t.Fatal(err)
		}
	}
	for {
		sub, err := st.ClaimNext(ctx)
		if err != nil {
			break
		}
		v := verdicts[rnd.IntN(len(verdicts))]
		if err := live.finish(sub, v, func() error { return st.Finish(ctx, sub.ID, string(v), "{}") }); err != nil {
			t.Fatal(err)
		}
	}
	check := func(what string) {
		t.Helper()
		rebuilt, err := LoadContests(ctx, st, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := rebuilt.get(c.ID).board
		for _, v := range []leaderboard.View{leaderboard.Public, leaderboard.Full} {
			want := live.get(c.ID).board.Standings(v)
			if g := got.Standings(v); !reflect.DeepEqual(g, want) {
				t.Errorf("%s, view %d: rebuilt standings differ", what, v)
			}
			a, _ := got.Page(v, 0, 100)
			b, _ := live.get(c.ID).board.Page(v, 0, 100)
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%s, view %d: rebuilt rows differ", what, v)
			}
		}
	}
	pub, full := ct.board.Standings(leaderboard.Public), ct.board.Standings(leaderboard.Full)
	if reflect.DeepEqual(pub, full) {
		t.Fatal("the freeze hid nothing: the test would not tell the views apart")
	}
	solved := 0
	for _, s := range full {
		solved += s.Solved
	}
	if solved == 0 || len(full) != len(users) {
		t.Fatalf("%d participants, %d solved: the stream made no board", len(full), solved)
	}
	check("frozen")
	if _, err := st.RevealContest(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	ct.board.Reveal()
	check("revealed")
}
