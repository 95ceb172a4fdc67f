// Package client is the HTTP client of the judge's API, used by the CLI and
// the TUI.
package client

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/judgehq/judge/judge/api"
)

// ErrUnreachable wraps failures to reach the daemon at all.
var ErrUnreachable = errors.New("daemon not reachable")

// Client talks to one judge daemon.
type Client struct {
	base  string
	addr  string // where the daemon is, for messages
	token string
	http  *http.Client
}

// New returns a client of the daemon at baseURL, such as
// "http://127.0.0.1:7070", that authenticates with token (none if empty).
func New(baseURL, token string) *Client {
	base := strings.TrimRight(baseURL, "/")
	return &Client{base: base, addr: base, token: token, http: &http.Client{Timeout: 90 * time.Second}}
}

// NewDial returns a client that reaches the daemon through dial, such as a
// connection to a unix socket; addr names the daemon in messages.
func NewDial(addr, token string, dial func(context.Context) (net.Conn, error)) *Client {
	tr := &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) { return dial(ctx) }}
	return &Client{base: "http://judge", addr: addr, token: token,
		http: &http.Client{Timeout: 90 * time.Second, Transport: tr}}
}

// WithHTTPClient returns a copy of c that sends its requests with h, for
// example to share a pool of connections between many clients.
func (c *Client) WithHTTPClient(h *http.Client) *Client {
	cp := *c
	cp.http = h
	return &cp
}

// BaseURL returns the daemon's address.
func (c *Client) BaseURL() string { return c.addr }

func (c *Client) do(ctx context.Context, method, path string, body, out any) error {
	return c.doHeader(ctx, method, path, nil, body, out)
}

func (c *Client) doHeader(ctx context.Context, method, path string, header http.Header, body, out any) error {
	resp, err := c.send(ctx, method, path, header, body)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return apiError(resp, method, path)
	}
	if out == nil {
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("decode %s %s: %w", method, path, err)
	}
	return nil
}

// send sends a request with a JSON body (if body is not nil) and returns
// the response, whose body the caller closes.
func (c *Client) send(ctx context.Context, method, path string, header http.Header, body any) (*http.Response, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%w at %s: %v", ErrUnreachable, c.addr, err)
	}
	return resp, nil
}

// apiError reads the API error of a non-2xx answer.
func apiError(resp *http.Response, method, path string) error {
	var e api.Error
	if err := json.NewDecoder(resp.Body).Decode(&e); err != nil || e.Message == "" {
		e = api.Error{Code: api.CodeInternal, Message: fmt.Sprintf("%s %s: %s", method, path, resp.Status)}
	}
	e.Status = resp.StatusCode
	if secs, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil {
		e.RetryAfter = time.Duration(secs) * time.Second
	}
	return &e
}

// Health checks that the daemon answers.
func (c *Client) Health(ctx context.Context) error {
	return c.do(ctx, http.MethodGet, "/healthz", nil, nil)
}

// Problems lists the problems; filter may hold difficulty, tag and q.
func (c *Client) Problems(ctx context.Context, filter url.Values) (*api.ProblemList, error) {
	var out api.ProblemList
	return &out, c.do(ctx, http.MethodGet, withQuery("/api/v1/problems", filter), nil, &out)
}

// AllProblems lists every problem that matches filter, fetching the pages
// in order; the list says it is one page of them all.
func (c *Client) AllProblems(ctx context.Context, filter url.Values) (*api.ProblemList, error) {
	q := url.Values{}
	for k, v := range filter {
		q[k] = v
	}
	q.Set("per_page", "100")
	all := &api.ProblemList{}
	for page := 1; ; page++ {
		q.Set("page", strconv.Itoa(page))
		next, err := c.Problems(ctx, q)
		if err != nil {
			return nil, err
		}
		all.Problems = append(all.Problems, next.Problems...)
		all.Total = next.Total
		if len(next.Problems) == 0 || len(all.Problems) >= next.Total {
			all.Page.Page, all.PerPage = 1, len(all.Problems)
			return all, nil
		}
	}
}

// Problem returns one problem.
func (c *Client) Problem(ctx context.Context, slug string) (*api.Problem, error) {
	var out api.Problem
	return &out, c.do(ctx, http.MethodGet, "/api/v1/problems/"+url.PathEscape(slug), nil, &out)
}

// Submit queues code for judging. It sends a fresh Idempotency-Key, so
// that SubmitAgain with the same key after a lost answer cannot queue the
// code twice.
func (c *Client) Submit(ctx context.Context, req api.SubmitRequest) (*api.SubmitResponse, error) {
	return c.SubmitAgain(ctx, req, newKey())
}

// SubmitAgain queues code under the Idempotency-Key key: the daemon answers a
// repeated key with the submission it stored the first time.
func (c *Client) SubmitAgain(ctx context.Context, req api.SubmitRequest, key string) (*api.SubmitResponse, error) {
	var out api.SubmitResponse
	return &out, c.doHeader(ctx, http.MethodPost, "/api/v1/submissions", http.Header{"Idempotency-Key": {key}}, req, &out)
}

func newKey() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Submissions lists the caller's submissions, newest first; query may hold
// problem, page and per_page.
func (c *Client) Submissions(ctx context.Context, query url.Values) (*api.SubmissionList, error) {
	var out api.SubmissionList
	return &out, c.do(ctx, http.MethodGet, withQuery("/api/v1/submissions", query), nil, &out)
}

func withQuery(path string, q url.Values) string {
	if len(q) > 0 {
		return path + "?" + q.Encode()
	}
	return path
}

// Me returns the caller's account.
func (c *Client) Me(ctx context.Context) (*api.User, error) {
	var out api.User
	return &out, c.do(ctx, http.MethodGet, "/api/v1/me", nil, &out)
}

// Draft returns the caller's draft of a problem in a language.
func (c *Client) Draft(ctx context.Context, problem, language string) (*api.Draft, error) {
	var out api.Draft
	return &out, c.do(ctx, http.MethodGet, "/api/v1/drafts/"+url.PathEscape(problem)+"/"+url.PathEscape(language), nil, &out)
}

// SaveDraft stores the caller's draft of a problem in a language.
func (c *Client) SaveDraft(ctx context.Context, problem, language, code string) (*api.Draft, error) {
	var out api.Draft
	return &out, c.do(ctx, http.MethodPut, "/api/v1/drafts/"+url.PathEscape(problem)+"/"+url.PathEscape(language),
		api.DraftRequest{Code: code}, &out)
}

// Users lists the accounts (admin).
func (c *Client) Users(ctx context.Context) (*api.UserList, error) {
	var out api.UserList
	return &out, c.do(ctx, http.MethodGet, "/api/v1/users", nil, &out)
}

// AddUser creates an account with a first token (admin).
func (c *Client) AddUser(ctx context.Context, req api.NewUserRequest) (*api.NewUserResponse, error) {
	var out api.NewUserResponse
	return &out, c.do(ctx, http.MethodPost, "/api/v1/users", req, &out)
}

// NewToken creates a token for user (admin, or the user).
func (c *Client) NewToken(ctx context.Context, user, label string) (*api.Token, error) {
	var out api.Token
	return &out, c.do(ctx, http.MethodPost, "/api/v1/users/"+url.PathEscape(user)+"/tokens", api.NewTokenRequest{Label: label}, &out)
}

// Tokens lists user's tokens (admin, or the user).
func (c *Client) Tokens(ctx context.Context, user string) (*api.TokenList, error) {
	var out api.TokenList
	return &out, c.do(ctx, http.MethodGet, "/api/v1/users/"+url.PathEscape(user)+"/tokens", nil, &out)
}

// RevokeToken revokes the token with id (admin, or its owner).
func (c *Client) RevokeToken(ctx context.Context, id int64) error {
	return c.do(ctx, http.MethodDelete, fmt.Sprintf("/api/v1/tokens/%d", id), nil, nil)
}

// Submission returns a submission; with wait > 0 the daemon holds the answer
// until the verdict is final or wait passes.
func (c *Client) Submission(ctx context.Context, id int64, wait time.Duration) (*api.Submission, error) {
	var out api.Submission
	path := fmt.Sprintf("/api/v1/submissions/%d", id)
	if wait > 0 {
		path += "?wait=" + wait.String()
	}
	return &out, c.do(ctx, http.MethodGet, path, nil, &out)
}

// WaitVerdict polls until the submission is judged or ctx ends.
func (c *Client) WaitVerdict(ctx context.Context, id int64) (*api.Submission, error) {
	for {
		sub, err := c.Submission(ctx, id, 20*time.Second)
		if err != nil {
			return nil, err
		}
		if sub.State == api.StateDone {
			return sub, nil
		}
		if err := ctx.Err(); err != nil {
			return sub, err
		}
	}
}

// StartingCode is the caller's saved draft of problem p in lang or, with no
// draft, the problem's stub; from says which ("your draft of DATE" or "the
// stub").
func (c *Client) StartingCode(ctx context.Context, p *api.Problem, lang string) (code, from string, err error) {
	d, err := c.Draft(ctx, p.Slug, lang)
	var apiErr *api.Error
	switch {
	case err == nil && d.Code != "":
		return d.Code, "your draft of " + d.UpdatedAt.Local().Format("2006-01-02 15:04"), nil
	case err == nil, errors.As(err, &apiErr) && apiErr.Code == api.CodeNotFound:
	default:
		return "", "", err
	}
	stub, ok := p.Stubs[lang]
	if !ok {
		return "", "", fmt.Errorf("%s has no %s stub", p.Slug, lang)
	}
	return stub, "the stub", nil
}

// Backup streams a consistent snapshot of the daemon's database, a SQLite
// file, into w (admin), and returns what the daemon says of it; the caller
// checks the file itself. A large database takes a while, so only ctx
// bounds the download.
func (c *Client) Backup(ctx context.Context, w io.Writer) (*api.BackupInfo, error) {
	const path = "/api/v1/admin/backup"
	untimed := *c.http
	untimed.Timeout = 0
	cc := *c
	cc.http = &untimed
	resp, err := cc.send(ctx, http.MethodGet, path, nil, nil)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return nil, apiError(resp, http.MethodGet, path)
	}
	if ct := resp.Header.Get("Content-Type"); ct != api.BackupContentType {
		return nil, fmt.Errorf("GET %s: the daemon sent %q, not a database; is %s a judge daemon?", path, ct, c.addr)
	}
	info := &api.BackupInfo{}
	info.Schema, _ = strconv.Atoi(resp.Header.Get(api.HeaderBackupSchema))
	info.Submissions, _ = strconv.ParseInt(resp.Header.Get(api.HeaderBackupSubmissions), 10, 64)
	info.TakenAt, _ = time.Parse(time.RFC3339Nano, resp.Header.Get(api.HeaderBackupTakenAt))
	info.Took, _ = time.ParseDuration(resp.Header.Get(api.HeaderBackupTook))
	n, err := io.Copy(w, resp.Body)
	if err == nil && resp.ContentLength >= 0 && n != resp.ContentLength {
		err = fmt.Errorf("got %d of %d bytes", n, resp.ContentLength)
	}
	if err != nil {
		return nil, fmt.Errorf("download the backup: %w; try again", err)
	}
	info.Size = n
	return info, nil
}
