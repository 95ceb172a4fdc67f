package leaderboard

import (
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
	"time"
)

var start = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

// at is the time m minutes and s seconds into the contest.
func at(m, s int) time.Time {
	return start.Add(time.Duration(m)*time.Minute + time.Duration(s)*time.Second)
}

type sub struct {
	user    int64
	problem int
	at      time.Time
	o       Outcome
}

// seq orders the test's submissions by their time.
func (s sub) seq() int64 { return s.at.Sub(start).Milliseconds() + 1 }

func board(t *testing.T, r Rules, users []string, subs []sub) *Board {
	t.Helper()
	b := New(r)
	for i, name := range users {
		b.Add(int64(i+1), name)
	}
	for _, s := range subs {
		if !b.Record(s.user, s.problem, s.seq(), s.at, s.o) {
			t.Fatalf("Record(%+v) = false", s)
		}
	}
	return b
}

// line is a row reduced to what the tests compute by hand.
type line struct {
	Rank    int
	Name    string
	Solved  int
	Penalty int
	Cells   []Cell
}

func lines(rows []Row) []line {
	out := make([]line, len(rows))
	for i, r := range rows {
		out[i] = line{r.Rank, r.Name, r.Solved, r.Penalty, r.Cells}
	}
	return out
}

const (
	alice = iota + 1
	bob
	carol
	dave
	erin
	frank
	gina
)

var names = []string{"alice", "bob", "carol", "dave", "erin", "frank", "gina"}

func TestBoard_icpc(t *testing.T) {
	r := Rules{Start: start, Problems: 3}
	subs := []sub{
		// alice: A rejected once, then accepted at 25:30 -> 25 + 20.
		// B: a compilation error does not count, accepted at 40:59 -> 40.
		{alice, 0, at(10, 0), Rejected},
		{alice, 0, at(25, 30), Accepted},
		{alice, 1, at(30, 0), Ignored},
		{alice, 1, at(40, 59), Accepted},
		// bob: A at 5, B after two rejections at 30 -> 5 + 30 + 40 = 75.
		// A rejection after the accept changes nothing.
		{bob, 0, at(5, 0), Accepted},
		{bob, 1, at(20, 0), Rejected},
		{bob, 1, at(21, 0), Rejected},
		{bob, 1, at(30, 0), Accepted},
		{bob, 1, at(50, 0), Rejected},
		{bob, 0, at(55, 0), Accepted},
		// carol: C at 60 -> 1 solved, 60, last accept 60.
		{carol, 2, at(60, 0), Accepted},
		// dave: three rejections, unsolved: no penalty.
		{dave, 0, at(1, 0), Rejected},
		{dave, 0, at(2, 0), Rejected},
		{dave, 0, at(3, 0), Rejected},
		// frank and gina: 1 solved, 40 + 20 = 60 like carol, but their last
		// accept (40) is earlier; they tie exactly with each other (the
		// seconds do not count).
		{frank, 0, at(1, 0), Rejected},
		{frank, 0, at(40, 0), Accepted},
		{gina, 1, at(39, 0), Rejected},
		{gina, 1, at(40, 50), Accepted},
		// erin submits nothing.
	}
	b := board(t, r, names, subs)
	rows, total := b.Page(Public, 0, 10)
	want := []line{
		{1, "bob", 2, 75, []Cell{{Solved: true, Minutes: 5}, {Solved: true, Minutes: 30, Rejected: 2}, {}}},
		{2, "alice", 2, 85, []Cell{{Solved: true, Minutes: 25, Rejected: 1}, {Solved: true, Minutes: 40}, {}}},
		{3, "frank", 1, 60, []Cell{{Solved: true, Minutes: 40, Rejected: 1}, {}, {}}},
		{3, "gina", 1, 60, []Cell{{}, {Solved: true, Minutes: 40, Rejected: 1}, {}}},
		{5, "carol", 1, 60, []Cell{{}, {}, {Solved: true, Minutes: 60}}},
		{6, "dave", 0, 0, []Cell{{Rejected: 3}, {}, {}}},
		{6, "erin", 0, 0, []Cell{{}, {}, {}}},
	}
	if total != 7 || !reflect.DeepEqual(lines(rows), want) {
		t.Errorf("board (%d):\n got %+v\nwant %+v", total, lines(rows), want)
	}

	// Reusing a page's memory gives the same rows.
	bufRows, bufCells, _ := b.AppendPage(nil, nil, Public, 3, 2)
	bufRows, _, _ = b.AppendPage(bufRows[:0], bufCells[:0], Public, 0, 10)
	if !reflect.DeepEqual(lines(bufRows), want) {
		t.Errorf("AppendPage with reused memory:\n got %+v\nwant %+v", lines(bufRows), want)
	}

	// A page from the middle keeps the ranks of ties.
	rows, _ = b.Page(Public, 3, 2)
	if got := lines(rows); len(got) != 2 || got[0].Rank != 3 || got[0].Name != "gina" || got[1].Rank != 5 {
		t.Errorf("page from 3: %+v", got)
	}
	rows, _ = b.Page(Public, 6, 5)
	if got := lines(rows); len(got) != 1 || got[0].Rank != 6 || got[0].Name != "erin" {
		t.Errorf("last page: %+v", got)
	}
	if rows, _ := b.Page(Public, 7, 5); len(rows) != 0 {
		t.Errorf("past the end: %+v", rows)
	}
	if top := b.Top(Public, 2); !reflect.DeepEqual(top, []int64{bob, alice}) {
		t.Errorf("Top = %v", top)
	}
	if b.Record(99, 0, 1, at(1, 0), Accepted) || b.Record(alice, 3, 1, at(1, 0), Accepted) {
		t.Error("Record of an unknown user or problem succeeded")
	}
}

func TestBoard_outOfOrder(t *testing.T) {
	// The same submissions judged in any order give the same board: an
	// earlier rejection judged after the accept counts, a later one not.
	r := Rules{Start: start, Problems: 2}
	subs := []sub{
		{alice, 0, at(10, 0), Rejected},
		{alice, 0, at(20, 0), Accepted},
		{alice, 0, at(30, 0), Rejected},
		{alice, 0, at(40, 0), Accepted},
		{alice, 1, at(15, 0), Ignored},
		{bob, 1, at(12, 0), Rejected},
		{bob, 1, at(13, 0), Rejected},
		{bob, 1, at(70, 0), Accepted},
	}
	want := board(t, r, names[:2], subs).Standings(Full)
	if w := want[alice]; w.Solved != 1 || w.Penalty != 40 {
		t.Fatalf("alice = %+v, want 1 solved, penalty 20 + 20", w)
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 50; i++ {
		shuffled := append([]sub(nil), subs...)
		rnd.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := board(t, r, names[:2], shuffled).Standings(Full); !reflect.DeepEqual(got, want) {
			t.Fatalf("order %v: %+v, want %+v", shuffled, got, want)
		}
	}
}

func TestBoard_freeze(t *testing.T) {
	// 300 minutes, frozen for the last 60.
	r := Rules{Start: start, FreezeAt: at(240, 0), Problems: 2}
	subs := []sub{
		{alice, 0, at(100, 0), Accepted},
		{bob, 0, at(50, 0), Accepted},
		// In the freeze: alice solves B at 241 (341 in all); bob solves B
		// at 245 after three rejections (50 + 245 + 60 = 355).
		{alice, 1, at(241, 0), Accepted},
		{bob, 1, at(242, 0), Rejected},
		{bob, 1, at(243, 0), Rejected},
		{bob, 1, at(244, 0), Rejected},
		{bob, 1, at(245, 0), Accepted},
		// carol's rejection before the freeze shows; the one after is
		// pending.
		{carol, 1, at(200, 0), Rejected},
		{carol, 1, at(250, 0), Rejected},
	}
	b := board(t, r, names[:3], subs)
	pub, _ := b.Page(Public, 0, 10)
	wantPub := []line{
		{1, "bob", 1, 50, []Cell{{Solved: true, Minutes: 50}, {Pending: 4}}},
		{2, "alice", 1, 100, []Cell{{Solved: true, Minutes: 100}, {Pending: 1}}},
		{3, "carol", 0, 0, []Cell{{}, {Rejected: 1, Pending: 1}}},
	}
	if !reflect.DeepEqual(lines(pub), wantPub) {
		t.Errorf("public board:\n got %+v\nwant %+v", lines(pub), wantPub)
	}
	full, _ := b.Page(Full, 0, 10)
	wantFull := []line{
		{1, "alice", 2, 341, []Cell{{Solved: true, Minutes: 100}, {Solved: true, Minutes: 241}}},
		{2, "bob", 2, 355, []Cell{{Solved: true, Minutes: 50}, {Solved: true, Minutes: 245, Rejected: 3}}},
		{3, "carol", 0, 0, []Cell{{}, {Rejected: 2}}},
	}
	if !reflect.DeepEqual(lines(full), wantFull) {
		t.Errorf("full board:\n got %+v\nwant %+v", lines(full), wantFull)
	}
	// alice sees her own new result, ranked among the public rows: first.
	own, ok := b.Own(Public, alice)
	if !ok || own.Rank != 1 || own.Solved != 2 || own.Penalty != 341 || !own.Cells[1].Solved {
		t.Errorf("alice's own row: %+v", own)
	}
	// carol's own row shows both rejections, and her rank among the
	// public rows.
	own, _ = b.Own(Public, carol)
	if own.Rank != 3 || own.Cells[1].Rejected != 2 || own.Cells[1].Pending != 0 {
		t.Errorf("carol's own row: %+v", own)
	}
	v := b.Version()
	b.Reveal()
	if b.Version() == v {
		t.Error("Reveal did not change the version")
	}
	pub, _ = b.Page(Public, 0, 10)
	if !reflect.DeepEqual(lines(pub), wantFull) {
		t.Errorf("revealed board:\n got %+v\nwant %+v", lines(pub), wantFull)
	}
}

func TestBoard_versions(t *testing.T) {
	b := New(Rules{Start: start, Problems: 1})
	b.Add(alice, "alice")
	b.Add(bob, "bob")
	aliceSeq, _ := b.Seq(alice)
	v := b.Version()
	b.Record(bob, 0, 1, at(1, 0), Accepted)
	if b.Version() == v {
		t.Error("a verdict did not change the version")
	}
	if seq, _ := b.Seq(alice); seq != aliceSeq {
		t.Error("bob's verdict changed alice's row version")
	}
	v = b.Version()
	b.Record(bob, 0, 2, at(2, 0), Rejected) // after the accept: nothing changes
	b.Record(bob, 0, 3, at(3, 0), Ignored)
	b.Add(bob, "bob")
	if b.Version() != v {
		t.Error("a verdict that changes nothing changed the version")
	}
}

// TestRankset checks the chunked order against a sorted slice through many
// random updates, across chunk splits and removals.
func TestRankset(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	var s rankset
	keys := map[int64]key{}
	for i := 0; i < 20000; i++ {
		u := int64(rnd.IntN(3000))
		if old, ok := keys[u]; ok {
			s.remove(old)
			delete(keys, u)
			if rnd.IntN(4) == 0 {
				continue
			}
		}
		k := key{solved: int32(rnd.IntN(5)), penalty: int32(rnd.IntN(50)), last: int32(rnd.IntN(5)), user: u}
		s.insert(k)
		keys[u] = k
	}
	var want []key
	for _, k := range keys {
		want = append(want, k)
	}
	sort.Slice(want, func(i, j int) bool { return want[i].less(want[j]) })
	if s.n != len(want) {
		t.Fatalf("n = %d, want %d", s.n, len(want))
	}
	var got []key
	s.each(0, func(_ int, k key) bool { got = append(got, k); return true })
	if !reflect.DeepEqual(got, want) {
		t.Fatal("order differs from a sorted slice")
	}
	for i, k := range want {
		first := sort.Search(len(want), func(j int) bool {
			return !want[j].less(key{solved: k.solved, penalty: k.penalty, last: k.last, user: -1 << 63})
		})
		if got := s.rank(k); got != first+1 {
			t.Fatalf("rank of %+v = %d, want %d", k, got, first+1)
		}
		if got := s.lowerBound(k); got != i {
			t.Fatalf("lowerBound of %+v = %d, want %d", k, got, i)
		}
	}
	for _, c := range s.chunks {
		if len(c) == 0 || len(c) > chunkSize {
			t.Fatalf("chunk of %d keys", len(c))
		}
	}
}
