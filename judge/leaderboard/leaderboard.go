// Package leaderboard keeps a contest's scoreboard in memory under ICPC
// rules, updated on each final verdict.
//
// Scoring: a participant ranks by the number of problems solved, then by
// penalty time: for each solved problem, the minutes from the contest's
// start to its first accepted submission plus PenaltyMinutes for every
// rejected submission before it. Compilation errors (and the judge's own
// internal errors) are not tries; submissions after the first accept do not
// count. Ties on both go to the earlier last accept (in whole minutes, as
// every time on the board); participants equal on all three share a rank
// (1, 2, 2, 4).
//
// Verdicts may arrive in any order (a later submission may be judged
// first): a cell keeps its rejected tries and its first accept, ordered by
// submission id, so the score is always that of the submissions in the
// order they were made.
//
// Freeze: a submission made in the freeze period (from FreezeAt to the end)
// is hidden from the public board, which shows it as pending; its author
// still sees it in their own row. Reveal shows everything.
package leaderboard

import (
	"math"
	"sync"
	"time"
)

// always is the cutoff that counts every submission.
const always = math.MaxInt32

// PenaltyMinutes is the penalty of a rejected try before the accept.
const PenaltyMinutes = 20

// Outcome is what a judged submission means on the board.
type Outcome int

// Outcomes.
const (
	// Ignored submissions do not count: compilation errors, internal
	// errors.
	Ignored Outcome = iota
	Rejected
	Accepted
)

// Rules are a contest's times and problems.
type Rules struct {
	Start time.Time
	// FreezeAt is when the public board freezes; the end (or zero) for
	// no freeze.
	FreezeAt time.Time
	Problems int
}

// cell is a participant's state on one problem. It holds no pointers, so
// that the garbage collector need not look into the cells of a board.
type cell struct {
	// accept is the first accepted submission; its seq is 0 if none.
	accept try
	// late counts the submissions made in the freeze period.
	late int32
	// rejected is where the list of rejected tries starts in the board's
	// tries (index + 1; 0 for none), in no particular order.
	rejected int32
}

// try is a submission on the board: its order among the submissions (the
// submission id) and its time in seconds from the start; in a list of
// rejected tries, next is the next one's index + 1 (0 at the end).
type try struct {
	seq  int64
	t    int32
	next int32
}

type participant struct {
	user  int64
	name  string
	idx   int32
	cells []cell
	// shown holds the cells as the full (0) and the public (1) view show
	// them, computed when they change, so that a page only copies them.
	shown [2][]Cell
	// full and public are the participant's keys in the two orders.
	full, public key
	// seq is the board's version when the row last changed.
	seq uint64
}

// Board is one contest's scoreboard. It is safe for concurrent use.
type Board struct {
	mu     sync.RWMutex
	rules  Rules
	freeze int32 // seconds from the start to the freeze; max if none
	people map[int64]*participant
	// list holds the participants in the order they were added.
	list []*participant
	full *rankset
	// public is nil while it equals full: until a submission is made in
	// the freeze period.
	public *rankset
	// tries holds the rejected tries of every cell, as linked lists.
	tries    []try
	revealed bool
	version  uint64
}

// New returns an empty board.
func New(r Rules) *Board {
	b := &Board{rules: r, people: map[int64]*participant{}, full: &rankset{}, freeze: always}
	if !r.FreezeAt.IsZero() {
		b.freeze = seconds(r.FreezeAt.Sub(r.Start))
	}
	return b
}

func seconds(d time.Duration) int32 {
	s := d / time.Second
	switch {
	case s < 0:
		return 0
	case s > always-1:
		return always - 1
	}
	return int32(s)
}

// Version changes whenever the board does.
func (b *Board) Version() uint64 {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.version
}

// Len returns the number of participants.
func (b *Board) Len() int {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return len(b.people)
}

// Has reports whether user takes part.
func (b *Board) Has(user int64) bool {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.people[user] != nil
}

// Add adds a participant with no results; adding one again does nothing.
func (b *Board) Add(user int64, name string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.people[user] != nil {
		return
	}
	p := &participant{user: user, name: name, idx: int32(len(b.list))}
	b.list = append(b.list, p)
	p.full = key{user: user, idx: p.idx}
	p.public = p.full
	b.people[user] = p
	b.full.insert(p.full)
	if b.public != nil {
		b.public.insert(p.public)
	}
	b.version++
	p.seq = b.version
}

// Record adds the verdict of user's submission seq (its id: ids order the
// submissions as they were made) on problem (an index into the contest's
// problems), made at time at. It returns false if the user or the problem
// is not on the board.
func (b *Board) Record(user int64, problem int, seq int64, at time.Time, o Outcome) bool {
	if o == Ignored {
		return true
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.people[user]
	if p == nil || problem < 0 || problem >= b.rules.Problems {
		return false
	}
	if p.cells == nil {
		p.cells = make([]cell, b.rules.Problems)
	}
	tr := try{seq: seq, t: seconds(at.Sub(b.rules.Start))}
	c := &p.cells[problem]
	if c.accept.seq != 0 && seq >= c.accept.seq {
		return true // after the accept: no change
	}
	if tr.t >= b.freeze {
		c.late++
		if b.public == nil {
			b.public = b.full.clone()
		}
	}
	if o == Accepted {
		c.accept = tr
	} else {
		tr.next = c.rejected
		b.tries = append(b.tries, tr)
		c.rejected = int32(len(b.tries))
	}
	b.rescore(p, problem)
	return true
}

// rescore recomputes p's cells on problem as shown and p's keys, and moves
// the keys in the orders.
func (b *Board) rescore(p *participant, problem int) {
	for v, cutoff := range [2]int32{always, b.freeze} {
		if p.shown[v] == nil {
			p.shown[v] = make([]Cell, len(p.cells))
		}
		p.shown[v][problem] = b.result(&p.cells[problem], cutoff)
	}
	full, public := p.key(0), p.key(1)
	if full != p.full {
		b.full.remove(p.full)
		b.full.insert(full)
		p.full = full
	}
	if b.public != nil && public != p.public {
		b.public.remove(p.public)
		b.public.insert(public)
	}
	p.public = public
	b.version++
	p.seq = b.version
}

// key computes p's key in view v (0 full, 1 public) from its cells as
// shown.
func (p *participant) key(v int) key {
	k := key{user: p.user, idx: p.idx}
	for _, c := range p.shown[v] {
		if c.Solved {
			k.solved++
			k.penalty += c.Minutes + PenaltyMinutes*int32(c.Rejected)
			k.last = max(k.last, c.Minutes)
		}
	}
	return k
}

// Cell is a participant's result on one problem.
//
// It is small (12 bytes), since a board keeps two of each, as the views
// show them.
type Cell struct {
	// Minutes is the time of the accept, in whole minutes from the start.
	Minutes int32
	// Rejected counts the rejected tries before the accept (or all of
	// them if unsolved), up to 65535.
	Rejected uint16
	// Pending counts the submissions hidden by the freeze, up to 65535.
	Pending uint16
	Solved  bool
}

// result is the cell's state counting the submissions made before cutoff
// (seconds from the start); those after it are pending.
func (b *Board) result(c *cell, cutoff int32) Cell {
	var out Cell
	if c.accept.seq != 0 && c.accept.t < cutoff {
		out.Solved, out.Minutes = true, c.accept.t/60
	}
	for i := c.rejected; i != 0; {
		r := &b.tries[i-1]
		if (!out.Solved || r.seq < c.accept.seq) && r.t < cutoff && out.Rejected < 1<<16-1 {
			out.Rejected++
		}
		i = r.next
	}
	if cutoff != always && !out.Solved {
		out.Pending = uint16(min(c.late, 1<<16-1))
	}
	return out
}

// Row is a participant's line on the board.
type Row struct {
	Rank    int
	User    int64
	Name    string
	Solved  int
	Penalty int
	Cells   []Cell
}

// View says whose board to show.
type View int

// Views.
const (
	// Public is what everyone sees: frozen in the freeze period until the
	// reveal.
	Public View = iota
	// Full shows every result: for admins, and for everyone after the
	// reveal.
	Full
)

// Reveal unfreezes the public board for good.
func (b *Board) Reveal() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.revealed {
		b.revealed = true
		b.version++
	}
}

// Revealed reports whether the board was revealed.
func (b *Board) Revealed() bool {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.revealed
}

func (b *Board) order(v View) (*rankset, int32) {
	if v == Full || b.revealed || b.public == nil {
		return b.full, always
	}
	return b.public, b.freeze
}

// Page returns up to n rows from position offset (0-based) of the view, and
// the number of participants.
func (b *Board) Page(v View, offset, n int) ([]Row, int) {
	rows, _, total := b.AppendPage(nil, nil, v, offset, n)
	return rows, total
}

// AppendPage is Page appending the rows to rows and their cells to cells,
// which a caller may reuse from one page to the next, so that a page
// allocates nothing. It returns both slices and the number of participants.
func (b *Board) AppendPage(rows []Row, cells []Cell, v View, offset, n int) ([]Row, []Cell, int) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	set, cutoff := b.order(v)
	size := min(n, max(set.n-offset, 0))
	np := b.rules.Problems
	if free := cap(cells) - len(cells); free < size*np {
		cells = append(make([]Cell, 0, len(cells)+size*np), cells...)
	}
	// The rows' cells must not move once handed out: cells has room.
	rank, prev, added := 0, key{solved: -1}, 0
	if size > 0 {
		set.each(offset, func(pos int, k key) bool {
			if added == size {
				return false
			}
			if added == 0 || !k.sameScore(prev) {
				rank = pos + 1
				if added == 0 {
					rank = set.rank(k)
				}
			}
			prev = k
			i := len(cells)
			cells = cells[:i+np]
			rows = append(rows, b.row(b.list[k.idx], k, rank, cutoff, cells[i:i+np:i+np]))
			added++
			return true
		})
	}
	return rows, cells, set.n
}

// row makes p's row in the view with cutoff into cells, which has room
// for every problem.
func (b *Board) row(p *participant, k key, rank int, cutoff int32, cells []Cell) Row {
	r := Row{Rank: rank, User: p.user, Name: p.name, Solved: int(k.solved), Penalty: int(k.penalty), Cells: cells}
	v := 0
	if cutoff != always {
		v = 1
	}
	clear(r.Cells)
	copy(r.Cells, p.shown[v])
	return r
}

// Seq returns the version of user's row, which changes whenever the row
// does; ok is false if the user does not take part.
func (b *Board) Seq(user int64) (seq uint64, ok bool) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	if p := b.people[user]; p != nil {
		return p.seq, true
	}
	return 0, false
}

// Own returns user's row as the user sees it: all their results, ranked
// among the others' as the view shows them. ok is false if the user does
// not take part; Seq says when the row changed.
func (b *Board) Own(v View, user int64) (row Row, ok bool) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	p := b.people[user]
	if p == nil {
		return Row{}, false
	}
	set, _ := b.order(v)
	return b.row(p, p.full, set.rank(p.full), always, make([]Cell, b.rules.Problems)), true
}

// Top returns the users of the first n rows of the view, in order.
func (b *Board) Top(v View, n int) []int64 {
	b.mu.RLock()
	defer b.mu.RUnlock()
	set, _ := b.order(v)
	out := make([]int64, 0, n)
	set.each(0, func(_ int, k key) bool {
		if len(out) == n {
			return false
		}
		out = append(out, k.user)
		return true
	})
	return out
}

// Standing is a participant's score in a view.
type Standing struct {
	Rank, Solved, Penalty int
}

// Standings returns every participant's standing in the view, by user: for
// tests and for checking a rebuilt board.
func (b *Board) Standings(v View) map[int64]Standing {
	b.mu.RLock()
	defer b.mu.RUnlock()
	set, _ := b.order(v)
	out := make(map[int64]Standing, set.n)
	set.each(0, func(_ int, k key) bool {
		out[k.user] = Standing{Rank: set.rank(k), Solved: int(k.solved), Penalty: int(k.penalty)}
		return true
	})
	return out
}
