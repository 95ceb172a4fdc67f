package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Submission states.
const (
	Queued  = "queued"
	Running = "running"
	Done    = "done"
)

// Submission is a row of the submissions table.
type Submission struct {
	ID       int64
	Problem  string
	Language string
	Code     string
	Mode     string
	State    string
	Verdict  string
	Attempts int
	// Result is the judging result as JSON, set when State is Done.
	Result     string
	CreatedAt  time.Time
	StartedAt  *time.Time
	FinishedAt *time.Time
}

const submissionCols = `id, problem, language, code, mode, state, verdict, attempts,
	COALESCE(result, ''), created_at, started_at, finished_at`

func scanSubmission(row interface{ Scan(...any) error }) (*Submission, error) {
	var s Submission
	var created string
	var started, finished sql.NullString
	err := row.Scan(&s.ID, &s.Problem, &s.Language, &s.Code, &s.Mode, &s.State, &s.Verdict,
		&s.Attempts, &s.Result, &created, &started, &finished)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	if t := parseTime(sql.NullString{String: created, Valid: true}); t != nil {
		s.CreatedAt = *t
	}
	s.StartedAt, s.FinishedAt = parseTime(started), parseTime(finished)
	return &s, nil
}

// CreateSubmission stores a new queued submission and returns it.
func (s *Store) CreateSubmission(ctx context.Context, problem, language, code, mode string) (*Submission, error) {
	row := s.db.QueryRowContext(ctx, `INSERT INTO submissions (problem, language, code, mode, state, created_at)
		VALUES (?, ?, ?, ?, 'queued', ?) RETURNING `+submissionCols, problem, language, code, mode, now())
	sub, err := scanSubmission(row)
	if err != nil {
		return nil, fmt.Errorf("create submission: %w", err)
	}
	return sub, nil
}

// Submission returns the submission with id.
func (s *Store) Submission(ctx context.Context, id int64) (*Submission, error) {
	return scanSubmission(s.db.QueryRowContext(ctx, `SELECT `+submissionCols+` FROM submissions WHERE id = ?`, id))
}

// ClaimNext marks the oldest queued submission running, counts the attempt,
// and returns it; ErrNotFound when the queue is empty.
func (s *Store) ClaimNext(ctx context.Context) (*Submission, error) {
	row := s.db.QueryRowContext(ctx, `UPDATE submissions
		SET state = 'running', attempts = attempts + 1, started_at = ?
		WHERE id = (SELECT id FROM submissions WHERE state = 'queued' ORDER BY id LIMIT 1)
		RETURNING `+submissionCols, now())
	return scanSubmission(row)
}

// Finish records the final verdict and result of a running submission. It
// returns ErrNotFound if the submission is not running, so that a verdict is
// never recorded twice.
func (s *Store) Finish(ctx context.Context, id int64, verdict, result string) error {
	res, err := s.db.ExecContext(ctx, `UPDATE submissions SET state = 'done', verdict = ?, result = ?, finished_at = ?
		WHERE id = ? AND state = 'running'`, verdict, result, now(), id)
	if err != nil {
		return fmt.Errorf("finish submission %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Requeue puts a running submission back in the queue, to be judged again.
func (s *Store) Requeue(ctx context.Context, id int64) error {
	_, err := s.db.ExecContext(ctx, `UPDATE submissions SET state = 'queued' WHERE id = ? AND state = 'running'`, id)
	return err
}

// RequeueRunning puts back every running submission; the daemon calls it on
// start, when nothing can be running, to recover from a crash. It returns how
// many it requeued.
func (s *Store) RequeueRunning(ctx context.Context) (int64, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE submissions SET state = 'queued' WHERE state = 'running'`)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// QueueDepth counts the submissions waiting to be judged.
func (s *Store) QueueDepth(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM submissions WHERE state = 'queued'`).Scan(&n)
	return n, err
}
