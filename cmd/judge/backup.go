package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/client"
	"github.com/judgehq/judge/judge/store"
)

// dbFile is the database's name in the data directory.
const dbFile = "judge.db"

// defaultData is the daemon's data directory unless --data says otherwise.
func defaultData() string {
	return filepath.Join(xdgDir("XDG_DATA_HOME", ".local/share"), "judge")
}

type backupOptions struct {
	File string
	Data string
	JSON bool
}

func newBackupCmd(f *Factory) *cobra.Command {
	var o backupOptions
	cmd := &cobra.Command{
		Use:   "backup FILE",
		Short: "Write a consistent copy of the daemon's database to a file, while it runs (admin)",
		Long: `Write a consistent copy of the daemon's SQLite database to FILE, while the
daemon goes on taking and judging submissions: the database as of one
instant, with every submission stored before it. The daemon makes the copy
with SQLite's VACUUM INTO (a copy of the database file itself is not a
backup: the latest changes are in its -wal file) and sends it; this command
writes it next to FILE, checks it (PRAGMA integrity_check, and that this
judge knows its schema), and only then renames it to FILE, replacing any
file there. If FILE is a directory, the copy is named judge-TIME.db in it.

It needs an admin's token (judge login). With --data, it reads the database
in that data directory directly instead, on the daemon's host, with or
without a daemon running, and needs no token.

Restore a backup with 'judge restore FILE' while the daemon is stopped.`,
		Example: `  judge backup judge-backup.db
  judge backup /var/backups/judge/
  judge backup --data /var/lib/judge /var/backups/judge/`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.File = args[0]
			return backupRun(cmd.Context(), f, o)
		},
	}
	cmd.Flags().StringVar(&o.Data, "data", "", "read the database in this data directory directly, not through the daemon")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON")
	return cmd
}

// backupResult is a backup written and checked.
type backupResult struct {
	File        string    `json:"file"`
	Size        int64     `json:"size"`
	Schema      int       `json:"schema"`
	Submissions int64     `json:"submissions"`
	Pending     int64     `json:"pending"`
	Users       int64     `json:"users"`
	TakenAt     time.Time `json:"taken_at"`
	// Snapshot is how long the snapshot took; Total, the whole backup.
	Snapshot time.Duration `json:"-"`
	Total    time.Duration `json:"-"`
}

func backupRun(ctx context.Context, f *Factory, o backupOptions) error {
	take := fromData(o.Data)
	if o.Data == "" {
		cl, err := f.Client()
		if err != nil {
			return err
		}
		take = fromDaemon(cl)
	}
	res, err := writeBackup(ctx, o.File, take)
	if errors.Is(err, client.ErrUnreachable) {
		return &exitError{code: exitUsage, err: fmt.Errorf("%w\nStart the daemon, or on its host back up its database file directly: judge backup --data DIR %s", err, o.File)}
	}
	if err != nil {
		return err
	}
	if o.JSON {
		return printJSON(f, res)
	}
	fmt.Fprintf(f.IO.Out, "Backed up %d submissions (%d queued or running), %d users, schema %d, to %s: %s.\n",
		res.Submissions, res.Pending, res.Users, res.Schema, res.File, sizeString(res.Size))
	fmt.Fprintf(f.IO.Out, "It is the database as of %s; the snapshot took %v, the whole backup %v.\n",
		res.TakenAt.UTC().Format(time.RFC3339), res.Snapshot.Round(time.Millisecond), res.Total.Round(time.Millisecond))
	fmt.Fprintf(f.IO.ErrOut, "Restore it, with the daemon stopped, with: judge restore %s --data DIR\n", res.File)
	return nil
}

// snapshotter writes a snapshot of the database into the empty file tmp.
type snapshotter func(ctx context.Context, tmp *os.File) (*api.BackupInfo, error)

// fromDaemon takes the snapshot through the daemon's API.
func fromDaemon(cl *client.Client) snapshotter {
	return func(ctx context.Context, tmp *os.File) (*api.BackupInfo, error) {
		return cl.Backup(ctx, tmp)
	}
}

// fromData takes the snapshot of the database in the data directory dir.
func fromData(dir string) snapshotter {
	return func(ctx context.Context, tmp *os.File) (*api.BackupInfo, error) {
		db := filepath.Join(dir, dbFile)
		if _, err := os.Stat(db); err != nil {
			return nil, fmt.Errorf("%w\nIs %s the daemon's data directory (its --data)?", err, dir)
		}
		info, err := store.SnapshotFile(ctx, db, tmp.Name())
		if err != nil {
			return nil, err
		}
		return &api.BackupInfo{Size: info.Size, Schema: info.Schema, Submissions: info.Submissions,
			TakenAt: info.TakenAt, Took: info.Took}, nil
	}
}

// writeBackup takes a snapshot into a new file next to file, checks it,
// and renames it to file (or, if file is a directory, to judge-TIME.db in
// it). Until the rename, file is left as it was.
func writeBackup(ctx context.Context, file string, take snapshotter) (*backupResult, error) {
	start := time.Now()
	dir, name := filepath.Dir(file), filepath.Base(file)
	if st, err := os.Stat(file); err == nil && st.IsDir() {
		dir, name = file, ""
	}
	pattern := ".judge-backup-*.tmp"
	if name != "" {
		pattern = "." + strings.TrimPrefix(name, ".") + ".tmp-*"
	}
	tmp, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, fmt.Errorf("write the backup: %w", err)
	}
	defer os.Remove(tmp.Name()) // gone by then if it was renamed
	info, err := take(ctx, tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("take the backup: %w", err)
	}
	checked, err := store.Inspect(ctx, tmp.Name())
	if err != nil {
		return nil, fmt.Errorf("the backup does not pass its checks, so it was not kept: %w\nTry again; if it fails again, run `judge restore --dry-run` on the daemon's database file to check it", err)
	}
	if checked.Submissions != info.Submissions {
		return nil, fmt.Errorf("the daemon said the backup holds %d submissions, the file holds %d, so it was not kept; try again", info.Submissions, checked.Submissions)
	}
	if name == "" {
		name = "judge-" + info.TakenAt.UTC().Format("20060102T150405Z") + ".db"
	}
	dst := filepath.Join(dir, name)
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return nil, fmt.Errorf("write the backup: %w", err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return &backupResult{File: dst, Size: checked.Size, Schema: checked.Schema, Submissions: checked.Submissions,
		Pending: checked.Pending, Users: checked.Users, TakenAt: info.TakenAt, Snapshot: info.Took, Total: time.Since(start)}, nil
}

// sizeString shows a size in bytes as people read it.
func sizeString(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

type restoreOptions struct {
	File   string
	Data   string
	DryRun bool
	JSON   bool
}

func newRestoreCmd(f *Factory) *cobra.Command {
	var o restoreOptions
	cmd := &cobra.Command{
		Use:   "restore FILE",
		Short: "Replace the stopped daemon's database with a backup",
		Long: `Replace the database in the data directory with the backup FILE (made by
'judge backup'). The daemon must be stopped: while it runs it holds the data
directory's lock, and this command refuses.

It copies FILE into the data directory and checks the copy (PRAGMA
integrity_check, and that this judge knows its schema); if the check fails,
nothing is changed. Otherwise it keeps the database that was there as
judge.db.before-restore-TIME (its write-ahead log merged into it), removes
the stale -wal and -shm files, and puts the copy in its place. Once the
daemon starts, every submission of the backup is there, and those that were
queued or running when it was taken are judged.

With --dry-run it only checks FILE and tells what it holds.`,
		Example: `  judge restore judge-backup.db --data /var/lib/judge
  judge restore --dry-run /var/backups/judge/judge-20261124T030000Z.db`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.File = args[0]
			return restoreRun(cmd.Context(), f, o)
		},
	}
	cmd.Flags().StringVar(&o.Data, "data", defaultData(), "the daemon's data directory")
	cmd.Flags().BoolVar(&o.DryRun, "dry-run", false, "only check FILE; change nothing")
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print JSON")
	return cmd
}

// restoreResult is what `judge restore` did.
type restoreResult struct {
	File        string `json:"file"`
	Database    string `json:"database,omitempty"`
	KeptAside   string `json:"kept_aside,omitempty"`
	KeptLog     bool   `json:"kept_log,omitempty"`
	Schema      int    `json:"schema"`
	Submissions int64  `json:"submissions"`
	Pending     int64  `json:"pending"`
	Users       int64  `json:"users"`
}

func restoreRun(ctx context.Context, f *Factory, o restoreOptions) error {
	if o.DryRun {
		info, err := checkBackup(ctx, o.File)
		if err != nil {
			return restoreError(o, err)
		}
		res := restoreResult{File: o.File, Schema: info.Schema, Submissions: info.Submissions, Pending: info.Pending, Users: info.Users}
		if o.JSON {
			return printJSON(f, res)
		}
		fmt.Fprintf(f.IO.Out, "%s passes the checks: schema %d, %d submissions (%d queued or running), %d users, %s.\n",
			o.File, info.Schema, info.Submissions, info.Pending, info.Users, sizeString(info.Size))
		return nil
	}
	if err := os.MkdirAll(o.Data, 0o750); err != nil {
		return fmt.Errorf("create the data directory: %w", err)
	}
	unlock, err := lockData(o.Data)
	var locked *dataLockedError
	if errors.As(err, &locked) {
		return &exitError{code: exitUsage, err: fmt.Errorf("%w\nStop the daemon first (for example: systemctl stop judge), then run this again. "+
			"To back up a running daemon, use `judge backup`.", err)}
	}
	if err != nil {
		return err
	}
	defer unlock()
	db := filepath.Join(o.Data, dbFile)
	r, err := store.Restore(ctx, o.File, db)
	if err != nil {
		if r != nil && r.KeptAside != "" {
			err = fmt.Errorf("%w\nThe database that was there is kept as %s; to go back to it, rename it to %s", err, r.KeptAside, db)
		}
		return restoreError(o, err)
	}
	res := restoreResult{File: o.File, Database: db, KeptAside: r.KeptAside, KeptLog: r.KeptLog, Schema: r.Installed.Schema,
		Submissions: r.Installed.Submissions, Pending: r.Installed.Pending, Users: r.Installed.Users}
	if o.JSON {
		return printJSON(f, res)
	}
	if r.KeptAside != "" {
		fmt.Fprintf(f.IO.Out, "Kept the database that was there as %s.\n", r.KeptAside)
		if r.KeptLog {
			fmt.Fprintf(f.IO.Out, "Its write-ahead log could not be merged into it and is kept beside it, as %s-wal.\n", r.KeptAside)
		}
	}
	fmt.Fprintf(f.IO.Out, "Restored %s as %s: %d submissions, %d of them queued or running (judged once the daemon starts), %d users, schema %d.\n",
		o.File, db, res.Submissions, res.Pending, res.Users, res.Schema)
	fmt.Fprintf(f.IO.ErrOut, "Start the daemon: judge serve --data %s\n", o.Data)
	return nil
}

// checkBackup inspects a backup file as restore does.
func checkBackup(ctx context.Context, file string) (*store.BackupInfo, error) {
	if _, err := os.Stat(file + "-wal"); err == nil {
		return nil, fmt.Errorf("%s: %w (%s-wal)", file, store.ErrLive, file)
	}
	return store.Inspect(ctx, file)
}

// restoreError says what to do about a backup that cannot be restored.
func restoreError(o restoreOptions, err error) error {
	hint := ""
	switch {
	case errors.Is(err, store.ErrLive) && filepath.Base(o.File) == dbFile:
		hint = fmt.Sprintf("Stop the daemon that uses it, back it up with `judge backup --data %s OUT`, and restore OUT.", filepath.Dir(o.File))
	case errors.Is(err, store.ErrLive):
		hint = "Stop what uses it, and restore a backup made by `judge backup` instead."
	case errors.Is(err, store.ErrCorrupt):
		hint = "Restore another copy of this backup, or an older one."
	case errors.Is(err, store.ErrNotJudge):
		hint = "Is it the right file? Backups are made by `judge backup`."
	case errors.Is(err, store.ErrNewerSchema):
		hint = "Restore it with the judge that made it, or a newer one."
	case errors.Is(err, fs.ErrNotExist):
		hint = "Check the file's path."
	}
	if !o.DryRun && hint != "" {
		hint = "Nothing was changed. " + hint
	}
	if hint != "" {
		err = fmt.Errorf("%w\n%s", err, hint)
	}
	return &exitError{code: exitNotAccepted, err: err}
}

// dataLockFile is the file in the data directory that a daemon holds
// locked while it serves from the directory, and `judge restore` while it
// replaces the database.
const dataLockFile = "daemon.lock"

// dataLockedError: another process holds the data directory's lock.
type dataLockedError struct {
	dir string
	pid int // 0 if unknown
}

func (e *dataLockedError) Error() string {
	who := "another process"
	if e.pid > 0 {
		who = fmt.Sprintf("process %d", e.pid)
	}
	return fmt.Sprintf("the data directory %s is in use: %s holds %s (a judge daemon, or a judge restore)",
		e.dir, who, filepath.Join(e.dir, dataLockFile))
}

// lockData takes the data directory's lock without waiting, so that a
// daemon and a restore never use the database at once; if another
// process holds it, the error is a *dataLockedError. The lock ends with
// the returned function, or with the process.
func lockData(dir string) (unlock func(), err error) {
	path := filepath.Join(dir, dataLockFile)
	// Readable by all: a daemon running as another user than the one who
	// made the file (root, with judge restore) can still lock it.
	fh, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	writable := err == nil
	if errors.Is(err, fs.ErrPermission) {
		fh, err = os.Open(path)
	}
	if err != nil {
		return nil, fmt.Errorf("lock the data directory: %w", err)
	}
	if err := syscall.Flock(int(fh.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		defer fh.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			b, _ := io.ReadAll(io.LimitReader(fh, 32))
			pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
			return nil, &dataLockedError{dir: dir, pid: pid}
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if writable {
		fh.Truncate(0)
		fh.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return func() {
		if writable {
			fh.Truncate(0)
		}
		fh.Close()
	}, nil
}
