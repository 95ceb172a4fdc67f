package store

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// BenchmarkStore_Snapshot measures a snapshot of a database of judged
// submissions (1 KB of code and 2 KB of result each) while four writers
// store submissions as the API does, one every 5 ms each, and reports the
// writers' latency during the snapshot against the same time just before:
//
//	go test ./judge/store -run '^$' -bench Snapshot -benchtime 3x
func BenchmarkStore_Snapshot(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			ctx := context.Background()
			s, _ := openTest(b)
			tx, err := s.db.Begin()
			if err != nil {
				b.Fatal(err)
			}
			code, result := strings.Repeat("c", 1000), strings.Repeat("r", 2000)
			for i := 0; i < n; i++ {
				if _, err := tx.Exec(`INSERT INTO submissions (problem, language, code, mode, state, verdict, result, created_at)
					VALUES ('two-sum', 'python', ?, 'submit', 'done', 'AC', ?, ?)`, code, result, now()); err != nil {
					b.Fatal(err)
				}
			}
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
			var mu sync.Mutex
			type write struct {
				at   time.Time
				took time.Duration
			}
			var writes []write
			stop := make(chan struct{})
			var wg sync.WaitGroup
			for w := 0; w < 4; w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for {
						select {
						case <-stop:
							return
						case <-time.After(5 * time.Millisecond):
						}
						t0 := time.Now()
						if _, _, err := s.CreateSubmission(ctx, NewSubmission{Problem: "two-sum", Language: "python", Code: code, Mode: "submit"}); err != nil {
							b.Error(err)
							return
						}
						mu.Lock()
						writes = append(writes, write{t0, time.Since(t0)})
						mu.Unlock()
					}
				}()
			}
			dir := b.TempDir()
			var during, before []time.Duration
			var took time.Duration
			var size int64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				info, err := s.Snapshot(ctx, filepath.Join(dir, fmt.Sprintf("b%d.db", i)))
				if err != nil {
					b.Fatal(err)
				}
				end := time.Now()
				took += info.Took
				size = info.Size
				time.Sleep(end.Sub(start)) // a quiet spell as long, for the next round's "before"
				mu.Lock()
				for _, w := range writes {
					switch {
					case w.at.Before(end) && w.at.Add(w.took).After(start):
						during = append(during, w.took)
					case w.at.Before(start) && w.at.After(start.Add(-end.Sub(start))):
						before = append(before, w.took)
					}
				}
				mu.Unlock()
			}
			b.StopTimer()
			close(stop)
			wg.Wait()
			slices.Sort(during)
			slices.Sort(before)
			q := func(ds []time.Duration, p int) float64 {
				if len(ds) == 0 {
					return 0
				}
				return float64(ds[(len(ds)-1)*p/100]) / 1e6
			}
			b.ReportMetric(float64(size)/(1<<20), "MiB")
			b.ReportMetric(float64(took.Milliseconds())/float64(b.N), "snapshot-ms")
			b.ReportMetric(float64(len(during))/float64(b.N), "writes-during")
			b.ReportMetric(q(during, 99), "p99-during-ms")
			b.ReportMetric(q(during, 100), "max-during-ms")
			b.ReportMetric(q(before, 99), "p99-before-ms")
			b.ReportMetric(q(before, 100), "max-before-ms")
		})
	}
}
