package judge

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/store"
)

// tokenPrefix starts every token, so that a leaked one is easy to spot.
const tokenPrefix = "judge_"

// NewToken returns a fresh bearer token and the hash under which it is
// stored. The token has 256 random bits, so a plain SHA-256 is as good as a
// slow password hash, and lets a request be checked with one index lookup.
func NewToken() (token, hash string) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	token = tokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	return token, HashToken(token)
}

// HashToken returns the stored form of token.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// Bootstrap creates the first admin, called name, when the database has no
// admin, and returns its token; it returns "" when an admin exists.
func Bootstrap(ctx context.Context, st *store.Store, name string) (string, error) {
	n, err := st.CountUsers(ctx, store.RoleAdmin)
	if err != nil {
		return "", fmt.Errorf("count admins: %w", err)
	}
	if n > 0 {
		return "", nil
	}
	token, hash := NewToken()
	if _, _, err := st.CreateUserWithToken(ctx, name, store.RoleAdmin, hash, "created on first start"); err != nil {
		return "", err
	}
	return token, nil
}

type userKey struct{}

// caller returns the authenticated user of the request, or nil.
func caller(r *http.Request) *store.User {
	u, _ := r.Context().Value(userKey{}).(*store.User)
	return u
}

// authenticate resolves the request's bearer token. A request without one
// goes on anonymous; a wrong or revoked token is refused outright, so that a
// client with a stale token learns it at once.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		if h == "" {
			next.ServeHTTP(w, r)
			return
		}
		scheme, token, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
			writeError(w, http.StatusUnauthorized, api.CodeUnauthorized,
				"the Authorization header must be 'Bearer TOKEN'; get a token with `judge login`")
			return
		}
		u, err := s.userByToken(r.Context(), HashToken(strings.TrimSpace(token)))
		if errors.Is(err, store.ErrNotFound) {
			writeError(w, http.StatusUnauthorized, api.CodeUnauthorized,
				"the token is wrong or revoked; ask an admin for a new one (`judge user token NAME`) and run `judge login`")
			return
		}
		if err != nil {
			s.log.Error("look up token", "err", err)
			writeError(w, http.StatusServiceUnavailable, api.CodeUnavailable, "could not check the token; try again")
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, u)))
	})
}

// requireUser answers 401 and returns nil when the request has no user.
func requireUser(w http.ResponseWriter, r *http.Request) *store.User {
	u := caller(r)
	if u == nil {
		writeError(w, http.StatusUnauthorized, api.CodeUnauthorized,
			"this needs a token: run `judge login`, or send 'Authorization: Bearer TOKEN'")
	}
	return u
}

// requireAdmin answers 401 or 403 and returns nil unless the caller is an
// admin.
func requireAdmin(w http.ResponseWriter, r *http.Request) *store.User {
	u := requireUser(w, r)
	if u != nil && u.Role != store.RoleAdmin {
		writeError(w, http.StatusForbidden, api.CodeForbidden, "only an admin may do this")
		return nil
	}
	return u
}

// tokenTTL is how long a checked token is believed without the database.
// Revoking through this daemon forgets every cached token at once.
const tokenTTL = 30 * time.Second

// tokenCache remembers the owners of recently checked tokens, so that a
// polling client costs no database read for its token.
type tokenCache struct {
	mu    sync.Mutex
	users map[string]cachedUser
}

type cachedUser struct {
	user    *store.User
	expires time.Time
}

func newTokenCache() *tokenCache { return &tokenCache{users: map[string]cachedUser{}} }

func (c *tokenCache) get(hash string, now time.Time) *store.User {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.users[hash]; ok && now.Before(e.expires) {
		return e.user
	}
	return nil
}

func (c *tokenCache) put(hash string, u *store.User, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.users) > 100_000 {
		c.users = map[string]cachedUser{} // bounded: start over
	}
	c.users[hash] = cachedUser{user: u, expires: now.Add(tokenTTL)}
}

// forget drops every cached token.
func (c *tokenCache) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.users = map[string]cachedUser{}
}

// userByToken returns the owner of the unrevoked token with hash.
func (s *Server) userByToken(ctx context.Context, hash string) (*store.User, error) {
	now := time.Now()
	if u := s.tokens.get(hash, now); u != nil {
		return u, nil
	}
	u, err := s.store.UserByToken(ctx, hash)
	if err == nil {
		s.tokens.put(hash, u, now)
	}
	return u, err
}
