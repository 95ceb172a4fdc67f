package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/judgehq/judge/judge/api"
)

// Contests lists the contests.
func (c *Client) Contests(ctx context.Context) (*api.ContestList, error) {
	var out api.ContestList
	return &out, c.do(ctx, http.MethodGet, "/api/v1/contests", nil, &out)
}

// Contest returns one contest.
func (c *Client) Contest(ctx context.Context, id int64) (*api.Contest, error) {
	var out api.Contest
	return &out, c.do(ctx, http.MethodGet, fmt.Sprintf("/api/v1/contests/%d", id), nil, &out)
}

// CreateContest creates a contest (admin).
func (c *Client) CreateContest(ctx context.Context, req api.ContestRequest) (*api.Contest, error) {
	var out api.Contest
	return &out, c.do(ctx, http.MethodPost, "/api/v1/contests", req, &out)
}

// UpdateContest changes the fields req gives of a contest (admin).
func (c *Client) UpdateContest(ctx context.Context, id int64, req api.ContestRequest) (*api.Contest, error) {
	var out api.Contest
	return &out, c.do(ctx, http.MethodPatch, fmt.Sprintf("/api/v1/contests/%d", id), req, &out)
}

// Register registers the caller for a contest.
func (c *Client) Register(ctx context.Context, id int64) (*api.Contest, error) {
	var out api.Contest
	return &out, c.do(ctx, http.MethodPost, fmt.Sprintf("/api/v1/contests/%d/register", id), nil, &out)
}

// Reveal unfreezes a contest's scoreboard (admin).
func (c *Client) Reveal(ctx context.Context, id int64) (*api.Contest, error) {
	var out api.Contest
	return &out, c.do(ctx, http.MethodPost, fmt.Sprintf("/api/v1/contests/%d/reveal", id), nil, &out)
}

// Leaderboard returns a page (from 1) of a contest's scoreboard. With the
// ETag of an earlier answer, it returns nil and that ETag if nothing
// changed since; otherwise the page and its new ETag.
func (c *Client) Leaderboard(ctx context.Context, id int64, page, perPage int, etag string) (*api.Leaderboard, string, error) {
	q := url.Values{}
	if page > 0 {
		q.Set("page", strconv.Itoa(page))
	}
	if perPage > 0 {
		q.Set("per_page", strconv.Itoa(perPage))
	}
	path := withQuery(fmt.Sprintf("/api/v1/contests/%d/leaderboard", id), q)
	var h http.Header
	if etag != "" {
		h = http.Header{"If-None-Match": {etag}}
	}
	resp, err := c.send(ctx, http.MethodGet, path, h, nil)
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return nil, etag, nil
	case resp.StatusCode >= 300:
		return nil, "", apiError(resp, http.MethodGet, path)
	}
	var out api.Leaderboard
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, "", fmt.Errorf("decode leaderboard: %w", err)
	}
	return &out, resp.Header.Get("ETag"), nil
}
