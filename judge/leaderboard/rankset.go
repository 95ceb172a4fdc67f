package leaderboard

import "sort"

// key is a participant's place in an order: more solved first, then less
// penalty, then the earlier last accept, then the user id (for a stable
// order among exact ties, which share a rank).
type key struct {
	user    int64
	solved  int32
	penalty int32
	last    int32
	// idx is the participant's index in the board's list, so that a page
	// needs no lookup; it takes no part in the order. Keys hold no
	// pointers, so that the garbage collector need not scan the order.
	idx int32
}

func (a key) less(b key) bool {
	if a.solved != b.solved {
		return a.solved > b.solved
	}
	if a.penalty != b.penalty {
		return a.penalty < b.penalty
	}
	if a.last != b.last {
		return a.last < b.last
	}
	return a.user < b.user
}

func (a key) sameScore(b key) bool {
	return a.solved == b.solved && a.penalty == b.penalty && a.last == b.last
}

// chunkSize bounds a chunk of a rankset: inserting or removing moves at most
// this many entries.
const chunkSize = 256

// rankset is an ordered set of keys with positions: a sorted list cut into
// chunks, so that an update moves a few hundred entries rather than the
// whole list, and the position of a key is the sum of the chunk sizes
// before it plus a binary search.
type rankset struct {
	chunks [][]key
	n      int
}

// chunkFor returns the index of the chunk where k belongs: the first whose
// last key is not less than k, or the last chunk.
func (s *rankset) chunkFor(k key) int {
	i := sort.Search(len(s.chunks), func(i int) bool {
		c := s.chunks[i]
		return !c[len(c)-1].less(k)
	})
	if i == len(s.chunks) {
		i--
	}
	return i
}

func (s *rankset) insert(k key) {
	s.n++
	if len(s.chunks) == 0 {
		s.chunks = append(s.chunks, append(make([]key, 0, chunkSize), k))
		return
	}
	ci := s.chunkFor(k)
	c := s.chunks[ci]
	j := sort.Search(len(c), func(j int) bool { return k.less(c[j]) })
	c = append(c, key{})
	copy(c[j+1:], c[j:])
	c[j] = k
	if len(c) <= chunkSize {
		s.chunks[ci] = c
		return
	}
	// Split a full chunk in two halves.
	half := len(c) / 2
	right := append(make([]key, 0, chunkSize), c[half:]...)
	s.chunks[ci] = append(make([]key, 0, chunkSize), c[:half]...)
	s.chunks = append(s.chunks, nil)
	copy(s.chunks[ci+2:], s.chunks[ci+1:])
	s.chunks[ci+1] = right
}

// remove deletes k, which must be in the set.
func (s *rankset) remove(k key) {
	if len(s.chunks) == 0 {
		return
	}
	ci := s.chunkFor(k)
	c := s.chunks[ci]
	j := sort.Search(len(c), func(j int) bool { return !c[j].less(k) })
	if j == len(c) || c[j] != k {
		return
	}
	s.n--
	copy(c[j:], c[j+1:])
	c = c[:len(c)-1]
	if len(c) == 0 {
		s.chunks = append(s.chunks[:ci], s.chunks[ci+1:]...)
		return
	}
	s.chunks[ci] = c
}

// lowerBound returns how many keys in the set are less than k.
func (s *rankset) lowerBound(k key) int {
	if len(s.chunks) == 0 {
		return 0
	}
	ci := s.chunkFor(k)
	pos := 0
	for _, c := range s.chunks[:ci] {
		pos += len(c)
	}
	c := s.chunks[ci]
	return pos + sort.Search(len(c), func(j int) bool { return !c[j].less(k) })
}

// rank returns the competition rank (1, 2, 2, 4) of a score: one more than
// the number of keys with a strictly better score.
func (s *rankset) rank(k key) int {
	first := k
	first.user = -1 << 63
	return s.lowerBound(first) + 1
}

// each calls fn for the keys from position from on, until fn returns false.
func (s *rankset) each(from int, fn func(pos int, k key) bool) {
	pos := 0
	for _, c := range s.chunks {
		if pos+len(c) <= from {
			pos += len(c)
			continue
		}
		start := max(from-pos, 0)
		for j := start; j < len(c); j++ {
			if !fn(pos+j, c[j]) {
				return
			}
		}
		pos += len(c)
	}
}

func (s *rankset) clone() *rankset {
	out := &rankset{n: s.n, chunks: make([][]key, len(s.chunks))}
	for i, c := range s.chunks {
		out.chunks[i] = append(make([]key, 0, chunkSize), c...)
	}
	return out
}
