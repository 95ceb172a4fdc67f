package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// ContestProblem is a problem of a contest under its label.
type ContestProblem struct {
	Label   string `json:"label"`
	Problem string `json:"problem"`
}

// Contest is a row of the contests table.
type Contest struct {
	ID       int64
	Title    string
	StartAt  time.Time
	Duration time.Duration
	// Freeze is the scoreboard freeze before the end; 0 for none.
	Freeze   time.Duration
	Scoring  string
	Problems []ContestProblem
	// RevealedAt is when an admin unfroze the scoreboard, or nil.
	RevealedAt *time.Time
	CreatedAt  time.Time
}

// EndAt is when the contest ends.
func (c *Contest) EndAt() time.Time { return c.StartAt.Add(c.Duration) }

// FreezeAt is when the scoreboard freezes: the end if there is no freeze.
func (c *Contest) FreezeAt() time.Time { return c.EndAt().Add(-c.Freeze) }

const contestCols = `id, title, start_at, duration_s, freeze_s, scoring, problems, revealed_at, created_at`

func scanContest(row interface{ Scan(...any) error }) (*Contest, error) {
	var c Contest
	var start, created, probs string
	var revealed sql.NullString
	var dur, freeze int64
	err := row.Scan(&c.ID, &c.Title, &start, &dur, &freeze, &c.Scoring, &probs, &revealed, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(probs), &c.Problems); err != nil {
		return nil, fmt.Errorf("contest %d: problems: %w", c.ID, err)
	}
	c.StartAt, c.CreatedAt = parseTimeString(start), parseTimeString(created)
	c.Duration, c.Freeze = time.Duration(dur)*time.Second, time.Duration(freeze)*time.Second
	c.RevealedAt = parseTime(revealed)
	return &c, nil
}

// CreateContest stores a new contest and returns it with its id.
func (s *Store) CreateContest(ctx context.Context, c Contest) (*Contest, error) {
	probs, err := json.Marshal(c.Problems)
	if err != nil {
		return nil, err
	}
	return scanContest(s.db.QueryRowContext(ctx, `INSERT INTO contests
		(title, start_at, duration_s, freeze_s, scoring, problems, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING `+contestCols,
		c.Title, formatTime(c.StartAt), int64(c.Duration/time.Second), int64(c.Freeze/time.Second),
		c.Scoring, string(probs), now()))
}

// UpdateContest stores the editable fields of c (title, times, scoring,
// problems); ErrNotFound if there is no such contest.
func (s *Store) UpdateContest(ctx context.Context, c Contest) (*Contest, error) {
	probs, err := json.Marshal(c.Problems)
	if err != nil {
		return nil, err
	}
	return scanContest(s.db.QueryRowContext(ctx, `UPDATE contests
		SET title = ?, start_at = ?, duration_s = ?, freeze_s = ?, scoring = ?, problems = ?
		WHERE id = ? RETURNING `+contestCols,
		c.Title, formatTime(c.StartAt), int64(c.Duration/time.Second), int64(c.Freeze/time.Second),
		c.Scoring, string(probs), c.ID))
}

// RevealContest records that the frozen scoreboard of contest id is
// revealed, once: a second call keeps the first time.
func (s *Store) RevealContest(ctx context.Context, id int64) (*Contest, error) {
	return scanContest(s.db.QueryRowContext(ctx, `UPDATE contests SET revealed_at = COALESCE(revealed_at, ?)
		WHERE id = ? RETURNING `+contestCols, now(), id))
}

// Contest returns the contest with id.
func (s *Store) Contest(ctx context.Context, id int64) (*Contest, error) {
	return scanContest(s.db.QueryRowContext(ctx, `SELECT `+contestCols+` FROM contests WHERE id = ?`, id))
}

// Contests returns every contest, oldest first.
func (s *Store) Contests(ctx context.Context) ([]*Contest, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+contestCols+` FROM contests ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list contests: %w", err)
	}
	defer rows.Close()
	var out []*Contest
	for rows.Next() {
		c, err := scanContest(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Register registers a user for a contest; created is false if they were
// registered already.
func (s *Store) Register(ctx context.Context, contestID, userID int64) (created bool, err error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO registrations (contest_id, user_id, registered_at)
		VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, contestID, userID, now())
	if err != nil {
		return false, fmt.Errorf("register: %w", err)
	}
	n, _ := res.RowsAffected()
	return n > 0, nil
}

// Participant is a registered user of a contest.
type Participant struct {
	UserID int64
	Name   string
}

// Participants calls fn for every user registered for the contest, in the
// order they registered.
func (s *Store) Participants(ctx context.Context, contestID int64, fn func(Participant) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT r.user_id, u.name FROM registrations r
		JOIN users u ON u.id = r.user_id WHERE r.contest_id = ? ORDER BY r.rowid`, contestID)
	if err != nil {
		return fmt.Errorf("list participants: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p Participant
		if err := rows.Scan(&p.UserID, &p.Name); err != nil {
			return err
		}
		if err := fn(p); err != nil {
			return err
		}
	}
	return rows.Err()
}

// ContestResult is a judged submission that counts in a contest.
type ContestResult struct {
	ID      int64
	UserID  int64
	Problem string
	Verdict string
	At      time.Time
}

// ContestResults calls fn for every judged submission of the contest, in
// the order they were made.
func (s *Store) ContestResults(ctx context.Context, contestID int64, fn func(ContestResult) error) error {
	rows, err := s.db.QueryContext(ctx, `SELECT id, user_id, problem, verdict, created_at FROM submissions
		WHERE contest_id = ? AND state = 'done' ORDER BY id`, contestID)
	if err != nil {
		return fmt.Errorf("list contest results: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r ContestResult
		var at string
		if err := rows.Scan(&r.ID, &r.UserID, &r.Problem, &r.Verdict, &at); err != nil {
			return err
		}
		r.At = parseTimeString(at)
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}
