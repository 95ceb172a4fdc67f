package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"time"
)

// ErrLive: the file to restore has a write-ahead log beside it, so it is a
// database in use (or left by a crash) rather than a backup: the file alone
// may miss what is in its log, or change while it is copied.
var ErrLive = errors.New("a live database with a write-ahead log beside it, not a backup")

// RestoreResult is what Restore did.
type RestoreResult struct {
	// Installed is what the database holds now, after the migrations this
	// judge applies when it opens it.
	Installed *BackupInfo
	// KeptAside is where the database that was there before is now
	// (DB.before-restore-TIME), or empty if there was none.
	KeptAside string
	// KeptLog is set when that database's write-ahead log could not be
	// merged into it; the log was kept beside it, as KeptAside+"-wal".
	KeptLog bool
}

// Restore installs the backup file at backup as the database at dbPath. No
// daemon may be using dbPath meanwhile: the caller makes sure of it (`judge
// restore` holds the data directory's lock).
//
// It copies the backup next to dbPath and checks the copy as Inspect does;
// if the check fails, nothing at dbPath has changed. Otherwise it merges
// the current database's write-ahead log into it, keeps it as
// dbPath.before-restore-TIME, removes its -wal and -shm files (a stale log
// would be replayed into the restored database), and moves the copy into
// place in one rename. The restored file gets the owner and mode of the
// database it replaces, so that a daemon running as another user can
// still write it.
func Restore(ctx context.Context, backup, dbPath string) (*RestoreResult, error) {
	if err := restorable(backup, dbPath); err != nil {
		return nil, err
	}
	tmp, err := copyBeside(backup, dbPath)
	if err != nil {
		return nil, err
	}
	defer os.Remove(tmp) // gone by then if installed
	if _, err := describe(ctx, tmp, "rw", true); err != nil {
		return nil, fmt.Errorf("the backup %s: %w", backup, err)
	}
	res := &RestoreResult{}
	if res.KeptAside, res.KeptLog, err = keepAside(ctx, dbPath); err != nil {
		return nil, err
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		return res, fmt.Errorf("install the backup as %s: %w", dbPath, err)
	}
	if err := syncDir(filepath.Dir(dbPath)); err != nil {
		return res, fmt.Errorf("sync %s: %w", filepath.Dir(dbPath), err)
	}
	st, err := Open(ctx, dbPath)
	if err != nil {
		return res, fmt.Errorf("open the restored database: %w", err)
	}
	if err := st.Close(); err != nil {
		return res, fmt.Errorf("close the restored database: %w", err)
	}
	if res.Installed, err = describe(ctx, dbPath, "rw", false); err != nil {
		return res, fmt.Errorf("read the restored database: %w", err)
	}
	return res, nil
}

// restorable refuses a backup that is the database itself or has a
// write-ahead log beside it.
func restorable(backup, dbPath string) error {
	bst, err := os.Stat(backup)
	if err != nil {
		return fmt.Errorf("the backup: %w", err)
	}
	if dst, err := os.Stat(dbPath); err == nil && os.SameFile(bst, dst) {
		return fmt.Errorf("the backup %s is the database %s itself", backup, dbPath)
	}
	if _, err := os.Stat(backup + "-wal"); err == nil {
		return fmt.Errorf("the backup %s: %w (%s-wal)", backup, ErrLive, backup)
	}
	return nil
}

// copyBeside copies backup into a new hidden file in dbPath's directory,
// synced, with the owner and mode of dbPath (or, when there is none, the
// directory's owner), and returns its name.
func copyBeside(backup, dbPath string) (string, error) {
	src, err := os.Open(backup)
	if err != nil {
		return "", fmt.Errorf("the backup: %w", err)
	}
	defer src.Close()
	dir := filepath.Dir(dbPath)
	dst, err := os.CreateTemp(dir, "."+filepath.Base(dbPath)+".restore-*")
	if err != nil {
		return "", fmt.Errorf("copy the backup into %s: %w", dir, err)
	}
	fail := func(err error) (string, error) {
		dst.Close()
		os.Remove(dst.Name())
		return "", fmt.Errorf("copy the backup into %s: %w", dir, err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		return fail(err)
	}
	if err := matchOwner(dst, dbPath, dir); err != nil {
		return fail(err)
	}
	if err := dst.Sync(); err != nil {
		return fail(err)
	}
	if err := dst.Close(); err != nil {
		return fail(err)
	}
	return dst.Name(), nil
}

// matchOwner gives f the owner and mode of the file like, or if there is
// none the owner of dir (mode 0600). Changing the owner needs root; a
// user who is not root keeps the files they make.
func matchOwner(f *os.File, like, dir string) error {
	mode := fs.FileMode(0o600)
	st, err := os.Stat(like)
	if err == nil {
		mode = st.Mode().Perm()
	} else if st, err = os.Stat(dir); err != nil {
		return err
	}
	if err := f.Chmod(mode); err != nil {
		return err
	}
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok || os.Geteuid() != 0 {
		return nil
	}
	return f.Chown(int(sys.Uid), int(sys.Gid))
}

// keepAside moves the database at dbPath, if any, out of the way: its
// write-ahead log merged into it if possible, the file linked as
// dbPath.before-restore-TIME, its -wal (if not merged) and -journal moved
// beside that, its -shm removed. It returns the new name ("" if there was
// no database) and whether a log was kept.
func keepAside(ctx context.Context, dbPath string) (aside string, keptLog bool, err error) {
	_, dbErr := os.Stat(dbPath)
	wal, walErr := os.Stat(dbPath + "-wal")
	if dbErr != nil && walErr != nil {
		if !errors.Is(dbErr, fs.ErrNotExist) {
			return "", false, dbErr
		}
		return "", false, removeIfAny(dbPath + "-shm") // may be left by a crash
	}
	if dbErr == nil && walErr == nil && wal.Size() > 0 {
		// The daemon merges its log on a clean stop; after a crash, merge
		// it now, so that the kept database is one file. If that fails,
		// the log is kept beside it below.
		checkpoint(ctx, dbPath)
	}
	aside = freeName(dbPath + ".before-restore-" + time.Now().UTC().Format("20060102T150405Z"))
	if dbErr == nil {
		// A hard link keeps the old database at dbPath until the restored
		// one replaces it in one rename.
		if err := os.Link(dbPath, aside); err != nil {
			if err := os.Rename(dbPath, aside); err != nil {
				return "", false, fmt.Errorf("keep the current database as %s: %w", aside, err)
			}
		}
	}
	for _, suffix := range []string{"-wal", "-journal"} {
		st, err := os.Stat(dbPath + suffix)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return aside, keptLog, err
		case st.Size() == 0:
			err = os.Remove(dbPath + suffix)
		default:
			err = os.Rename(dbPath+suffix, aside+suffix)
			keptLog = keptLog || suffix == "-wal"
		}
		if err != nil {
			return aside, keptLog, fmt.Errorf("move %s%s aside: %w", dbPath, suffix, err)
		}
	}
	return aside, keptLog, removeIfAny(dbPath + "-shm")
}

// removeIfAny removes the file at path if there is one.
func removeIfAny(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// checkpoint merges the write-ahead log of the database at path into it and
// empties the log; errors leave the log as it was.
func checkpoint(ctx context.Context, path string) {
	db, err := openRaw(path, "rw")
	if err != nil {
		return
	}
	defer db.Close()
	var busy, logPages, done int
	db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logPages, &done)
}

// freeName returns name, or name-2, name-3, ... if it is taken.
func freeName(name string) string {
	try := name
	for i := 2; ; i++ {
		if _, err := os.Lstat(try); errors.Is(err, fs.ErrNotExist) {
			if _, err := os.Lstat(try + "-wal"); errors.Is(err, fs.ErrNotExist) {
				return try
			}
		}
		try = fmt.Sprintf("%s-%d", name, i)
	}
}
