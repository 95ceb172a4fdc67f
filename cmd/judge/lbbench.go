package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/spf13/cobra"

	"github.com/judgehq/judge/examples"
	"github.com/judgehq/judge/judge"
	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/client"
	"github.com/judgehq/judge/judge/leaderboard"
	"github.com/judgehq/judge/judge/store"
	"github.com/judgehq/judge/problems"
)

// Targets of the leaderboard benchmark.
const (
	lbRatioTarget = 10    // in-memory ops over Redis sorted-set ops
	lbHTTPTarget  = 5000  // leaderboard pages a second with ETag
	lbRSSTarget   = 300.0 // MiB, the daemon with the contest loaded
)

type lbOptions struct {
	Participants int
	Problems     int
	Submissions  int
	Duration     time.Duration
	Concurrency  int
	Pollers      int
	PerPage      int
	Redis        string
	LogLevel     string
}

func newBenchLeaderboardCmd(f *Factory) *cobra.Command {
	var o lbOptions
	cmd := &cobra.Command{
		Use:   "leaderboard",
		Short: "Benchmark the contest scoreboard against a Redis sorted set, and over HTTP",
		Long: `Measure, in one run, the contest scoreboard at --participants:

1. In memory against Redis: rank updates (a verdict recorded) and top-100
   pages, by --concurrency goroutines each, on the scoreboard structure and
   on a Redis sorted set over loopback (redis-server, started and stopped
   here), for --duration each.

2. Over HTTP: a daemon (this binary's 'judge serve', on loopback) with a
   running contest of --participants registered users and --submissions
   judged submissions in its SQLite file. It rebuilds the scoreboard on
   start; then --pollers clients poll a leaderboard page with If-None-Match
   while real submissions are judged in Podman and change it; then the
   same without ETags. The daemon's start time and peak memory are
   reported.`,
		Example: "  judge bench leaderboard\n  judge bench leaderboard --participants 100000 --duration 5s",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return leaderboardBench(cmd.Context(), f, o)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&o.Participants, "participants", 100_000, "registered participants")
	fl.IntVar(&o.Problems, "problems", 10, "problems in the contest")
	fl.IntVar(&o.Submissions, "submissions", 300_000, "judged submissions stored before the daemon starts")
	fl.DurationVar(&o.Duration, "duration", 5*time.Second, "how long each measurement runs")
	fl.IntVar(&o.Concurrency, "concurrency", 4, "goroutines per in-memory and Redis measurement")
	fl.IntVar(&o.Pollers, "pollers", 64, "HTTP clients polling the leaderboard")
	fl.IntVar(&o.PerPage, "per-page", 50, "rows per leaderboard page over HTTP")
	fl.StringVar(&o.Redis, "redis-server", "redis-server", "the redis-server binary")
	fl.StringVar(&o.LogLevel, "log-level", "warn", "the daemon's --log-level")
	return cmd
}

func leaderboardBench(ctx context.Context, f *Factory, o lbOptions) error {
	if o.Participants < 100 || o.Problems < 1 || o.Problems > 26 || o.Concurrency < 1 || o.Pollers < 1 || o.Duration <= 0 {
		return &exitError{code: exitUsage, err: errors.New("want --participants >= 100, --problems 1-26, and positive --concurrency, --pollers, --duration")}
	}
	out := f.IO.Out
	fmt.Fprintf(out, "judge leaderboard benchmark: %d participants, %d problems, GOMAXPROCS %d\n\n",
		o.Participants, o.Problems, runtime.GOMAXPROCS(0))
	ratios, err := lbMemoryVsRedis(ctx, f, o)
	if err != nil {
		return err
	}
	rate, rss, err := lbHTTP(ctx, f, o)
	if err != nil {
		return err
	}
	fmt.Fprintln(out)
	minRatio := ratios[0]
	for _, r := range ratios {
		minRatio = min(minRatio, r)
	}
	fmt.Fprintf(out, "target in-memory update and top-100 page >= %dx Redis: %s (%.1fx and %.1fx)\n", lbRatioTarget, met(minRatio >= lbRatioTarget), ratios[0], ratios[1])
	fmt.Fprintf(out, "target HTTP page >= %d requests/s with ETag: %s (%.0f/s)\n", lbHTTPTarget, met(rate >= lbHTTPTarget), rate)
	fmt.Fprintf(out, "target daemon <= %.0f MiB RSS: %s (peak %.0f MiB)\n", lbRSSTarget, met(rss <= lbRSSTarget), rss)
	return nil
}

// lbVerdict is a verdict of the simulated stream.
type lbVerdict struct {
	user    int64
	problem int
	seq     int64
	at      time.Time
	o       leaderboard.Outcome
}

// lbStream makes n verdicts of a contest that started at start, the minutes
// growing along the stream.
func lbStream(n, users, problems int, start time.Time, seed uint64) []lbVerdict {
	rnd := rand.New(rand.NewPCG(seed, 7))
	out := make([]lbVerdict, n)
	for i := range out {
		o := leaderboard.Rejected
		if rnd.IntN(3) == 0 {
			o = leaderboard.Accepted
		}
		out[i] = lbVerdict{user: int64(rnd.IntN(users) + 1), problem: rnd.IntN(problems), seq: int64(i + 1),
			at: start.Add(time.Duration(i) * 3 * time.Hour / time.Duration(n)), o: o}
	}
	return out
}

// redisScore orders like the board: solved, then less penalty, then the
// earlier last accept; a client of a sorted set computes it.
func redisScore(solved, penalty, last int) float64 {
	return float64(solved)*1e12 - float64(penalty)*1e5 - float64(last)
}

// redisCell is what a client of a sorted set keeps per participant and
// problem to compute the score: the same state the board keeps.
type redisCell struct {
	accepted bool
	minutes  int
	rejected int
}

func lbMemoryVsRedis(ctx context.Context, f *Factory, o lbOptions) ([2]float64, error) {
	out := f.IO.Out
	var ratios [2]float64
	start := time.Now().Add(-time.Hour)
	stream := lbStream(2_000_000, o.Participants, o.Problems, start, 1)

	// The board, with a history so that the order is not trivial.
	b := leaderboard.New(leaderboard.Rules{Start: start, Problems: o.Problems})
	for u := 1; u <= o.Participants; u++ {
		b.Add(int64(u), "p"+strconv.Itoa(u))
	}
	for _, v := range stream[:o.Participants] {
		b.Record(v.user, v.problem, v.seq, v.at, v.o)
	}

	rdb, stopRedis, err := startRedis(ctx, o.Redis)
	if err != nil {
		return ratios, err
	}
	defer stopRedis()
	const key = "contest:1"
	// The same participants and history in the sorted set.
	cells := make([][]redisCell, o.Participants+1)
	var cellsMu sync.Mutex
	score := func(v lbVerdict) float64 {
		cellsMu.Lock()
		defer cellsMu.Unlock()
		cs := cells[v.user]
		if cs == nil {
			cs = make([]redisCell, o.Problems)
			cells[v.user] = cs
		}
		c := &cs[v.problem]
		if !c.accepted {
			if v.o == leaderboard.Accepted {
				c.accepted, c.minutes = true, int(v.at.Sub(start)/time.Minute)
			} else {
				c.rejected++
			}
		}
		solved, penalty, last := 0, 0, 0
		for _, c := range cs {
			if c.accepted {
				solved++
				penalty += c.minutes + leaderboard.PenaltyMinutes*c.rejected
				last = max(last, c.minutes)
			}
		}
		return redisScore(solved, penalty, last)
	}
	pipe := rdb.Pipeline()
	for u := 1; u <= o.Participants; u++ {
		pipe.ZAdd(ctx, key, redis.Z{Score: 0, Member: "p" + strconv.Itoa(u)})
		if u%1000 == 0 {
			if _, err := pipe.Exec(ctx); err != nil {
				return ratios, fmt.Errorf("redis: %w", err)
			}
		}
	}
	for _, v := range stream[:o.Participants] {
		pipe.ZAdd(ctx, key, redis.Z{Score: score(v), Member: "p" + strconv.Itoa(int(v.user))})
		if v.seq%1000 == 0 {
			if _, err := pipe.Exec(ctx); err != nil {
				return ratios, fmt.Errorf("redis: %w", err)
			}
		}
	}
	if _, err := pipe.Exec(ctx); err != nil {
		return ratios, fmt.Errorf("redis: %w", err)
	}
	if n, err := rdb.ZCard(ctx, key).Result(); err != nil || n != int64(o.Participants) {
		return ratios, fmt.Errorf("redis holds %d participants, want %d: %v", n, o.Participants, err)
	}

	// Each measurement: Concurrency goroutines for Duration, counting ops;
	// op gets the goroutine's number.
	var next atomic.Int64
	next.Store(int64(o.Participants))
	measure := func(op func(g int) error) (float64, error) {
		var ops atomic.Int64
		var firstErr error
		var errOnce sync.Once
		deadline := time.Now().Add(o.Duration)
		var wg sync.WaitGroup
		for g := 0; g < o.Concurrency; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for n := 0; ; n++ {
					if n%64 == 0 && time.Now().After(deadline) {
						return
					}
					if err := op(g); err != nil {
						errOnce.Do(func() { firstErr = err })
						return
					}
					ops.Add(1)
				}
			}()
		}
		began := time.Now()
		wg.Wait()
		return float64(ops.Load()) / time.Since(began).Seconds(), firstErr
	}
	verdict := func() lbVerdict {
		i := next.Add(1)
		return stream[int(i)%len(stream)]
	}
	fmt.Fprintf(out, "1. in memory against a Redis sorted set over loopback (%d goroutines each, %v per measurement)\n", o.Concurrency, o.Duration)
	fmt.Fprintf(out, "   %-38s %14s %14s %8s\n", "operation", "in memory/s", "Redis/s", "ratio")
	type pair struct {
		name        string
		mem, remote func(g int) error
	}
	// Each goroutine reuses its page's memory, as a server would.
	type pageBuf struct {
		rows  []leaderboard.Row
		cells []leaderboard.Cell
	}
	bufs := make([]pageBuf, o.Concurrency)
	pairs := []pair{
		{"rank update (a verdict)", func(int) error {
			v := verdict()
			b.Record(v.user, v.problem, v.seq, v.at, v.o)
			return nil
		}, func(int) error {
			v := verdict()
			return rdb.ZAdd(ctx, key, redis.Z{Score: score(v), Member: "p" + strconv.Itoa(int(v.user))}).Err()
		}},
		{"top-100 page", func(g int) error {
			buf := &bufs[g]
			buf.rows, buf.cells, _ = b.AppendPage(buf.rows[:0], buf.cells[:0], leaderboard.Public, 0, 100)
			if len(buf.rows) != 100 {
				return fmt.Errorf("page of %d rows", len(buf.rows))
			}
			return nil
		}, func(int) error {
			zs, err := rdb.ZRevRangeWithScores(ctx, key, 0, 99).Result()
			if err == nil && len(zs) != 100 {
				err = fmt.Errorf("page of %d rows", len(zs))
			}
			return err
		}},
	}
	for i, p := range pairs {
		mem, err := measure(p.mem)
		if err != nil {
			return ratios, err
		}
		red, err := measure(p.remote)
		if err != nil {
			return ratios, fmt.Errorf("redis: %w", err)
		}
		ratios[i] = mem / red
		fmt.Fprintf(out, "   %-38s %14.0f %14.0f %7.1fx\n", p.name, mem, red, ratios[i])
	}
	return ratios, nil
}

// startRedis starts a redis-server on a free loopback port, with nothing
// saved to disk, and returns a client of it.
func startRedis(ctx context.Context, bin string) (*redis.Client, func(), error) {
	path, err := exec.LookPath(bin)
	if err != nil {
		return nil, nil, fmt.Errorf("%s not found: install it (apt-get install redis-server) or pass --redis-server", bin)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, nil, err
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	dir, err := os.MkdirTemp("", "judge-redis-")
	if err != nil {
		return nil, nil, err
	}
	cmd := exec.Command(path, "--bind", "127.0.0.1", "--port", port, "--save", "", "--appendonly", "no",
		"--dir", dir, "--daemonize", "no", "--loglevel", "warning")
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM, Setsid: true}
	if err := cmd.Start(); err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	stop := func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
		os.RemoveAll(dir)
	}
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:" + port, PoolSize: 64})
	for deadline := time.Now().Add(10 * time.Second); ; {
		if err := rdb.Ping(ctx).Err(); err == nil {
			break
		} else if time.Now().After(deadline) {
			stop()
			return nil, nil, fmt.Errorf("redis-server did not answer on port %s: %v", port, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return rdb, func() { rdb.Close(); stop() }, nil
}

// seedContest writes into the database at path a running contest with
// participants registered users and n judged submissions, and returns the
// tokens of the first k users. It writes in one transaction, as a
// benchmark's fixture; the daemon reads it all back on start.
func seedContest(ctx context.Context, path string, o lbOptions, slugs []string, k int) (int64, []string, error) {
	st, err := store.Open(ctx, path) // the schema
	if err != nil {
		return 0, nil, err
	}
	start := time.Now().Add(-2 * time.Hour).Truncate(time.Second)
	var probs []store.ContestProblem
	for i := 0; i < o.Problems; i++ {
		probs = append(probs, store.ContestProblem{Label: string(rune('A' + i)), Problem: slugs[i%len(slugs)]})
	}
	c, err := st.CreateContest(ctx, store.Contest{Title: "Benchmark", StartAt: start, Duration: 5 * time.Hour,
		Freeze: time.Hour, Scoring: api.ScoringICPC, Problems: probs})
	st.Close()
	if err != nil {
		return 0, nil, err
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)")
	if err != nil {
		return 0, nil, err
	}
	defer db.Close()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return 0, nil, err
	}
	defer tx.Rollback()
	now := time.Now().UTC().Format(time.RFC3339Nano)
	var tokens []string
	for u := 1; u <= o.Participants; u++ {
		res, err := tx.ExecContext(ctx, `INSERT INTO users (name, role, created_at) VALUES (?, 'user', ?)`, fmt.Sprintf("p%06d", u), now)
		if err != nil {
			return 0, nil, err
		}
		id, _ := res.LastInsertId()
		if _, err := tx.ExecContext(ctx, `INSERT INTO registrations (contest_id, user_id, registered_at) VALUES (?, ?, ?)`, c.ID, id, now); err != nil {
			return 0, nil, err
		}
		if u <= k {
			tok, hash := judge.NewToken()
			if _, err := tx.ExecContext(ctx, `INSERT INTO tokens (user_id, hash, created_at) VALUES (?, ?, ?)`, id, hash, now); err != nil {
				return 0, nil, err
			}
			tokens = append(tokens, tok)
		}
	}
	verdicts := map[leaderboard.Outcome]string{leaderboard.Accepted: "AC", leaderboard.Rejected: "WA"}
	for _, v := range lbStream(o.Submissions, o.Participants, o.Problems, start, 2) {
		at := start.Add(time.Duration(v.seq) * 2 * time.Hour / time.Duration(o.Submissions+1)).UTC().Format(time.RFC3339Nano)
		if _, err := tx.ExecContext(ctx, `INSERT INTO submissions
			(user_id, problem, language, code, mode, state, verdict, attempts, result, created_at, finished_at, contest_id)
			VALUES (?, ?, 'python', '', 'submit', 'done', ?, 1, '{}', ?, ?, ?)`,
			v.user, probs[v.problem].Problem, verdicts[v.o], at, at, c.ID); err != nil {
			return 0, nil, err
		}
	}
	return c.ID, tokens, tx.Commit()
}

func lbHTTP(ctx context.Context, f *Factory, o lbOptions) (rate, peakMiB float64, err error) {
	out := f.IO.Out
	ps, err := problems.LoadAll(examples.Problems, "problems")
	if err != nil {
		return 0, 0, err
	}
	right, wrong := twoSumPython(ps)
	// two-sum is problem A, where the submissions go.
	slugs := []string{"two-sum"}
	for _, p := range ps {
		if p.Slug != "two-sum" {
			slugs = append(slugs, p.Slug)
		}
	}
	dir, err := os.MkdirTemp("", "judge-lb-")
	if err != nil {
		return 0, 0, err
	}
	defer os.RemoveAll(dir)
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o755); err != nil {
		return 0, 0, err
	}
	fmt.Fprintf(out, "\n2. over HTTP: a daemon with %d participants and %d judged submissions in a running contest\n", o.Participants, o.Submissions)
	began := time.Now()
	cid, tokens, err := seedContest(ctx, filepath.Join(dir, "data", "judge.db"), o, slugs, o.Pollers+8)
	if err != nil {
		return 0, 0, fmt.Errorf("seed the database: %w", err)
	}
	fmt.Fprintf(out, "   database written in %v\n", time.Since(began).Round(100*time.Millisecond))
	began = time.Now()
	d, err := startDaemonProc(ctx, dir, loadOptions{LogLevel: o.LogLevel, Warm: 2})
	if err != nil {
		return 0, 0, err
	}
	defer d.stop()
	pid := d.cmd.Process.Pid
	rss, _ := rssKB(pid)
	fmt.Fprintf(out, "   daemon up, scoreboard rebuilt from SQLite, in %v; RSS %.0f MiB\n", time.Since(began).Round(100*time.Millisecond), float64(rss)/1024)

	pool := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConns: 4 * o.Pollers, MaxIdleConnsPerHost: 4 * o.Pollers}}
	// A stream of real verdicts: participants submit two-sum, right or
	// wrong, in the contest, judged in Podman, which changes the board.
	subCtx, stopSubs := context.WithCancel(ctx)
	var judged, subErrs atomic.Int64
	var subWG sync.WaitGroup
	for i := 0; i < 8; i++ {
		c := client.New(d.url, tokens[o.Pollers+i]).WithHTTPClient(pool)
		subWG.Add(1)
		go func() {
			defer subWG.Done()
			for n := 0; subCtx.Err() == nil; n++ {
				code := right
				if n%3 == 1 {
					code = wrong
				}
				r, err := c.Submit(subCtx, api.SubmitRequest{Problem: "two-sum", Language: "python", Code: code, Contest: cid})
				if err == nil {
					_, err = c.WaitVerdict(subCtx, r.ID)
				}
				switch {
				case subCtx.Err() != nil:
					return
				case err != nil:
					subErrs.Add(1)
					time.Sleep(time.Second) // rate limited: one a second, five a minute
				default:
					judged.Add(1)
				}
			}
		}()
	}
	poll := func(useETag bool) (reqs, notModified int64, lat []time.Duration, err error) {
		var mu sync.Mutex
		var firstErr error
		var wg sync.WaitGroup
		deadline := time.Now().Add(o.Duration * 2)
		for g := 0; g < o.Pollers; g++ {
			c := client.New(d.url, tokens[g]).WithHTTPClient(pool)
			wg.Add(1)
			go func() {
				defer wg.Done()
				etag := ""
				var mine []time.Duration
				var n, nm int64
				for time.Now().Before(deadline) {
					t := time.Now()
					lb, tag, err := c.Leaderboard(ctx, cid, 1, o.PerPage, etag)
					if err != nil {
						mu.Lock()
						if firstErr == nil {
							firstErr = err
						}
						mu.Unlock()
						return
					}
					mine = append(mine, time.Since(t))
					n++
					if lb == nil {
						nm++
					} else if len(lb.Rows) != o.PerPage || lb.Me == nil {
						mu.Lock()
						firstErr = fmt.Errorf("leaderboard page of %d rows, own row %v", len(lb.Rows), lb.Me != nil)
						mu.Unlock()
						return
					}
					if useETag {
						etag = tag
					}
				}
				mu.Lock()
				reqs += n
				notModified += nm
				lat = append(lat, mine...)
				mu.Unlock()
			}()
		}
		wg.Wait()
		return reqs, notModified, lat, firstErr
	}
	fmt.Fprintf(out, "   %d clients polling page 1 (%d rows and their own row) for %v each way, while submissions are judged\n", o.Pollers, o.PerPage, 2*o.Duration)
	fmt.Fprintf(out, "   %-22s %10s %8s %10s %10s %14s\n", "", "requests", "per s", "p50", "p99", "304 answers")
	results := map[bool]float64{}
	for _, useETag := range []bool{true, false} {
		began := time.Now()
		reqs, nm, lat, err := poll(useETag)
		if err != nil {
			stopSubs()
			return 0, 0, err
		}
		perS := float64(reqs) / time.Since(began).Seconds()
		results[useETag] = perS
		name := "with If-None-Match"
		if !useETag {
			name = "without"
		}
		fmt.Fprintf(out, "   %-22s %10d %8.0f %10s %10s %13.0f%%\n", name, reqs, perS, pct(lat, 50), pct(lat, 99), 100*float64(nm)/float64(max(reqs, 1)))
	}
	stopSubs()
	subWG.Wait()
	_, peak := rssKB(pid)
	fmt.Fprintf(out, "   verdicts that changed the board meanwhile: %d judged in Podman (%d submits refused or failed, rate limits included)\n", judged.Load(), subErrs.Load())
	fmt.Fprintf(out, "   daemon peak RSS: %.0f MiB\n", float64(peak)/1024)
	return results[true], float64(peak) / 1024, nil
}
