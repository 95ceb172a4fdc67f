package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
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
	ID int64
	// UserID is the owner; 0 for submissions stored before accounts.
	UserID   int64
	Problem  string
	Language string
	Code     string
	Mode     string
	// Input holds a run's custom tests as JSON, or is empty.
	Input    string
	State    string
	Verdict  string
	Attempts int
	// Round is the submission's place in the fair queue.
	Round int64
	// ContestID is the contest the submission counts in; 0 for practice.
	ContestID int64
	// Result is the judging result as JSON, set when State is Done.
	Result     string
	CreatedAt  time.Time
	StartedAt  *time.Time
	FinishedAt *time.Time
}

const submissionCols = `id, COALESCE(user_id, 0), problem, language, code, mode, COALESCE(input, ''), state,
	verdict, attempts, round, COALESCE(contest_id, 0), COALESCE(result, ''), created_at, started_at, finished_at`

func scanSubmission(row interface{ Scan(...any) error }) (*Submission, error) {
	var s Submission
	var created string
	var started, finished sql.NullString
	err := row.Scan(&s.ID, &s.UserID, &s.Problem, &s.Language, &s.Code, &s.Mode, &s.Input, &s.State,
		&s.Verdict, &s.Attempts, &s.Round, &s.ContestID, &s.Result, &created, &started, &finished)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	s.CreatedAt = parseTimeString(created)
	s.StartedAt, s.FinishedAt = parseTime(started), parseTime(finished)
	return &s, nil
}

// NewSubmission is what CreateSubmission stores.
type NewSubmission struct {
	UserID                        int64
	Problem, Language, Code, Mode string
	// Input is a run's custom tests as JSON, or empty.
	Input string
	// IdemKey is the client's Idempotency-Key, or empty: a second
	// submission of the same user with the same key is not stored.
	IdemKey string
	// ContestID is the contest the submission counts in, or 0.
	ContestID int64
	// At is when the submission was made, now if zero: the server decides
	// from it whether it counts in the contest, so the stored time agrees.
	At time.Time
}

// CreateSubmission stores a new queued submission and returns it. When the
// user already stored one with the same IdemKey, it returns that one and
// created is false.
//
// The submission's round places it in the fair queue: after the user's
// waiting submissions of the same mode, and no earlier than the round now
// being judged, so that a user with a hundred waiting submissions delays a
// newcomer by at most one of them.
func (s *Store) CreateSubmission(ctx context.Context, n NewSubmission) (sub *Submission, created bool, err error) {
	var uid, input, key, contest any
	if n.UserID != 0 {
		uid = n.UserID
	}
	if n.ContestID != 0 {
		contest = n.ContestID
	}
	at := now()
	if !n.At.IsZero() {
		at = formatTime(n.At)
	}
	if n.Input != "" {
		input = n.Input
	}
	if n.IdemKey != "" {
		key = n.IdemKey
	}
	row := s.db.QueryRowContext(ctx, `INSERT INTO submissions
		(user_id, problem, language, code, mode, input, idem_key, contest_id, state, created_at, round)
		VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?9, 'queued', ?8, MAX(
			COALESCE((SELECT MIN(round) FROM submissions WHERE state = 'queued'), 0),
			COALESCE((SELECT MAX(round) + 1 FROM submissions
				WHERE user_id IS ?1 AND mode = ?5 AND state IN ('queued', 'running')), 0)))
		ON CONFLICT DO NOTHING
		RETURNING `+submissionCols, uid, n.Problem, n.Language, n.Code, n.Mode, input, key, at, contest)
	sub, err = scanSubmission(row)
	if errors.Is(err, ErrNotFound) && n.IdemKey != "" {
		if sub, err = s.SubmissionByKey(ctx, n.UserID, n.IdemKey); err == nil {
			return sub, false, nil
		}
	}
	if err != nil {
		return nil, false, fmt.Errorf("create submission: %w", err)
	}
	return sub, true, nil
}

// Submission returns the submission with id.
func (s *Store) Submission(ctx context.Context, id int64) (*Submission, error) {
	return scanSubmission(s.db.QueryRowContext(ctx, `SELECT `+submissionCols+` FROM submissions WHERE id = ?`, id))
}

// ClaimNext marks the next queued submission running, counts the attempt,
// and returns it; ErrNotFound when the queue is empty. The next is the first
// of the lowest round, runs before submits ("run" sorts before "submit"), so
// that one user's burst does not starve the others and a run is not stuck
// behind a burst of submits.
func (s *Store) ClaimNext(ctx context.Context) (*Submission, error) {
	row := s.db.QueryRowContext(ctx, `UPDATE submissions
		SET state = 'running', attempts = attempts + 1, started_at = ?
		WHERE id = (SELECT id FROM submissions WHERE state = 'queued' ORDER BY round, mode, id LIMIT 1)
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

// SubmissionFilter selects submissions for a history page.
type SubmissionFilter struct {
	// UserID selects one user's submissions; 0 selects everyone's.
	UserID int64
	// Problem, if set, selects one problem's.
	Problem       string
	Limit, Offset int
}

// Submissions returns a page of the submissions f selects, newest first, and
// how many there are in all. The code is left out.
func (s *Store) Submissions(ctx context.Context, f SubmissionFilter) ([]*Submission, int, error) {
	where, args := "1 = 1", []any{}
	if f.UserID != 0 {
		where += " AND user_id = ?"
		args = append(args, f.UserID)
	}
	if f.Problem != "" {
		where += " AND problem = ?"
		args = append(args, f.Problem)
	}
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM submissions WHERE `+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count submissions: %w", err)
	}
	cols := strings.Replace(submissionCols, "code,", "'' AS code,", 1)
	rows, err := s.db.QueryContext(ctx, `SELECT `+cols+` FROM submissions WHERE `+where+
		` ORDER BY id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("list submissions: %w", err)
	}
	defer rows.Close()
	var out []*Submission
	for rows.Next() {
		sub, err := scanSubmission(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, sub)
	}
	return out, total, rows.Err()
}

// Problem statuses of a user.
const (
	Attempted = "attempted"
	Solved    = "solved"
)

// ProblemStatus returns, per problem the user submitted to (submit mode), Solved
// if one submission was Accepted and Attempted otherwise.
func (s *Store) ProblemStatus(ctx context.Context, userID int64) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT problem, MAX(verdict = 'AC') FROM submissions
		WHERE user_id = ? AND mode = 'submit' GROUP BY problem`, userID)
	if err != nil {
		return nil, fmt.Errorf("problem status: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var slug string
		var solved bool
		if err := rows.Scan(&slug, &solved); err != nil {
			return nil, err
		}
		out[slug] = Attempted
		if solved {
			out[slug] = Solved
		}
	}
	return out, rows.Err()
}

// SubmissionByKey returns the user's submission stored with Idempotency-Key
// key.
func (s *Store) SubmissionByKey(ctx context.Context, userID int64, key string) (*Submission, error) {
	return scanSubmission(s.db.QueryRowContext(ctx, `SELECT `+submissionCols+
		` FROM submissions WHERE user_id = ? AND idem_key = ?`, userID, key))
}
