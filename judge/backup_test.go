package judge_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/store"
)

// TestAPI_backup: an admin's GET /api/v1/admin/backup, taken while users
// submit, streams a database that passes the checks and holds every
// submission acknowledged (202) before the request, with its problem,
// language and user; others may not take one.
func TestAPI_backup(t *testing.T) {
	t.Parallel()
	users := []string{"alice", "bob", "carol", "dave"}
	d := startDaemon(t, daemonOptions{noQueue: true, users: users})
	ctx := context.Background()

	type acked struct {
		id   int64
		user string
		lang string
		at   time.Time
	}
	var (
		mu   sync.Mutex
		subs []acked
		wg   sync.WaitGroup
	)
	stop := make(chan struct{})
	langs := []string{"python", "cpp"}
	for i, name := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := d.as(name)
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				lang := langs[(i+n)%2]
				res, err := c.Submit(ctx, api.SubmitRequest{Problem: "two-sum", Language: lang, Code: fmt.Sprintf("# %s %d\n", name, n)})
				if err != nil {
					t.Errorf("submit as %s: %v", name, err)
					return
				}
				mu.Lock()
				subs = append(subs, acked{id: res.ID, user: name, lang: lang, at: time.Now()})
				mu.Unlock()
			}
		}()
	}
	time.Sleep(300 * time.Millisecond)

	file := filepath.Join(t.TempDir(), "backup.db")
	out, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	info, err := d.client.Backup(ctx, out)
	out.Close()
	time.Sleep(100 * time.Millisecond)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatalf("Backup: %v", err)
	}

	checked, err := store.Inspect(ctx, file)
	if err != nil {
		t.Fatalf("the backup does not pass the checks: %v", err)
	}
	if checked.Submissions != info.Submissions || checked.Schema != info.Schema || checked.Size != info.Size {
		t.Errorf("the daemon said %+v, the file holds %+v", info, checked)
	}
	if info.TakenAt.Before(began.Add(-time.Second)) || info.TakenAt.After(time.Now()) {
		t.Errorf("taken at %v, requested at %v", info.TakenAt, began)
	}
	b, err := store.Open(ctx, file)
	if err != nil {
		t.Fatalf("open the backup as a store: %v", err)
	}
	defer b.Close()
	ids := map[string]int64{}
	for _, name := range users {
		u, err := b.UserByName(ctx, name)
		if err != nil {
			t.Fatalf("user %s is not in the backup: %v", name, err)
		}
		ids[name] = u.ID
	}
	before := 0
	for _, s := range subs {
		if !s.at.Before(began) {
			continue
		}
		before++
		got, err := b.Submission(ctx, s.id)
		if err != nil {
			t.Errorf("submission %d, acknowledged before the backup, is not in it: %v", s.id, err)
			continue
		}
		if got.Problem != "two-sum" || got.Language != s.lang || got.UserID != ids[s.user] {
			t.Errorf("submission %d in the backup: %s in %s by user %d; want two-sum in %s by %s (%d)",
				s.id, got.Problem, got.Language, got.UserID, s.lang, s.user, ids[s.user])
		}
	}
	if before == 0 || int64(len(subs)) <= info.Submissions {
		t.Errorf("%d of %d submissions acknowledged before the backup, which holds %d; the test wants submissions on both sides",
			before, len(subs), info.Submissions)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(d.dbPath), ".*")); len(left) > 0 {
		t.Errorf("the backup left %v in the data directory", left)
	}
	t.Logf("backup of %d bytes, %d submissions (%d acknowledged before it, %d in all), taken in %v",
		info.Size, info.Submissions, before, len(subs), info.Took)

	for _, tc := range []struct {
		name string
		err  error
		code string
	}{
		{"a user", func() error { _, err := d.as("alice").Backup(ctx, io.Discard); return err }(), api.CodeForbidden},
		{"no token", func() error { _, err := d.as("nobody").Backup(ctx, io.Discard); return err }(), api.CodeUnauthorized},
	} {
		var ae *api.Error
		if !errors.As(tc.err, &ae) || ae.Code != tc.code {
			t.Errorf("backup by %s: %v; want %s", tc.name, tc.err, tc.code)
		}
	}
}
