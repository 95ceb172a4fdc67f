package judge

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/leaderboard"
	"github.com/judgehq/judge/judge/store"
)

// Contests holds every contest with its scoreboard in memory. The boards
// are built from SQLite on start and after an edit, and updated on each
// final verdict of a submission that counts.
type Contests struct {
	store *store.Store
	log   *slog.Logger

	// mu is held for reading while a verdict is stored and recorded, and
	// for writing while a board is rebuilt from the database, so that a
	// rebuilt board has each verdict exactly once.
	mu   sync.RWMutex
	byID map[int64]*contest
}

// contest is a contest and its board.
type contest struct {
	c     *store.Contest
	board *leaderboard.Board
	index map[string]int
	// gen tells boards apart across rebuilds, for ETags.
	gen uint64

	pages pageCache
}

var generations atomic.Uint64

// LoadContests reads every contest and builds its board.
func LoadContests(ctx context.Context, st *store.Store, log *slog.Logger) (*Contests, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	m := &Contests{store: st, log: log, byID: map[int64]*contest{}}
	all, err := st.Contests(ctx)
	if err != nil {
		return nil, err
	}
	for _, c := range all {
		start := time.Now()
		ct, err := m.build(ctx, c)
		if err != nil {
			return nil, err
		}
		m.byID[c.ID] = ct
		log.Info("built contest scoreboard", "contest", c.ID, "participants", ct.board.Len(),
			"elapsed", time.Since(start).Round(time.Millisecond))
	}
	return m, nil
}

// build makes the board of c from the database.
func (m *Contests) build(ctx context.Context, c *store.Contest) (*contest, error) {
	ct := &contest{c: c, index: map[string]int{}, gen: generations.Add(1)}
	for i, p := range c.Problems {
		ct.index[p.Problem] = i
	}
	ct.board = leaderboard.New(leaderboard.Rules{Start: c.StartAt, FreezeAt: c.FreezeAt(), Problems: len(c.Problems)})
	if c.RevealedAt != nil {
		ct.board.Reveal()
	}
	err := m.store.Participants(ctx, c.ID, func(p store.Participant) error {
		ct.board.Add(p.UserID, p.Name)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("contest %d: %w", c.ID, err)
	}
	err = m.store.ContestResults(ctx, c.ID, func(r store.ContestResult) error {
		ct.record(r.UserID, r.Problem, r.ID, r.At, api.Verdict(r.Verdict))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("contest %d: %w", c.ID, err)
	}
	return ct, nil
}

// outcome is what a verdict means on a board.
func outcome(v api.Verdict) leaderboard.Outcome {
	switch v {
	case api.Accepted:
		return leaderboard.Accepted
	case api.CompileError, api.InternalError:
		return leaderboard.Ignored
	}
	return leaderboard.Rejected
}

func (ct *contest) record(user int64, problem string, seq int64, at time.Time, v api.Verdict) {
	if i, ok := ct.index[problem]; ok {
		ct.board.Record(user, i, seq, at, outcome(v))
	}
}

// get returns the contest with id, or nil.
func (m *Contests) get(id int64) *contest {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.byID[id]
}

// list returns every contest in id order.
func (m *Contests) list() []*contest {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]*contest, 0, len(m.byID))
	for _, ct := range m.byID {
		out = append(out, ct)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].c.ID < out[j].c.ID })
	return out
}

// put builds the board of c, a new or edited contest, and puts it in place
// of the old one.
func (m *Contests) put(ctx context.Context, c *store.Contest) (*contest, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	ct, err := m.build(ctx, c)
	if err != nil {
		return nil, err
	}
	m.byID[c.ID] = ct
	return ct, nil
}

// finish stores a verdict with store (the queue's Finish) and, if the
// submission counts in a contest, records it on the board.
func (m *Contests) finish(sub *store.Submission, v api.Verdict, store func() error) error {
	if sub.ContestID == 0 {
		return store()
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	if err := store(); err != nil {
		return err
	}
	if ct := m.byID[sub.ContestID]; ct != nil {
		ct.record(sub.UserID, sub.Problem, sub.ID, sub.CreatedAt, v)
	}
	return nil
}

// register stores user's registration for the contest and adds them to its
// board, under the lock that a rebuild takes, so that a board rebuilt
// meanwhile cannot miss them. created is false if they were registered.
func (m *Contests) register(ctx context.Context, id int64, u *store.User) (created bool, err error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if created, err = m.store.Register(ctx, id, u.ID); err != nil {
		return false, err
	}
	if ct := m.byID[id]; ct != nil {
		ct.board.Add(u.ID, u.Name)
	}
	return created, nil
}

// reveal stores that the contest's scoreboard is revealed and reveals its
// board, under the same lock as register.
func (m *Contests) reveal(ctx context.Context, id int64) error {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if _, err := m.store.RevealContest(ctx, id); err != nil {
		return err
	}
	if ct := m.byID[id]; ct != nil {
		ct.board.Reveal()
	}
	return nil
}

// hidden returns the problems of contests that have not started at now.
func (m *Contests) hidden(now time.Time) map[string]bool {
	m.mu.RLock()
	defer m.mu.RUnlock()
	var out map[string]bool
	for _, ct := range m.byID {
		if now.Before(ct.c.StartAt) {
			if out == nil {
				out = map[string]bool{}
			}
			for _, p := range ct.c.Problems {
				out[p.Problem] = true
			}
		}
	}
	return out
}

// state returns the contest's state at now.
func (ct *contest) state(now time.Time) string {
	switch {
	case now.Before(ct.c.StartAt):
		return api.ContestUpcoming
	case now.Before(ct.c.EndAt()):
		return api.ContestRunning
	}
	return api.ContestEnded
}

// frozen reports whether the public board hides results at now.
func (ct *contest) frozen(now time.Time) bool {
	return ct.c.Freeze > 0 && !now.Before(ct.c.FreezeAt()) && !ct.board.Revealed()
}

// pageCache keeps the encoded rows of recent leaderboard pages, so that
// many clients polling the same page cost one encoding per change.
type pageCache struct {
	mu    sync.Mutex
	ver   uint64
	pages map[pageKey][]byte
}

type pageKey struct {
	view           leaderboard.View
	offset, number int
}

// get returns the cached page for k at version ver, or calls make and
// keeps its result. It keeps the pages of one version only.
func (c *pageCache) get(ver uint64, k pageKey, make func() []byte) []byte {
	c.mu.Lock()
	if c.ver == ver {
		if b, ok := c.pages[k]; ok {
			c.mu.Unlock()
			return b
		}
	}
	c.mu.Unlock()
	b := make()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.ver != ver || c.pages == nil {
		if ver < c.ver {
			return b // an older version than the one cached
		}
		c.ver, c.pages = ver, map[pageKey][]byte{}
	}
	if len(c.pages) < 64 {
		c.pages[k] = b
	}
	return b
}
