package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Backups are made with SQLite's VACUUM INTO: one statement that reads the
// database in a single read transaction and writes what it sees to a new
// file. In WAL mode a reader does not block writers, so the daemon keeps
// storing submissions meanwhile, and the copy is the database as of the
// instant the read began. The copy is compacted and in rollback-journal
// mode: one self-contained file, with no -wal beside it. (A plain copy of
// a WAL database's file misses what is still in its -wal, and may catch a
// checkpoint half done.)

// Errors of Inspect and Restore.
var (
	// ErrCorrupt: the file is not an intact SQLite database.
	ErrCorrupt = errors.New("not an intact SQLite database")
	// ErrNotJudge: the file is a SQLite database but not a judge's.
	ErrNotJudge = errors.New("not a judge database")
	// ErrNewerSchema: the database was migrated by a newer judge.
	ErrNewerSchema = errors.New("database schema is newer than this judge")
)

// BackupInfo describes a backup: a snapshot of the database in one file.
type BackupInfo struct {
	// Path is the file.
	Path string
	// Size is its size in bytes.
	Size int64
	// Schema is the last migration applied to it.
	Schema int
	// Submissions counts its submissions; Pending, those queued or
	// running, which a daemon started on it judges.
	Submissions, Pending int64
	// Users counts its accounts.
	Users int64
	// TakenAt is when the snapshot began: it holds every change committed
	// before then. Zero when unknown (Inspect of a file).
	TakenAt time.Time
	// Took is how long the snapshot took.
	Took time.Duration
}

// Snapshot writes a consistent copy of the database, as of one instant, to
// the new file dst (it must not exist, or be empty), synced to disk.
func (s *Store) Snapshot(ctx context.Context, dst string) (*BackupInfo, error) {
	return snapshot(ctx, s.db, dst)
}

// SnapshotFile is Snapshot of the database file src, which a running
// daemon may be using: it opens src without migrating or changing it.
func SnapshotFile(ctx context.Context, src, dst string) (*BackupInfo, error) {
	if _, err := os.Stat(src); err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	db, err := openRaw(src, "rw")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	return snapshot(ctx, db, dst)
}

// SnapshotTemp writes a snapshot to a temporary file next to the database
// and returns it open, already unlinked, so that nothing is left behind
// once the caller closes it.
func (s *Store) SnapshotTemp(ctx context.Context) (*os.File, *BackupInfo, error) {
	path, err := s.path(ctx)
	if err != nil {
		return nil, nil, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".backup-*")
	if err != nil {
		return nil, nil, fmt.Errorf("create the backup file: %w", err)
	}
	tmp.Close()
	defer os.Remove(tmp.Name())
	info, err := s.Snapshot(ctx, tmp.Name())
	if err != nil {
		return nil, nil, err
	}
	f, err := os.Open(tmp.Name())
	if err != nil {
		return nil, nil, err
	}
	return f, info, nil
}

// path is the database's file.
func (s *Store) path(ctx context.Context) (string, error) {
	var seq int
	var name, file string
	if err := s.db.QueryRowContext(ctx, `PRAGMA database_list`).Scan(&seq, &name, &file); err != nil {
		return "", fmt.Errorf("locate the database file: %w", err)
	}
	return file, nil
}

func snapshot(ctx context.Context, db *sql.DB, dst string) (*BackupInfo, error) {
	start := time.Now()
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, dst); err != nil {
		return nil, fmt.Errorf("snapshot the database into %s: %w", dst, err)
	}
	took := time.Since(start)
	// VACUUM INTO does not sync what it wrote.
	if err := syncFile(dst); err != nil {
		return nil, fmt.Errorf("sync the backup: %w", err)
	}
	info, err := describe(ctx, dst, "rw", false)
	if err != nil {
		return nil, fmt.Errorf("read the snapshot %s: %w", dst, err)
	}
	info.TakenAt, info.Took = start, took
	return info, nil
}

// Inspect checks that the file at path is an intact judge database whose
// schema this judge knows (an older one is migrated when a daemon opens
// it), and tells what it holds. Its errors wrap ErrCorrupt, ErrNotJudge or
// ErrNewerSchema. It opens the file read-only.
func Inspect(ctx context.Context, path string) (*BackupInfo, error) {
	info, err := describe(ctx, path, "ro", true)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return info, nil
}

// describe tells what the judge database at path holds (its errors do not
// repeat the path), after
// PRAGMA integrity_check if check is set. It opens the file in mode (see
// openRaw): a read-only connection to a database in WAL mode leaves its
// -wal and -shm behind, one that may write removes them when it closes.
func describe(ctx context.Context, path, mode string, check bool) (*BackupInfo, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: not a regular file", ErrCorrupt)
	}
	db, err := openRaw(path, mode)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	if check {
		if err := integrity(ctx, db); err != nil {
			return nil, err
		}
	}
	info := &BackupInfo{Path: path, Size: st.Size()}
	if info.Schema, err = schemaOf(ctx, db); err != nil {
		return nil, err
	}
	err = db.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(*) FILTER (WHERE state IN ('queued', 'running')),
		(SELECT COUNT(*) FROM users) FROM submissions`).Scan(&info.Submissions, &info.Pending, &info.Users)
	if err != nil {
		return nil, fmt.Errorf("count the submissions: %w", err)
	}
	return info, nil
}

// openRaw opens the SQLite file path as it is: no migrations, no change of
// journal mode. mode is SQLite's: "ro", "rw" (neither creates the file) or
// "rwc".
func openRaw(path, mode string) (*sql.DB, error) {
	q := url.Values{}
	q.Set("mode", mode)
	q.Add("_pragma", "busy_timeout(10000)")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

// integrity runs PRAGMA integrity_check; its error wraps ErrCorrupt and
// quotes the first problems SQLite found.
func integrity(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		if line != "ok" && len(problems) < 3 {
			if len(line) > 200 {
				line = line[:200] + "..."
			}
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: integrity_check: %s", ErrCorrupt, strings.Join(problems, "; "))
	}
	return nil
}

// schemaOf returns the last migration applied to db, after checking that
// every applied migration is one of this judge's.
func schemaOf(ctx context.Context, db *sql.DB) (int, error) {
	ms, err := Migrations()
	if err != nil {
		return 0, err
	}
	known := map[int]string{}
	for _, m := range ms {
		known[m.Version] = m.Name
	}
	latest := ms[len(ms)-1].Version
	rows, err := db.QueryContext(ctx, `SELECT version, name FROM migrations ORDER BY version`)
	if err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return 0, fmt.Errorf("%w: it has no migrations table", ErrNotJudge)
		}
		return 0, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	defer rows.Close()
	version := 0
	for rows.Next() {
		var v int
		var name string
		if err := rows.Scan(&v, &name); err != nil {
			return 0, fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		if v > latest {
			return 0, fmt.Errorf("%w: schema version %d, and this judge knows up to %d", ErrNewerSchema, v, latest)
		}
		if known[v] != name {
			return 0, fmt.Errorf("%w: its migration %d is %q, this judge's is %q", ErrNotJudge, v, name, known[v])
		}
		version = v
	}
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if version == 0 {
		return 0, fmt.Errorf("%w: no migration was applied to it", ErrNotJudge)
	}
	return version, nil
}

// syncFile flushes the file at path to disk.
func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// syncDir flushes a directory, so that a rename in it survives a crash.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
