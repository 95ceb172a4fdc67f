package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
)

func TestStore_users(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	ctx := context.Background()
	u, tok, err := s.CreateUserWithToken(ctx, "ada", RoleAdmin, "hash-1", "first")
	if err != nil {
		t.Fatalf("CreateUserWithToken: %v", err)
	}
	if _, _, err := s.CreateUserWithToken(ctx, "ada", RoleUser, "hash-2", ""); !errors.Is(err, ErrDuplicate) {
		t.Errorf("second user ada: %v, want ErrDuplicate", err)
	}
	if _, err := s.UserByToken(ctx, "hash-2"); !errors.Is(err, ErrNotFound) {
		t.Errorf("the failed user's token exists: %v", err)
	}
	if _, err := s.CreateUser(ctx, "bob", "root"); err == nil {
		t.Error("role root accepted")
	}
	got, err := s.UserByToken(ctx, "hash-1")
	if err != nil || got.ID != u.ID || got.Role != RoleAdmin {
		t.Fatalf("UserByToken = %+v, %v", got, err)
	}
	if err := s.RevokeToken(ctx, tok.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UserByToken(ctx, "hash-1"); !errors.Is(err, ErrNotFound) {
		t.Errorf("revoked token still works: %v", err)
	}
	if err := s.RevokeToken(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("RevokeToken(999) = %v", err)
	}
	if n, _ := s.CountUsers(ctx, RoleAdmin); n != 1 {
		t.Errorf("%d admins", n)
	}
}

func TestStore_drafts(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	ctx := context.Background()
	a, _ := s.CreateUser(ctx, "a", RoleUser)
	b, _ := s.CreateUser(ctx, "b", RoleUser)
	if _, err := s.SaveDraft(ctx, a.ID, "two-sum", "python", "v1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveDraft(ctx, a.ID, "two-sum", "python", "v2"); err != nil {
		t.Fatal(err)
	}
	d, err := s.Draft(ctx, a.ID, "two-sum", "python")
	if err != nil || d.Code != "v2" {
		t.Fatalf("Draft = %+v, %v; want v2", d, err)
	}
	if _, err := s.Draft(ctx, b.ID, "two-sum", "python"); !errors.Is(err, ErrNotFound) {
		t.Errorf("b reads a's draft: %v", err)
	}
	list, err := s.Drafts(ctx, a.ID, "")
	if err != nil || len(list) != 1 || list[0].Code != "" {
		t.Errorf("Drafts = %+v, %v", list, err)
	}
}

// TestStore_fairQueue: one user's burst does not starve another user, and a
// run goes before the submits of its round.
func TestStore_fairQueue(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	ctx := context.Background()
	heavy, _ := s.CreateUser(ctx, "heavy", RoleUser)
	light, _ := s.CreateUser(ctx, "light", RoleUser)
	for i := 0; i < 100; i++ {
		if _, _, err := s.CreateSubmission(ctx, NewSubmission{UserID: heavy.ID, Problem: "p", Language: "python",
			Code: fmt.Sprint(i), Mode: "submit"}); err != nil {
			t.Fatal(err)
		}
	}
	// Ten of the burst are judged before the others arrive.
	for i := 0; i < 10; i++ {
		sub, err := s.ClaimNext(ctx)
		if err != nil || sub.UserID != heavy.ID {
			t.Fatalf("claim %d: %+v, %v", i, sub, err)
		}
		if err := s.Finish(ctx, sub.ID, "AC", "{}"); err != nil {
			t.Fatal(err)
		}
	}
	lightSub, _, _ := s.CreateSubmission(ctx, NewSubmission{UserID: light.ID, Problem: "p", Language: "python", Code: "l", Mode: "submit"})
	run, _, _ := s.CreateSubmission(ctx, NewSubmission{UserID: heavy.ID, Problem: "p", Language: "python", Code: "r", Mode: "run"})
	var order []int64
	for i := 0; i < 3; i++ {
		sub, err := s.ClaimNext(ctx)
		if err != nil {
			t.Fatal(err)
		}
		order = append(order, sub.ID)
	}
	if order[0] != run.ID {
		t.Errorf("claimed %v first, want the run %d", order[0], run.ID)
	}
	if order[1] != lightSub.ID && order[2] != lightSub.ID {
		t.Errorf("claims %v: the light user's submission %d waits behind the burst", order, lightSub.ID)
	}
}

func TestStore_idempotencyKey(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	ctx := context.Background()
	u, _ := s.CreateUser(ctx, "u", RoleUser)
	v, _ := s.CreateUser(ctx, "v", RoleUser)
	var wg sync.WaitGroup
	ids := make([]int64, 20)
	created := make([]bool, 20)
	for i := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sub, c, err := s.CreateSubmission(ctx, NewSubmission{UserID: u.ID, Problem: "p", Language: "python",
				Code: "x", Mode: "submit", IdemKey: "k1"})
			if err != nil {
				t.Error(err)
				return
			}
			ids[i], created[i] = sub.ID, c
		}()
	}
	wg.Wait()
	n := 0
	for i := range ids {
		if ids[i] != ids[0] {
			t.Errorf("submission %d has id %d, first %d", i, ids[i], ids[0])
		}
		if created[i] {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d submissions created with one key, want 1", n)
	}
	// Another user's same key is another submission.
	other, c, err := s.CreateSubmission(ctx, NewSubmission{UserID: v.ID, Problem: "p", Language: "python",
		Code: "x", Mode: "submit", IdemKey: "k1"})
	if err != nil || !c || other.ID == ids[0] {
		t.Errorf("other user's submission: %+v, %v, %v", other, c, err)
	}
}

func TestStore_problemStatus(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	ctx := context.Background()
	u, _ := s.CreateUser(ctx, "u", RoleUser)
	for _, c := range []struct{ problem, mode, verdict string }{
		{"a", "submit", "WA"}, {"a", "submit", "AC"}, {"b", "submit", "TLE"}, {"c", "run", "AC"},
	} {
		sub, _, _ := s.CreateSubmission(ctx, NewSubmission{UserID: u.ID, Problem: c.problem, Language: "python", Code: "x", Mode: c.mode})
		s.ClaimNext(ctx)
		if err := s.Finish(ctx, sub.ID, c.verdict, "{}"); err != nil {
			t.Fatal(err)
		}
	}
	st, err := s.ProblemStatus(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a": Solved, "b": Attempted}
	if fmt.Sprint(st) != fmt.Sprint(want) {
		t.Errorf("ProblemStatus = %v, want %v", st, want)
	}
}
