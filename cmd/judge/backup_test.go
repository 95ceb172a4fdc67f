package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/store"
)

// dataDir makes a data directory whose database holds n submissions, and
// returns it with the store, still open, as a running daemon has it.
func dataDir(t *testing.T, n int) (string, *store.Store) {
	t.Helper()
	dir := t.TempDir()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(dir, dbFile))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for i := 0; i < n; i++ {
		if _, _, err := st.CreateSubmission(ctx, store.NewSubmission{Problem: "two-sum", Language: "python", Code: "x", Mode: "submit"}); err != nil {
			t.Fatal(err)
		}
	}
	return dir, st
}

func TestLockData(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	unlock, err := lockData(dir)
	if err != nil {
		t.Fatalf("lockData: %v", err)
	}
	_, err = lockData(dir)
	var locked *dataLockedError
	if !errors.As(err, &locked) || locked.pid != os.Getpid() {
		t.Fatalf("second lockData = %v; want a dataLockedError naming this process", err)
	}
	if !strings.Contains(err.Error(), dir) {
		t.Errorf("the error does not name the directory: %v", err)
	}
	unlock()
	again, err := lockData(dir)
	if err != nil {
		t.Fatalf("lockData after unlock: %v", err)
	}
	again()
}

func TestWriteBackup(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	data, _ := dataDir(t, 3)
	out := t.TempDir()

	t.Run("to a file, replacing it", func(t *testing.T) {
		file := filepath.Join(out, "backup.db")
		os.WriteFile(file, []byte("an older backup"), 0o600)
		res, err := writeBackup(ctx, file, fromData(data))
		if err != nil {
			t.Fatalf("writeBackup: %v", err)
		}
		if res.File != file || res.Submissions != 3 || res.Pending != 3 {
			t.Errorf("result %+v", res)
		}
		if info, err := store.Inspect(ctx, file); err != nil || info.Submissions != 3 {
			t.Errorf("Inspect = %+v, %v", info, err)
		}
	})
	t.Run("into a directory", func(t *testing.T) {
		dir := t.TempDir()
		res, err := writeBackup(ctx, dir, fromData(data))
		if err != nil {
			t.Fatalf("writeBackup: %v", err)
		}
		if filepath.Dir(res.File) != dir || !strings.HasPrefix(filepath.Base(res.File), "judge-") {
			t.Errorf("wrote %s; want judge-TIME.db in %s", res.File, dir)
		}
	})
	t.Run("a snapshot that fails its checks", func(t *testing.T) {
		dir := t.TempDir()
		file := filepath.Join(dir, "backup.db")
		os.WriteFile(file, []byte("the last good backup"), 0o600)
		bad := func(ctx context.Context, tmp *os.File) (*api.BackupInfo, error) {
			_, err := tmp.WriteString("SQLite format 3\x00 and then nothing")
			return &api.BackupInfo{}, err
		}
		if _, err := writeBackup(ctx, file, bad); !errors.Is(err, store.ErrCorrupt) {
			t.Errorf("writeBackup = %v; want ErrCorrupt", err)
		}
		if b, _ := os.ReadFile(file); string(b) != "the last good backup" {
			t.Errorf("the file before now holds %q", b)
		}
		if all, _ := os.ReadDir(dir); len(all) != 1 {
			t.Errorf("left %v", all)
		}
	})
	t.Run("no database", func(t *testing.T) {
		_, err := writeBackup(ctx, filepath.Join(out, "none.db"), fromData(t.TempDir()))
		if err == nil || !strings.Contains(err.Error(), "data directory") {
			t.Errorf("writeBackup of an empty data directory = %v; want a hint about --data", err)
		}
	})
}

func TestRestoreRun(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	data, _ := dataDir(t, 3)
	backup := filepath.Join(t.TempDir(), "backup.db")
	if _, err := writeBackup(ctx, backup, fromData(data)); err != nil {
		t.Fatal(err)
	}
	target, daemon := dataDir(t, 5)
	daemon.Close() // stopped, as restore wants
	var out, errOut bytes.Buffer
	f := &Factory{IO: IO{Out: &out, ErrOut: &errOut}}

	t.Run("refused while a daemon holds the directory", func(t *testing.T) {
		unlock, err := lockData(target)
		if err != nil {
			t.Fatal(err)
		}
		defer unlock()
		before, _ := os.ReadFile(filepath.Join(target, dbFile))
		err = restoreRun(ctx, f, restoreOptions{File: backup, Data: target})
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != exitUsage || !strings.Contains(err.Error(), "Stop the daemon") {
			t.Errorf("restore = %v; want a usage error that says to stop the daemon", err)
		}
		after, _ := os.ReadFile(filepath.Join(target, dbFile))
		if !bytes.Equal(before, after) {
			t.Error("the refused restore changed the database")
		}
	})
	t.Run("dry run", func(t *testing.T) {
		out.Reset()
		if err := restoreRun(ctx, f, restoreOptions{File: backup, DryRun: true}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), "passes the checks") || !strings.Contains(out.String(), "3 submissions") {
			t.Errorf("output %q", out.String())
		}
	})
	t.Run("restore", func(t *testing.T) {
		out.Reset()
		if err := restoreRun(ctx, f, restoreOptions{File: backup, Data: target}); err != nil {
			t.Fatalf("restore: %v", err)
		}
		if !strings.Contains(out.String(), "Kept the database that was there as ") ||
			!strings.Contains(out.String(), "3 submissions, 3 of them queued or running") {
			t.Errorf("output %q", out.String())
		}
		if info, err := store.Inspect(ctx, filepath.Join(target, dbFile)); err != nil || info.Submissions != 3 {
			t.Errorf("the restored database: %+v, %v", info, err)
		}
		kept, _ := filepath.Glob(filepath.Join(target, dbFile+".before-restore-*"))
		if len(kept) != 1 {
			t.Fatalf("kept %v; want the database that was there", kept)
		}
		if info, err := store.Inspect(ctx, kept[0]); err != nil || info.Submissions != 5 {
			t.Errorf("the kept database: %+v, %v", info, err)
		}
	})
	t.Run("a damaged backup", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad.db")
		os.WriteFile(bad, []byte("not a database"), 0o600)
		err := restoreRun(ctx, f, restoreOptions{File: bad, Data: target})
		if err == nil || !strings.Contains(err.Error(), "Nothing was changed") {
			t.Errorf("restore of a damaged file = %v", err)
		}
	})
}
