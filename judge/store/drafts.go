package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Draft is a user's unsubmitted code for a problem in a language.
type Draft struct {
	Problem, Language, Code string
	UpdatedAt               time.Time
}

func scanDraft(row interface{ Scan(...any) error }) (*Draft, error) {
	var d Draft
	var updated string
	err := row.Scan(&d.Problem, &d.Language, &d.Code, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	d.UpdatedAt = parseTimeString(updated)
	return &d, nil
}

// SaveDraft stores the user's draft, replacing the one before.
func (s *Store) SaveDraft(ctx context.Context, userID int64, problem, language, code string) (*Draft, error) {
	d, err := scanDraft(s.db.QueryRowContext(ctx, `INSERT INTO drafts (user_id, problem, language, code, updated_at)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (user_id, problem, language) DO UPDATE SET code = excluded.code, updated_at = excluded.updated_at
		RETURNING problem, language, code, updated_at`, userID, problem, language, code, now()))
	if err != nil {
		return nil, fmt.Errorf("save draft: %w", err)
	}
	return d, nil
}

// Draft returns the user's draft of problem in language.
func (s *Store) Draft(ctx context.Context, userID int64, problem, language string) (*Draft, error) {
	return scanDraft(s.db.QueryRowContext(ctx, `SELECT problem, language, code, updated_at FROM drafts
		WHERE user_id = ? AND problem = ? AND language = ?`, userID, problem, language))
}

// Drafts lists the user's drafts, of one problem if problem is set, without
// their code.
func (s *Store) Drafts(ctx context.Context, userID int64, problem string) ([]*Draft, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT problem, language, '', updated_at FROM drafts
		WHERE user_id = ?1 AND (?2 = '' OR problem = ?2) ORDER BY updated_at DESC`, userID, problem)
	if err != nil {
		return nil, fmt.Errorf("list drafts: %w", err)
	}
	defer rows.Close()
	var out []*Draft
	for rows.Next() {
		d, err := scanDraft(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// DeleteDraft removes the user's draft of problem in language.
func (s *Store) DeleteDraft(ctx context.Context, userID int64, problem, language string) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM drafts WHERE user_id = ? AND problem = ? AND language = ?`,
		userID, problem, language)
	if err != nil {
		return fmt.Errorf("delete draft: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}
