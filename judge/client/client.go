// Package client is the HTTP client of the judge's API, used by the CLI and
// the TUI.
package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/judgehq/judge/judge/api"
)

// ErrUnreachable wraps failures to reach the daemon at all.
var ErrUnreachable = errors.New("daemon not reachable")

// Client talks to one judge daemon.
type Client struct {
	base string
	http *http.Client
}

// New returns a client of the daemon at baseURL, such as
// "http://127.0.0.1:7070".
func New(baseURL string) *Client {
	return &Client{base: strings.TrimRight(baseURL, "/"), http: &http.Client{Timeout: 90 * time.Second}}
}

// BaseURL returns the daemon's address.
func (c *Client) BaseURL() string { return c.base }

func (c *Client) do(ctx context.Context, method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, rd)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("%w at %s: %v", ErrUnreachable, c.base, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		var e api.Error
		if err := json.NewDecoder(resp.Body).Decode(&e); err != nil || e.Message == "" {
			return &api.Error{Code: api.CodeInternal, Message: fmt.Sprintf("%s %s: %s", method, path, resp.Status)}
		}
		return &e
	}
	if out == nil {
		return nil
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return fmt.Errorf("decode %s %s: %w", method, path, err)
	}
	return nil
}

// Health checks that the daemon answers.
func (c *Client) Health(ctx context.Context) error {
	return c.do(ctx, http.MethodGet, "/healthz", nil, nil)
}

// Problems lists the problems; filter may hold difficulty, tag and q.
func (c *Client) Problems(ctx context.Context, filter url.Values) (*api.ProblemList, error) {
	var out api.ProblemList
	path := "/api/v1/problems"
	if len(filter) > 0 {
		path += "?" + filter.Encode()
	}
	return &out, c.do(ctx, http.MethodGet, path, nil, &out)
}

// Problem returns one problem.
func (c *Client) Problem(ctx context.Context, slug string) (*api.Problem, error) {
	var out api.Problem
	return &out, c.do(ctx, http.MethodGet, "/api/v1/problems/"+url.PathEscape(slug), nil, &out)
}

// Submit queues code for judging.
func (c *Client) Submit(ctx context.Context, req api.SubmitRequest) (*api.SubmitResponse, error) {
	var out api.SubmitResponse
	return &out, c.do(ctx, http.MethodPost, "/api/v1/submissions", req, &out)
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
