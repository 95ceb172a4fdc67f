package leaderboard

// Benchmarks of a board of 100,000 participants; `judge bench leaderboard`
// compares the board with Redis in one run.

import (
	"math/rand/v2"
	"testing"
	"time"
)

func BenchmarkPage(b *testing.B) {
	bd := New(Rules{Start: start, Problems: 10})
	for u := 1; u <= 100000; u++ {
		bd.Add(int64(u), "p")
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := 1; i <= 300000; i++ {
		o := Rejected
		if rnd.IntN(3) == 0 {
			o = Accepted
		}
		bd.Record(int64(rnd.IntN(100000)+1), rnd.IntN(10), int64(i), start.Add(time.Duration(i)*time.Second/30), o)
	}
	b.ResetTimer()
	var rows []Row
	var cells []Cell
	for i := 0; i < b.N; i++ {
		rows, cells, _ = bd.AppendPage(rows[:0], cells[:0], Public, 0, 100)
	}
}
func BenchmarkRecord(b *testing.B) {
	bd := New(Rules{Start: start, Problems: 10})
	for u := 1; u <= 100000; u++ {
		bd.Add(int64(u), "p")
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	b.ResetTimer()
	for i := 1; i <= b.N; i++ {
		o := Rejected
		if rnd.IntN(3) == 0 {
			o = Accepted
		}
		bd.Record(int64(rnd.IntN(100000)+1), rnd.IntN(10), int64(i), start.Add(time.Duration(i%300000)*time.Second/30), o)
	}
}
