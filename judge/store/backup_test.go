package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// stored is a submission as a writer saw it committed.
type stored struct {
	id            int64
	user          int64
	problem       string
	called, acked time.Time
}

// fill stores n done submissions of about size bytes of code in one
// transaction, so that a snapshot has something to copy.
func fill(t *testing.T, s *Store, n, size int) {
	t.Helper()
	tx, err := s.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	code := strings.Repeat("x", size)
	for i := 0; i < n; i++ {
		if _, err := tx.Exec(`INSERT INTO submissions (problem, language, code, mode, state, verdict, created_at)
			VALUES ('two-sum', 'python', ?, 'submit', 'done', 'Accepted', ?)`, code, now()); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

// TestStore_Snapshot_concurrentWriters: a snapshot taken while goroutines
// store (and a worker judges) submissions holds every submission
// committed before it began, as of one instant, passes integrity_check,
// and opens as a store; and the writers are not held up for the
// snapshot's length.
func TestStore_Snapshot_concurrentWriters(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := openTest(t)
	fill(t, s, 20000, 2000) // about 40 MB
	var users []int64
	for i := 0; i < 8; i++ {
		u, err := s.CreateUser(ctx, fmt.Sprintf("user%d", i), RoleUser)
		if err != nil {
			t.Fatal(err)
		}
		users = append(users, u.ID)
	}

	var (
		mu     sync.Mutex
		writes []stored
		wg     sync.WaitGroup
	)
	stop := make(chan struct{})
	for i, uid := range users {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				problem := fmt.Sprintf("problem-%d-%d", i, n)
				called := time.Now()
				sub, _, err := s.CreateSubmission(ctx, NewSubmission{UserID: uid, Problem: problem,
					Language: "python", Code: strings.Repeat("y", 1000), Mode: "submit"})
				if err != nil {
					t.Errorf("CreateSubmission: %v", err)
					return
				}
				mu.Lock()
				writes = append(writes, stored{id: sub.ID, user: uid, problem: problem, called: called, acked: time.Now()})
				mu.Unlock()
			}
		}()
	}
	// A worker judges meanwhile, so rows change as well as appear.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			if sub, err := s.ClaimNext(ctx); err == nil {
				s.Finish(ctx, sub.ID, "Accepted", "{}")
			}
		}
	}()

	time.Sleep(300 * time.Millisecond)
	dst := filepath.Join(t.TempDir(), "backup.db")
	began := time.Now()
	info, err := s.Snapshot(ctx, dst)
	ended := time.Now()
	time.Sleep(100 * time.Millisecond)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatalf("Snapshot: %v", err)
	}

	checked, err := Inspect(ctx, dst)
	if err != nil {
		t.Fatalf("Inspect of the snapshot: %v", err)
	}
	if checked.Submissions != info.Submissions || checked.Size != info.Size {
		t.Errorf("Inspect says %d submissions in %d bytes, Snapshot said %d in %d", checked.Submissions, checked.Size, info.Submissions, info.Size)
	}
	b, err := Open(ctx, dst)
	if err != nil {
		t.Fatalf("Open the snapshot: %v", err)
	}
	defer b.Close()

	var before, during, after int
	for _, w := range writes {
		got, err := b.Submission(ctx, w.id)
		switch {
		case w.acked.Before(began):
			before++
			if err != nil {
				t.Errorf("submission %d, committed before the snapshot began, is not in it: %v", w.id, err)
			} else if got.UserID != w.user || got.Problem != w.problem || got.Language != "python" {
				t.Errorf("submission %d in the snapshot: user %d, %s, %s; want user %d, %s, python", w.id, got.UserID, got.Problem, got.Language, w.user, w.problem)
			}
		case w.called.After(ended):
			after++
			if err == nil {
				t.Errorf("submission %d, stored after the snapshot ended, is in it", w.id)
			}
		default:
			during++
		}
	}
	// One instant: ids are handed out in commit order, so the snapshot
	// holds exactly 1..max.
	var n, maxID int64
	if err := b.db.QueryRowContext(ctx, `SELECT COUNT(*), MAX(id) FROM submissions`).Scan(&n, &maxID); err != nil {
		t.Fatal(err)
	}
	if n != maxID || n != info.Submissions {
		t.Errorf("the snapshot holds %d submissions with ids up to %d (Snapshot said %d); want ids 1..%d without gaps", n, maxID, info.Submissions, n)
	}
	if before == 0 || after == 0 {
		t.Errorf("%d submissions before the snapshot and %d after; the test wants both", before, after)
	}
	// The writers went on while the snapshot read: some of them started
	// and finished within it.
	within := 0
	for _, w := range writes {
		if w.called.After(began) && w.acked.Before(ended) {
			within++
		}
	}
	if within == 0 {
		t.Errorf("no submission was stored during the %v snapshot: it blocked the writers", info.Took)
	}
	t.Logf("snapshot of %s: %d MB, %d submissions, took %v; %d stored before, %d during (%d started and finished within it), %d after",
		filepath.Base(path), info.Size>>20, info.Submissions, info.Took.Round(time.Millisecond), before, during, within, after)
}

func TestStore_Snapshot_existingFile(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	dst := filepath.Join(t.TempDir(), "backup.db")
	if err := os.WriteFile(dst, []byte("precious"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Snapshot(context.Background(), dst); err == nil {
		t.Error("Snapshot over an existing file succeeded; want an error")
	}
	if b, _ := os.ReadFile(dst); string(b) != "precious" {
		t.Errorf("the existing file now holds %.40q", b)
	}
}

func TestStore_SnapshotTemp(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := openTest(t)
	if _, err := createSub(s, ctx, "two-sum", "python", "x", "submit"); err != nil {
		t.Fatal(err)
	}
	f, info, err := s.SnapshotTemp(ctx)
	if err != nil {
		t.Fatalf("SnapshotTemp: %v", err)
	}
	defer f.Close()
	if info.Submissions != 1 || info.Schema < 1 || info.Size == 0 {
		t.Errorf("info = %+v", info)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*backup*"))
	if len(left) > 0 {
		t.Errorf("SnapshotTemp left %v in the data directory", left)
	}
	copyTo := filepath.Join(t.TempDir(), "copy.db")
	out, err := os.Create(copyTo)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := io.Copy(out, f); err != nil || n != info.Size {
		t.Errorf("read %d bytes of %d from the open snapshot: %v", n, info.Size, err)
	}
	out.Close()
	if got, err := Inspect(ctx, copyTo); err != nil || got.Submissions != 1 {
		t.Errorf("Inspect of the streamed snapshot = %+v, %v", got, err)
	}
}

func TestSnapshotFile(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, path := openTest(t)
	if _, err := createSub(s, ctx, "two-sum", "python", "x", "submit"); err != nil {
		t.Fatal(err)
	}
	// The open store's last write is in its -wal still.
	dst := filepath.Join(t.TempDir(), "backup.db")
	info, err := SnapshotFile(ctx, path, dst)
	if err != nil {
		t.Fatalf("SnapshotFile of an open database: %v", err)
	}
	if info.Submissions != 1 {
		t.Errorf("the snapshot holds %d submissions, want 1", info.Submissions)
	}
	if _, err := SnapshotFile(ctx, filepath.Join(t.TempDir(), "none.db"), dst+"2"); err == nil {
		t.Error("SnapshotFile of a missing database succeeded")
	}
}

// backupOf returns a snapshot of s in a new file.
func backupOf(t *testing.T, s *Store) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "backup.db")
	if _, err := s.Snapshot(context.Background(), dst); err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestInspect(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, _ := openTest(t)
	fill(t, s, 300, 2000)
	good := backupOf(t, s)
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	// A page in the middle overwritten: the b-tree no longer adds up.
	damaged := slices.Clone(raw)
	copy(damaged[len(damaged)/2:], bytes.Repeat([]byte{0xA5}, 4096))

	other := filepath.Join(dir, "other.db")
	odb, err := openRaw(other, "rwc")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := odb.Exec(`CREATE TABLE notes (body TEXT)`); err != nil {
		t.Fatal(err)
	}
	odb.Close()

	newer := write("newer.db", raw)
	ndb, err := openRaw(newer, "rw")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ndb.Exec(`INSERT INTO migrations (version, name, applied_at) VALUES (999, 'future', '')`); err != nil {
		t.Fatal(err)
	}
	ndb.Close()

	for _, tc := range []struct {
		name, path string
		want       error
	}{
		{"a backup", good, nil},
		{"a text file", write("notes.txt", []byte("not a database\n")), ErrCorrupt},
		{"an empty file", write("empty.db", nil), ErrNotJudge},
		{"cut in half", write("half.db", raw[:len(raw)/2]), ErrCorrupt},
		{"a damaged page", write("damaged.db", damaged), ErrCorrupt},
		{"another SQLite database", other, ErrNotJudge},
		{"a newer judge's", newer, ErrNewerSchema},
	} {
		t.Run(tc.name, func(t *testing.T) {
			info, err := Inspect(ctx, tc.path)
			if tc.want == nil {
				if err != nil || info.Submissions != 300 {
					t.Errorf("Inspect = %+v, %v; want 300 submissions", info, err)
				}
				return
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("Inspect = %+v, %v; want %v", info, err, tc.want)
			}
		})
	}
}

// crashImage copies the files of the open store at path, its -wal too,
// into a new directory, as a daemon that crashed would have left them,
// and returns the copy's database path.
func crashImage(t *testing.T, path string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "judge.db")
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(path + suffix)
		if err != nil {
			t.Fatalf("read %s%s: %v", path, suffix, err)
		}
		if err := os.WriteFile(dst+suffix, b, 0o640); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func submissionIDs(t *testing.T, path string) []int64 {
	t.Helper()
	db, err := openRaw(path, "ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT id FROM submissions ORDER BY id`)
	if err != nil {
		t.Fatalf("list the submissions of %s: %v", path, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids = append(ids, id)
	}
	return ids
}

func TestRestore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	live, livePath := openTest(t)
	for i := 0; i < 3; i++ {
		if _, err := createSub(live, ctx, "two-sum", "python", "x", "submit"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := live.ClaimNext(ctx); err != nil { // 1 running, 2 and 3 queued
		t.Fatal(err)
	}
	backup := backupOf(t, live)
	for i := 0; i < 2; i++ { // 4 and 5, after the backup, in the -wal only
		if _, err := createSub(live, ctx, "two-sum", "python", "x", "submit"); err != nil {
			t.Fatal(err)
		}
	}
	target := crashImage(t, livePath)
	if st, err := os.Stat(target + "-wal"); err != nil || st.Size() == 0 {
		t.Fatalf("the crash image has no write-ahead log to keep: %v", err)
	}

	res, err := Restore(ctx, backup, target)
	if err != nil {
		t.Fatalf("Restore: %v", err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(target + suffix); err == nil {
			t.Errorf("%s%s is left over", target, suffix)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(target), ".*"))
	if len(leftovers) > 0 {
		t.Errorf("Restore left %v", leftovers)
	}
	if res.Installed.Submissions != 3 || res.Installed.Pending != 3 {
		t.Errorf("installed %+v; want 3 submissions, 3 pending", res.Installed)
	}
	if got := submissionIDs(t, target); !slices.Equal(got, []int64{1, 2, 3}) {
		t.Errorf("restored database holds submissions %v, want [1 2 3]", got)
	}
	// The database that was there is kept whole, its log merged into it.
	if res.KeptAside == "" || res.KeptLog {
		t.Errorf("kept aside %q (log apart: %t); want the old database, log merged", res.KeptAside, res.KeptLog)
	}
	if _, err := os.Stat(res.KeptAside + "-wal"); err == nil {
		t.Errorf("%s-wal is left beside the kept database", res.KeptAside)
	}
	if got := submissionIDs(t, res.KeptAside); !slices.Equal(got, []int64{1, 2, 3, 4, 5}) {
		t.Errorf("kept database holds submissions %v, want [1 2 3 4 5]", got)
	}
	if st, err := os.Stat(target); err != nil || st.Mode().Perm() != 0o640 {
		t.Errorf("restored database mode %v, %v; want the old one's, -rw-r-----", st.Mode(), err)
	}

	// A daemon's start puts the running one back in the queue, and all
	// three are judged.
	st, err := Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, err := st.RequeueRunning(ctx); err != nil || n != 1 {
		t.Errorf("RequeueRunning = %d, %v; want 1", n, err)
	}
	if n, err := st.QueueDepth(ctx); err != nil || n != 3 {
		t.Errorf("QueueDepth = %d, %v; want 3", n, err)
	}
}

func TestRestore_refuses(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	live, livePath := openTest(t)
	if _, err := createSub(live, ctx, "two-sum", "python", "x", "submit"); err != nil {
		t.Fatal(err)
	}
	good := backupOf(t, live)
	raw, _ := os.ReadFile(good)
	dir := t.TempDir()
	half := filepath.Join(dir, "half.db")
	os.WriteFile(half, raw[:len(raw)/2], 0o600)
	withLog := crashImage(t, livePath)
	// A database just opened by a daemon: its log is still empty, but the
	// daemon may write while the file is copied.
	emptyLog := filepath.Join(dir, "open.db")
	os.WriteFile(emptyLog, raw, 0o600)
	os.WriteFile(emptyLog+"-wal", nil, 0o600)

	for _, tc := range []struct {
		name, backup string
		want         error
	}{
		{"a damaged backup", half, ErrCorrupt},
		{"a live database", withLog, ErrLive},
		{"a database with an empty log", emptyLog, ErrLive},
		{"no file", filepath.Join(dir, "none.db"), os.ErrNotExist},
	} {
		t.Run(tc.name, func(t *testing.T) {
			target := crashImage(t, livePath)
			before, _ := os.ReadFile(target)
			beforeLog, _ := os.ReadFile(target + "-wal")
			_, err := Restore(ctx, tc.backup, target)
			if !errors.Is(err, tc.want) {
				t.Errorf("Restore = %v, want %v", err, tc.want)
			}
			after, _ := os.ReadFile(target)
			afterLog, _ := os.ReadFile(target + "-wal")
			if !bytes.Equal(before, after) || !bytes.Equal(beforeLog, afterLog) {
				t.Error("a refused restore changed the database")
			}
			if all, _ := os.ReadDir(filepath.Dir(target)); len(all) != 2 {
				t.Errorf("a refused restore left files: %v", all)
			}
		})
	}
	t.Run("the database itself", func(t *testing.T) {
		if _, err := Restore(ctx, livePath, livePath); err == nil {
			t.Error("Restore of the database onto itself succeeded")
		}
	})
}

func TestRestore_noDatabaseYet(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	live, _ := openTest(t)
	if _, err := createSub(live, ctx, "two-sum", "python", "x", "submit"); err != nil {
		t.Fatal(err)
	}
	backup := backupOf(t, live)
	target := filepath.Join(t.TempDir(), "judge.db")
	res, err := Restore(ctx, backup, target)
	if err != nil {
		t.Fatalf("Restore into an empty directory: %v", err)
	}
	if res.KeptAside != "" || res.Installed.Submissions != 1 {
		t.Errorf("result %+v, installed %+v", res, res.Installed)
	}
	// Twice in a row: each restore keeps the one before under its own name.
	first, err := Restore(ctx, backup, target)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Restore(ctx, backup, target)
	if err != nil {
		t.Fatal(err)
	}
	if first.KeptAside == second.KeptAside {
		t.Errorf("two restores kept their databases as the same %s", first.KeptAside)
	}
	for _, p := range []string{first.KeptAside, second.KeptAside} {
		if got := submissionIDs(t, p); !slices.Equal(got, []int64{1}) {
			t.Errorf("%s holds %v, want [1]", p, got)
		}
	}
}
