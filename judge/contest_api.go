package judge

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/leaderboard"
	"github.com/judgehq/judge/judge/store"
)

// Bounds of a contest's definition.
const (
	maxContestProblems = 26
	maxContestTitle    = 200
	maxContestDuration = 30 * 24 * time.Hour
	minContestDuration = time.Minute
)

var contestLabel = regexp.MustCompile(`^[A-Z][A-Z0-9]{0,3}$`)

func (s *Server) contestAPI(ct *contest, u *store.User, now time.Time) api.Contest {
	c := ct.c
	out := api.Contest{
		ID: c.ID, Title: c.Title, StartAt: c.StartAt, EndAt: c.EndAt(),
		DurationS: int64(c.Duration / time.Second), FreezeS: int64(c.Freeze / time.Second),
		Scoring: c.Scoring, State: ct.state(now), Frozen: ct.frozen(now), Revealed: ct.board.Revealed(),
		Problems: []api.ContestProblem{}, ProblemCount: len(c.Problems), Participants: ct.board.Len(),
		ServerTime: now,
	}
	if u != nil {
		out.Registered = ct.board.Has(u.ID)
	}
	if out.State != api.ContestUpcoming || u != nil && u.Role == store.RoleAdmin {
		for _, p := range c.Problems {
			cp := api.ContestProblem{Label: p.Label, Problem: p.Problem}
			if pr, ok := s.bySlug[p.Problem]; ok {
				cp.Title = pr.Title
			}
			out.Problems = append(out.Problems, cp)
		}
	}
	return out
}

// contestOf finds the contest of the request's {id}, answering 404 itself if
// there is none.
func (s *Server) contestOf(w http.ResponseWriter, r *http.Request) *contest {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	var ct *contest
	if err == nil {
		ct = s.contests.get(id)
	}
	if ct == nil {
		writeError(w, http.StatusNotFound, api.CodeUnknownContest,
			fmt.Sprintf("no contest %q; list them with GET /api/v1/contests (`judge contest list`)", truncate(r.PathValue("id"), 40)))
	}
	return ct
}

func (s *Server) listContests(w http.ResponseWriter, r *http.Request) {
	now, u := time.Now(), caller(r)
	out := api.ContestList{Contests: []api.Contest{}}
	for _, ct := range s.contests.list() {
		out.Contests = append(out.Contests, s.contestAPI(ct, u, now))
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) getContest(w http.ResponseWriter, r *http.Request) {
	if ct := s.contestOf(w, r); ct != nil {
		writeJSON(w, http.StatusOK, s.contestAPI(ct, caller(r), time.Now()))
	}
}

// applyContest checks req and applies it to c; it returns what is wrong in
// words for the caller.
func (s *Server) applyContest(c *store.Contest, req api.ContestRequest, create bool) error {
	if create {
		switch {
		case req.Title == nil:
			return errors.New("title is required")
		case req.StartAt == nil:
			return errors.New("start_at is required (RFC 3339, such as 2026-12-01T18:00:00Z)")
		case req.DurationS == nil:
			return errors.New("duration_s is required (seconds)")
		case len(req.Problems) == 0:
			return errors.New("problems are required: [{\"problem\": \"two-sum\"}, ...]")
		}
		c.Scoring = api.ScoringICPC
	}
	if req.Title != nil {
		t := strings.TrimSpace(*req.Title)
		if t == "" || len(t) > maxContestTitle {
			return fmt.Errorf("title must have 1 to %d characters", maxContestTitle)
		}
		c.Title = t
	}
	if req.StartAt != nil {
		c.StartAt = req.StartAt.UTC()
	}
	if req.DurationS != nil {
		d := time.Duration(*req.DurationS) * time.Second
		if d < minContestDuration || d > maxContestDuration || *req.DurationS > int64(maxContestDuration/time.Second) {
			return fmt.Errorf("duration_s must be between %d and %d", int64(minContestDuration/time.Second), int64(maxContestDuration/time.Second))
		}
		c.Duration = d
	}
	if req.FreezeS != nil {
		if *req.FreezeS < 0 || *req.FreezeS > int64(maxContestDuration/time.Second) {
			return errors.New("freeze_s must be between 0 and the duration")
		}
		c.Freeze = time.Duration(*req.FreezeS) * time.Second
	}
	if c.Freeze > c.Duration {
		return errors.New("freeze_s must be between 0 and the duration")
	}
	if req.Scoring != nil {
		if *req.Scoring != api.ScoringICPC {
			return fmt.Errorf("scoring %q: the scoring rule is icpc", truncate(*req.Scoring, 40))
		}
		c.Scoring = *req.Scoring
	}
	if req.Problems != nil {
		if len(req.Problems) > maxContestProblems {
			return fmt.Errorf("%d problems: at most %d", len(req.Problems), maxContestProblems)
		}
		var probs []store.ContestProblem
		seen := map[string]bool{}
		for i, p := range req.Problems {
			if _, ok := s.bySlug[p.Problem]; !ok {
				return fmt.Errorf("no problem %q; list them with GET /api/v1/problems", truncate(p.Problem, 80))
			}
			label := p.Label
			if label == "" {
				label = string(rune('A' + i))
			}
			if !contestLabel.MatchString(label) {
				return fmt.Errorf("label %q: want a capital letter and up to 3 letters or digits, such as A or B2", truncate(label, 20))
			}
			if seen[label] || seen["problem:"+p.Problem] {
				return fmt.Errorf("problem %q or label %q appears twice", p.Problem, label)
			}
			seen[label], seen["problem:"+p.Problem] = true, true
			probs = append(probs, store.ContestProblem{Label: label, Problem: p.Problem})
		}
		c.Problems = probs
	}
	return nil
}

func (s *Server) createContest(w http.ResponseWriter, r *http.Request) {
	if requireAdmin(w, r) == nil {
		return
	}
	var req api.ContestRequest
	if !s.decodeBody(w, r, &req) {
		return
	}
	var c store.Contest
	if err := s.applyContest(&c, req, true); err != nil {
		writeError(w, http.StatusUnprocessableEntity, api.CodeBadInput, err.Error())
		return
	}
	created, err := s.store.CreateContest(r.Context(), c)
	if err != nil {
		s.internalError(w, "store the contest", err)
		return
	}
	ct, err := s.contests.put(r.Context(), created)
	if err != nil {
		s.internalError(w, "build the contest's scoreboard", err)
		return
	}
	s.log.Info("contest created", "contest", created.ID, "title", created.Title, "by", caller(r).Name)
	w.Header().Set("Location", fmt.Sprintf("/api/v1/contests/%d", created.ID))
	writeJSON(w, http.StatusCreated, s.contestAPI(ct, caller(r), time.Now()))
}

func (s *Server) updateContest(w http.ResponseWriter, r *http.Request) {
	if requireAdmin(w, r) == nil {
		return
	}
	ct := s.contestOf(w, r)
	if ct == nil {
		return
	}
	var req api.ContestRequest
	if !s.decodeBody(w, r, &req) {
		return
	}
	c := *ct.c
	if err := s.applyContest(&c, req, false); err != nil {
		writeError(w, http.StatusUnprocessableEntity, api.CodeBadInput, err.Error())
		return
	}
	updated, err := s.store.UpdateContest(r.Context(), c)
	if err != nil {
		s.internalError(w, "store the contest", err)
		return
	}
	if ct, err = s.contests.put(r.Context(), updated); err != nil {
		s.internalError(w, "rebuild the contest's scoreboard", err)
		return
	}
	s.log.Info("contest edited", "contest", updated.ID, "by", caller(r).Name)
	writeJSON(w, http.StatusOK, s.contestAPI(ct, caller(r), time.Now()))
}

func (s *Server) registerContest(w http.ResponseWriter, r *http.Request) {
	u := requireUser(w, r)
	if u == nil {
		return
	}
	ct := s.contestOf(w, r)
	if ct == nil {
		return
	}
	now := time.Now()
	if !now.Before(ct.c.EndAt()) {
		writeError(w, http.StatusConflict, api.CodeContestClosed,
			fmt.Sprintf("contest %d ended at %s; its problems stay open for practice", ct.c.ID, ct.c.EndAt().Format(time.RFC3339)))
		return
	}
	created, err := s.contests.register(r.Context(), ct.c.ID, u)
	if err != nil {
		s.internalError(w, "register you", err)
		return
	}
	ct = s.contests.get(ct.c.ID) // the board now, had it been rebuilt
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	writeJSON(w, status, s.contestAPI(ct, u, now))
}

func (s *Server) revealContest(w http.ResponseWriter, r *http.Request) {
	if requireAdmin(w, r) == nil {
		return
	}
	ct := s.contestOf(w, r)
	if ct == nil {
		return
	}
	if err := s.contests.reveal(r.Context(), ct.c.ID); err != nil {
		s.internalError(w, "reveal the scoreboard", err)
		return
	}
	ct = s.contests.get(ct.c.ID)
	s.log.Info("scoreboard revealed", "contest", ct.c.ID, "by", caller(r).Name)
	writeJSON(w, http.StatusOK, s.contestAPI(ct, caller(r), time.Now()))
}

// leaderboard answers a page of the scoreboard. Admins see every result;
// others see the public board, which hides the freeze period's results
// until the reveal, and their own row in full. The rows of a page are
// encoded once per change of the board, and the ETag lets a client that
// polls skip the body while nothing changed.
func (s *Server) leaderboard(w http.ResponseWriter, r *http.Request) {
	ct := s.contestOf(w, r)
	if ct == nil {
		return
	}
	pg, ok := s.pageOf(w, r)
	if !ok {
		return
	}
	u, now := caller(r), time.Now()
	view := leaderboard.Public
	if u != nil && u.Role == store.RoleAdmin {
		view = leaderboard.Full
	}
	// The ETag first: a client polling an unchanged board gets its 304
	// before any row is made.
	ver := ct.board.Version()
	var seq uint64
	if u != nil {
		seq, _ = ct.board.Seq(u.ID)
	}
	frozen := view == leaderboard.Public && ct.frozen(now)
	etag := fmt.Sprintf(`"%d.%d.%d.%d.%t"`, ct.gen, ver, view, seq, frozen)
	w.Header().Set("ETag", etag)
	w.Header().Set("Cache-Control", "no-cache")
	if match := r.Header.Get("If-None-Match"); match != "" && strings.Contains(match, etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	var me *leaderboard.Row
	if u != nil {
		if row, ok := ct.board.Own(view, u.ID); ok {
			me = &row
		}
	}
	labels := make([]string, len(ct.c.Problems))
	for i, p := range ct.c.Problems {
		labels[i] = p.Label
	}
	rows := ct.pages.get(ver, pageKey{view, offset(pg), pg.PerPage}, func() []byte {
		list, _ := ct.board.Page(view, offset(pg), pg.PerPage)
		out := make([]api.LeaderboardRow, len(list))
		for i := range list {
			out[i] = rowAPI(&list[i])
		}
		b, _ := json.Marshal(out)
		return b
	})
	pg.Total = ct.board.Len()
	head := api.Leaderboard{Contest: ct.c.ID, Labels: labels, Frozen: frozen, Page: pg}
	if me != nil {
		row := rowAPI(me)
		head.Me = &row
	}
	// The rows are spliced in as encoded, not encoded (or checked) again.
	rest, _ := json.Marshal(head) // {"contest":...,"rows":null,...}
	rest = bytes.Replace(rest, []byte(`"rows":null`), []byte(`"rows":`), 1)
	i := bytes.Index(rest, []byte(`"rows":`)) + len(`"rows":`)
	var buf bytes.Buffer
	buf.Grow(len(rest) + len(rows) + 1)
	buf.Write(rest[:i])
	buf.Write(rows)
	buf.Write(rest[i:])
	buf.WriteByte('\n')
	w.Header().Set("Content-Type", "application/json")
	w.Write(buf.Bytes())
}

func rowAPI(r *leaderboard.Row) api.LeaderboardRow {
	out := api.LeaderboardRow{Rank: r.Rank, User: r.Name, Solved: r.Solved, Penalty: r.Penalty,
		Problems: make([]api.LeaderboardCell, len(r.Cells))}
	for i, c := range r.Cells {
		out.Problems[i] = api.LeaderboardCell{Solved: c.Solved, Minutes: int(c.Minutes), Rejected: int(c.Rejected), Pending: int(c.Pending)}
	}
	return out
}

// contestFor checks a submission for req.Contest made at at, and returns
// the contest it counts in: none for a run, or after the end (practice). It
// answers the error itself and returns false if the submission may not be
// made.
func (s *Server) contestFor(w http.ResponseWriter, u *store.User, req api.SubmitRequest, at time.Time) (int64, bool) {
	if req.Contest == 0 {
		return 0, true
	}
	ct := s.contests.get(req.Contest)
	if ct == nil {
		writeError(w, http.StatusUnprocessableEntity, api.CodeUnknownContest,
			fmt.Sprintf("no contest %d; list them with `judge contest list`", req.Contest))
		return 0, false
	}
	if _, ok := ct.index[req.Problem]; !ok {
		writeError(w, http.StatusUnprocessableEntity, api.CodeUnknownProblem,
			fmt.Sprintf("problem %q is not in contest %d; see its problems with `judge contest show %d`", truncate(req.Problem, 80), ct.c.ID, ct.c.ID))
		return 0, false
	}
	if !ct.board.Has(u.ID) {
		writeError(w, http.StatusForbidden, api.CodeNotRegistered,
			fmt.Sprintf("you are not registered for contest %d: register with `judge contest register %d`", ct.c.ID, ct.c.ID))
		return 0, false
	}
	if at.Before(ct.c.StartAt) {
		writeError(w, http.StatusForbidden, api.CodeContestClosed,
			fmt.Sprintf("contest %d starts at %s", ct.c.ID, ct.c.StartAt.Format(time.RFC3339)))
		return 0, false
	}
	if req.Mode == api.ModeRun || !at.Before(ct.c.EndAt()) {
		return 0, true
	}
	return ct.c.ID, true
}
