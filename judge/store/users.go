package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Roles.
const (
	RoleUser  = "user"
	RoleAdmin = "admin"
)

// ErrDuplicate is returned when a record with the same key exists.
var ErrDuplicate = errors.New("already exists")

// User is an account.
type User struct {
	ID        int64
	Name      string
	Role      string
	CreatedAt time.Time
}

// Token is a bearer token of a user; only its hash is stored.
type Token struct {
	ID        int64
	UserID    int64
	Label     string
	CreatedAt time.Time
	RevokedAt *time.Time
}

// wrapUnique turns SQLite's unique constraint failure into ErrDuplicate.
func wrapUnique(err error) error {
	if err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed") {
		return fmt.Errorf("%w: %v", ErrDuplicate, err)
	}
	return err
}

func scanUser(row interface{ Scan(...any) error }) (*User, error) {
	var u User
	var created string
	err := row.Scan(&u.ID, &u.Name, &u.Role, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	u.CreatedAt = parseTimeString(created)
	return &u, nil
}

// CreateUser adds an account; ErrDuplicate if the name is taken.
func (s *Store) CreateUser(ctx context.Context, name, role string) (*User, error) {
	u, err := scanUser(s.db.QueryRowContext(ctx, `INSERT INTO users (name, role, created_at) VALUES (?, ?, ?)
		RETURNING id, name, role, created_at`, name, role, now()))
	if err != nil {
		return nil, fmt.Errorf("create user %s: %w", name, wrapUnique(err))
	}
	return u, nil
}

// CreateUserWithToken adds an account and its first token in one
// transaction, so that a user never exists without a way in.
func (s *Store) CreateUserWithToken(ctx context.Context, name, role, hash, label string) (*User, *Token, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, err
	}
	defer tx.Rollback()
	u, err := scanUser(tx.QueryRowContext(ctx, `INSERT INTO users (name, role, created_at) VALUES (?, ?, ?)
		RETURNING id, name, role, created_at`, name, role, now()))
	if err != nil {
		return nil, nil, fmt.Errorf("create user %s: %w", name, wrapUnique(err))
	}
	t, err := scanToken(tx.QueryRowContext(ctx, `INSERT INTO tokens (user_id, hash, label, created_at)
		VALUES (?, ?, ?, ?) RETURNING `+tokenCols, u.ID, hash, label, now()))
	if err != nil {
		return nil, nil, fmt.Errorf("create token: %w", wrapUnique(err))
	}
	return u, t, tx.Commit()
}

// User returns the account with id.
func (s *Store) User(ctx context.Context, id int64) (*User, error) {
	return scanUser(s.db.QueryRowContext(ctx, `SELECT id, name, role, created_at FROM users WHERE id = ?`, id))
}

// UserByName returns the account called name.
func (s *Store) UserByName(ctx context.Context, name string) (*User, error) {
	return scanUser(s.db.QueryRowContext(ctx, `SELECT id, name, role, created_at FROM users WHERE name = ?`, name))
}

// UserByToken returns the owner of the unrevoked token with hash.
func (s *Store) UserByToken(ctx context.Context, hash string) (*User, error) {
	return scanUser(s.db.QueryRowContext(ctx, `SELECT u.id, u.name, u.role, u.created_at
		FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = ? AND t.revoked_at IS NULL`, hash))
}

// Users lists the accounts by name.
func (s *Store) Users(ctx context.Context) ([]*User, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, role, created_at FROM users ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var out []*User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// CountUsers counts the accounts with role, or all of them if role is empty.
func (s *Store) CountUsers(ctx context.Context, role string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM users WHERE ?1 = '' OR role = ?1`, role).Scan(&n)
	return n, err
}

const tokenCols = `id, user_id, label, created_at, revoked_at`

func scanToken(row interface{ Scan(...any) error }) (*Token, error) {
	var t Token
	var created string
	var revoked sql.NullString
	err := row.Scan(&t.ID, &t.UserID, &t.Label, &created, &revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	t.CreatedAt = parseTimeString(created)
	t.RevokedAt = parseTime(revoked)
	return &t, nil
}

// CreateToken stores the hash of a new token of user.
func (s *Store) CreateToken(ctx context.Context, userID int64, hash, label string) (*Token, error) {
	t, err := scanToken(s.db.QueryRowContext(ctx, `INSERT INTO tokens (user_id, hash, label, created_at)
		VALUES (?, ?, ?, ?) RETURNING `+tokenCols, userID, hash, label, now()))
	if err != nil {
		return nil, fmt.Errorf("create token: %w", wrapUnique(err))
	}
	return t, nil
}

// Token returns the token with id.
func (s *Store) Token(ctx context.Context, id int64) (*Token, error) {
	return scanToken(s.db.QueryRowContext(ctx, `SELECT `+tokenCols+` FROM tokens WHERE id = ?`, id))
}

// Tokens lists a user's tokens, oldest first.
func (s *Store) Tokens(ctx context.Context, userID int64) ([]*Token, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+tokenCols+` FROM tokens WHERE user_id = ? ORDER BY id`, userID)
	if err != nil {
		return nil, fmt.Errorf("list tokens: %w", err)
	}
	defer rows.Close()
	var out []*Token
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeToken revokes the token with id; revoking it again changes nothing.
func (s *Store) RevokeToken(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?`, now(), id)
	if err != nil {
		return fmt.Errorf("revoke token %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}
