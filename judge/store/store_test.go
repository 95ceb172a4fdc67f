package store

import (
	"context"
	"errors"
	"path/filepath"
	"sort"
	"sync"
	"testing"
)

// openTest opens a store in a fresh temporary directory, closed when the test
// ends.
func openTest(tb testing.TB) (*Store, string) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "judge.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s, path
}

func TestMigrations(t *testing.T) {
	t.Parallel()
	ms, err := Migrations()
	if err != nil {
		t.Fatalf("Migrations: %v", err)
	}
	if len(ms) == 0 {
		t.Fatal("no migrations")
	}
	for i, m := range ms {
		if m.Version != i+1 {
			t.Errorf("migration %d has version %d; want versions 1, 2, ... without gaps", i, m.Version)
		}
		if m.Name == "" || m.Up == "" {
			t.Errorf("migration %d: name %q, %d bytes of SQL", m.Version, m.Name, len(m.Up))
		}
	}
}

func TestOpen_migratesOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ms, err := Migrations()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "judge.db")

	s1, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("first Open: %v", err)
	}
	sub, err := createSub(s1, ctx, "two-sum", "python", "code", "submit")
	if err != nil {
		t.Fatalf("CreateSubmission: %v", err)
	}
	if err := s1.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	// Reopening applies nothing again and keeps the data.
	for i := 0; i < 2; i++ {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("reopen %d: %v", i+1, err)
		}
		var n, maxVersion int
		if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*), MAX(version) FROM migrations`).Scan(&n, &maxVersion); err != nil {
			t.Fatalf("count migrations: %v", err)
		}
		if n != len(ms) || maxVersion != ms[len(ms)-1].Version {
			t.Errorf("reopen %d: %d migration rows up to version %d, want %d up to %d",
				i+1, n, maxVersion, len(ms), ms[len(ms)-1].Version)
		}
		got, err := s.Submission(ctx, sub.ID)
		if err != nil || got.Code != "code" {
			t.Errorf("reopen %d: Submission(%d) = %+v, %v; want the stored row", i+1, sub.ID, got, err)
		}
		s.Close()
	}
}

func TestOpen_twiceAtOnce(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s1, path := openTest(t)
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("second Open of an open database: %v", err)
	}
	defer s2.Close()
	sub, err := createSub(s1, ctx, "two-sum", "python", "x", "submit")
	if err != nil {
		t.Fatal(err)
	}
	if got, err := s2.Submission(ctx, sub.ID); err != nil || got.ID != sub.ID {
		t.Errorf("the second handle does not see the first's row: %+v, %v", got, err)
	}
}

func TestStore_CreateSubmission(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTest(t)
	a, err := createSub(s, ctx, "two-sum", "python", "print(1)\n", "run")
	if err != nil {
		t.Fatalf("CreateSubmission: %v", err)
	}
	if a.ID <= 0 || a.Problem != "two-sum" || a.Language != "python" || a.Code != "print(1)\n" ||
		a.Mode != "run" || a.State != Queued || a.Verdict != "" || a.Attempts != 0 || a.Result != "" {
		t.Errorf("created = %+v", a)
	}
	if a.CreatedAt.IsZero() || a.StartedAt != nil || a.FinishedAt != nil {
		t.Errorf("times: created %v, started %v, finished %v", a.CreatedAt, a.StartedAt, a.FinishedAt)
	}
	b, err := createSub(s, ctx, "two-sum", "python", "x", "submit")
	if err != nil {
		t.Fatal(err)
	}
	if b.ID <= a.ID {
		t.Errorf("second id %d not after first %d", b.ID, a.ID)
	}
	got, err := s.Submission(ctx, a.ID)
	if err != nil {
		t.Fatalf("Submission: %v", err)
	}
	if *got != *a {
		t.Errorf("Submission = %+v, want %+v", got, a)
	}
	if _, err := s.Submission(ctx, b.ID+100); !errors.Is(err, ErrNotFound) {
		t.Errorf("Submission(missing) err = %v, want ErrNotFound", err)
	}
	if n, err := s.QueueDepth(ctx); err != nil || n != 2 {
		t.Errorf("QueueDepth = %d, %v; want 2", n, err)
	}
}

func TestStore_ClaimNext(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTest(t)

	if sub, err := s.ClaimNext(ctx); !errors.Is(err, ErrNotFound) {
		t.Fatalf("ClaimNext on an empty queue = %+v, %v; want ErrNotFound", sub, err)
	}

	var ids []int64
	for i := 0; i < 3; i++ {
		sub, err := createSub(s, ctx, "two-sum", "python", "x", "submit")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, sub.ID)
	}
	for _, want := range ids {
		sub, err := s.ClaimNext(ctx)
		if err != nil {
			t.Fatalf("ClaimNext: %v", err)
		}
		if sub.ID != want {
			t.Errorf("claimed %d, want the oldest queued, %d", sub.ID, want)
		}
		if sub.State != Running || sub.Attempts != 1 || sub.StartedAt == nil {
			t.Errorf("claimed = state %q, attempts %d, started %v; want running, 1, set", sub.State, sub.Attempts, sub.StartedAt)
		}
		if got, _ := s.Submission(ctx, sub.ID); got == nil || got.State != Running {
			t.Errorf("stored state after claim = %+v, want running", got)
		}
	}
	if sub, err := s.ClaimNext(ctx); !errors.Is(err, ErrNotFound) {
		t.Errorf("ClaimNext with everything running = %+v, %v; want ErrNotFound", sub, err)
	}
	if n, err := s.QueueDepth(ctx); err != nil || n != 0 {
		t.Errorf("QueueDepth = %d, %v; want 0", n, err)
	}
}

func TestStore_ClaimNext_concurrent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTest(t)
	const n = 40
	for i := 0; i < n; i++ {
		if _, err := createSub(s, ctx, "two-sum", "python", "x", "submit"); err != nil {
			t.Fatal(err)
		}
	}
	var (
		mu      sync.Mutex
		claimed []int64
		wg      sync.WaitGroup
	)
	errs := make(chan error, 8)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				sub, err := s.ClaimNext(ctx)
				if errors.Is(err, ErrNotFound) {
					return
				}
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				claimed = append(claimed, sub.ID)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("ClaimNext: %v", err)
	}
	sort.Slice(claimed, func(i, j int) bool { return claimed[i] < claimed[j] })
	if len(claimed) != n {
		t.Fatalf("claimed %d submissions, want %d", len(claimed), n)
	}
	for i := 1; i < len(claimed); i++ {
		if claimed[i] == claimed[i-1] {
			t.Errorf("submission %d claimed twice", claimed[i])
		}
	}
}

func TestStore_Finish(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTest(t)
	sub, err := createSub(s, ctx, "two-sum", "python", "x", "submit")
	if err != nil {
		t.Fatal(err)
	}

	// A queued submission cannot be finished.
	if err := s.Finish(ctx, sub.ID, "AC", `{"verdict":"AC"}`); !errors.Is(err, ErrNotFound) {
		t.Errorf("Finish of a queued submission: err = %v, want ErrNotFound", err)
	}
	if got, _ := s.Submission(ctx, sub.ID); got == nil || got.State != Queued || got.Verdict != "" {
		t.Errorf("after a refused Finish: %+v, want still queued without a verdict", got)
	}

	if _, err := s.ClaimNext(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Finish(ctx, sub.ID, "WA", `{"verdict":"WA"}`); err != nil {
		t.Fatalf("Finish: %v", err)
	}
	got, err := s.Submission(ctx, sub.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.State != Done || got.Verdict != "WA" || got.Result != `{"verdict":"WA"}` || got.FinishedAt == nil {
		t.Errorf("finished = %+v", got)
	}

	// The verdict is recorded once: a second Finish changes nothing.
	if err := s.Finish(ctx, sub.ID, "AC", `{"verdict":"AC"}`); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Finish: err = %v, want ErrNotFound", err)
	}
	again, _ := s.Submission(ctx, sub.ID)
	if again == nil || again.Verdict != "WA" || again.Result != `{"verdict":"WA"}` {
		t.Errorf("after a second Finish: %+v, want the first verdict kept", again)
	}

	// A done submission is not requeued nor claimed again.
	if err := s.Requeue(ctx, sub.ID); err != nil {
		t.Errorf("Requeue of a done submission: %v", err)
	}
	if n, err := s.RequeueRunning(ctx); err != nil || n != 0 {
		t.Errorf("RequeueRunning = %d, %v; want 0", n, err)
	}
	if c, err := s.ClaimNext(ctx); !errors.Is(err, ErrNotFound) {
		t.Errorf("ClaimNext after Finish = %+v, %v; want ErrNotFound", c, err)
	}
	if err := s.Finish(ctx, sub.ID+100, "AC", "{}"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Finish of a missing submission: err = %v, want ErrNotFound", err)
	}
}

func TestStore_Requeue(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTest(t)
	a, _ := createSub(s, ctx, "two-sum", "python", "a", "submit")
	b, _ := createSub(s, ctx, "two-sum", "python", "b", "submit")
	if a == nil || b == nil {
		t.Fatal("CreateSubmission failed")
	}

	claimed, err := s.ClaimNext(ctx)
	if err != nil || claimed.ID != a.ID {
		t.Fatalf("ClaimNext = %+v, %v; want %d", claimed, err, a.ID)
	}
	if err := s.Requeue(ctx, a.ID); err != nil {
		t.Fatalf("Requeue: %v", err)
	}
	got, _ := s.Submission(ctx, a.ID)
	if got == nil || got.State != Queued || got.Attempts != 1 {
		t.Errorf("after Requeue: %+v, want queued with 1 attempt counted", got)
	}
	// A requeued submission keeps its place: it is older than b.
	again, err := s.ClaimNext(ctx)
	if err != nil || again.ID != a.ID || again.Attempts != 2 {
		t.Errorf("ClaimNext after Requeue = %+v, %v; want %d on attempt 2", again, err, a.ID)
	}

	// Requeue of a queued submission leaves it alone.
	if err := s.Requeue(ctx, b.ID); err != nil {
		t.Errorf("Requeue of a queued submission: %v", err)
	}
	if got, _ := s.Submission(ctx, b.ID); got == nil || got.State != Queued || got.Attempts != 0 {
		t.Errorf("queued submission after Requeue: %+v", got)
	}
}

func TestStore_RequeueRunning(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := openTest(t)
	for i := 0; i < 4; i++ {
		if _, err := createSub(s, ctx, "two-sum", "python", "x", "submit"); err != nil {
			t.Fatal(err)
		}
	}
	// Two running, one done, one queued.
	r1, _ := s.ClaimNext(ctx)
	r2, _ := s.ClaimNext(ctx)
	d, _ := s.ClaimNext(ctx)
	if r1 == nil || r2 == nil || d == nil {
		t.Fatal("ClaimNext failed")
	}
	if err := s.Finish(ctx, d.ID, "AC", "{}"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// As after a crash: a new process opens the database and recovers.
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	n, err := s2.RequeueRunning(ctx)
	if err != nil || n != 2 {
		t.Fatalf("RequeueRunning = %d, %v; want 2", n, err)
	}
	if depth, _ := s2.QueueDepth(ctx); depth != 3 {
		t.Errorf("QueueDepth = %d, want 3", depth)
	}
	if got, _ := s2.Submission(ctx, d.ID); got == nil || got.State != Done || got.Verdict != "AC" {
		t.Errorf("done submission after RequeueRunning: %+v", got)
	}
	for _, id := range []int64{r1.ID, r2.ID} {
		got, _ := s2.Submission(ctx, id)
		if got == nil || got.State != Queued || got.Attempts != 1 {
			t.Errorf("submission %d after RequeueRunning: %+v, want queued with 1 attempt", id, got)
		}
	}
	if n, err := s2.RequeueRunning(ctx); err != nil || n != 0 {
		t.Errorf("second RequeueRunning = %d, %v; want 0", n, err)
	}
	// Finish of a requeued submission is refused until it is claimed again.
	if err := s2.Finish(ctx, r1.ID, "AC", "{}"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Finish of a requeued submission: err = %v, want ErrNotFound", err)
	}
}

// createSub stores an anonymous submission.
func createSub(s *Store, ctx context.Context, problem, language, code, mode string) (*Submission, error) {
	sub, _, err := s.CreateSubmission(ctx, NewSubmission{Problem: problem, Language: language, Code: code, Mode: mode})
	return sub, err
}
