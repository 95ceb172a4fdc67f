package judge

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/judgehq/judge/judge/api"
	"github.com/judgehq/judge/judge/store"
	"github.com/judgehq/judge/problems"
)

// Queue judges stored submissions with a pool of workers. The submissions
// table is the queue, so a submission stored before the daemon stops is judged
// after it starts again.
type Queue struct {
	store    *store.Store
	grader   *Grader
	problems map[string]*problems.Problem
	workers  int
	contests *Contests
	metrics  *Metrics
	// drain is how long a stopping queue lets running work finish before
	// it stops it and puts it back.
	drain time.Duration
	log   *slog.Logger
	// MaxAttempts is how often a submission is tried when the judge itself
	// fails before it gets Internal Error.
	maxAttempts int

	wake chan struct{}

	mu      sync.Mutex
	waiters map[int64][]chan struct{}
	// progress holds the running submissions' finished tests.
	progress map[int64]api.Progress
}

// QueueOptions configure a Queue.
type QueueOptions struct {
	Store       *store.Store
	Grader      *Grader
	Problems    []*problems.Problem
	Workers     int
	MaxAttempts int
	// Drain is how long Run lets work in progress finish once its context
	// ends; what is still running then goes back to the queue.
	Drain time.Duration
	// Contests get the verdicts that count in them; none if nil.
	Contests *Contests
	Metrics  *Metrics
	Logger   *slog.Logger
}

// NewQueue returns a queue; Run starts its workers.
func NewQueue(o QueueOptions) *Queue {
	q := &Queue{
		store:       o.Store,
		grader:      o.Grader,
		problems:    map[string]*problems.Problem{},
		workers:     max(o.Workers, 1),
		maxAttempts: o.MaxAttempts,
		drain:       o.Drain,
		metrics:     o.Metrics,
		contests:    o.Contests,
		log:         o.Logger,
		wake:        make(chan struct{}, 1),
		waiters:     map[int64][]chan struct{}{},
		progress:    map[int64]api.Progress{},
	}
	if q.maxAttempts <= 0 {
		q.maxAttempts = 3
	}
	if q.log == nil {
		q.log = slog.New(slog.DiscardHandler)
	}
	if q.metrics == nil {
		q.metrics = NewMetrics(nil)
	}
	if q.contests == nil {
		q.contests = &Contests{store: o.Store, log: q.log, byID: map[int64]*contest{}}
	}
	for _, p := range o.Problems {
		q.problems[p.Slug] = p
	}
	return q
}

// Contests returns the contests whose boards the queue updates.
func (q *Queue) Contests() *Contests { return q.contests }

// Notify wakes a worker to look for queued work.
func (q *Queue) Notify() {
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// Run recovers submissions left running by an earlier process and judges
// queued submissions until ctx is cancelled. Then it takes no more work, lets
// the work in progress finish for the drain period, and puts back in the
// queue what is still running after it.
func (q *Queue) Run(ctx context.Context) error {
	n, err := q.store.RequeueRunning(context.WithoutCancel(ctx))
	if err != nil {
		return err
	}
	if n > 0 {
		q.log.Info("requeued submissions left running", "count", n)
	}
	// Judging goes on for the drain period after ctx ends.
	judgeCtx, stopJudging := context.WithCancel(context.WithoutCancel(ctx))
	defer stopJudging()
	stop := context.AfterFunc(ctx, func() {
		if q.drain <= 0 {
			stopJudging()
			return
		}
		time.AfterFunc(q.drain, stopJudging)
	})
	defer stop()
	var wg sync.WaitGroup
	for i := 0; i < q.workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q.work(ctx, judgeCtx, i)
		}()
	}
	wg.Wait()
	return nil
}

// work claims submissions while ctx lives and judges each under judgeCtx.
func (q *Queue) work(ctx, judgeCtx context.Context, worker int) {
	log := q.log.With("worker", worker)
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for ctx.Err() == nil {
		sub, err := q.store.ClaimNext(ctx)
		if errors.Is(err, store.ErrNotFound) {
			select {
			case <-ctx.Done():
			case <-q.wake:
			case <-tick.C:
			}
			continue
		}
		if err != nil {
			if ctx.Err() == nil {
				log.Error("claim submission", "err", err)
				time.Sleep(time.Second)
			}
			continue
		}
		// A claimed submission wakes the next worker, so that a burst is
		// spread over the pool without waiting for the tick.
		q.Notify()
		q.judge(judgeCtx, log, sub)
	}
}

func (q *Queue) judge(ctx context.Context, log *slog.Logger, sub *store.Submission) {
	log = log.With("submission", sub.ID, "problem", sub.Problem, "language", sub.Language, "attempt", sub.Attempts)
	bg := context.WithoutCancel(ctx)
	start := time.Now()
	res, err := q.grade(ctx, sub)
	if ctx.Err() != nil {
		// Shutting down: the verdict may be an artefact of the kill.
		if err := q.store.Requeue(bg, sub.ID); err != nil {
			log.Error("requeue on shutdown", "err", err)
		}
		return
	}
	if err != nil {
		log.Warn("judging failed", "err", err)
		if sub.Attempts < q.maxAttempts {
			q.metrics.retried()
			time.Sleep(time.Duration(sub.Attempts) * 500 * time.Millisecond)
			if err := q.store.Requeue(bg, sub.ID); err != nil {
				log.Error("requeue", "err", err)
			}
			q.Notify()
			return
		}
		res = &api.Result{Verdict: api.InternalError, Message: "the judge failed; the operator has the details in the logs"}
	}
	elapsed := time.Since(start)
	body, _ := json.Marshal(res)
	err = q.contests.finish(sub, res.Verdict, func() error {
		return q.store.Finish(bg, sub.ID, string(res.Verdict), string(body))
	})
	if err != nil {
		log.Error("store verdict", "err", err)
		return
	}
	q.metrics.judged(sub.Mode, sub.Language, res.Verdict, sub.CreatedAt, elapsed)
	log.Info("judged", "verdict", res.Verdict, "passed", res.Passed, "total", res.Total,
		"elapsed", elapsed.Round(time.Millisecond))
	q.finished(sub.ID)
}

// grade judges sub: an error means the judge failed and sub may be retried.
func (q *Queue) grade(ctx context.Context, sub *store.Submission) (*api.Result, error) {
	p, ok := q.problems[sub.Problem]
	if !ok {
		return &api.Result{Verdict: api.InternalError, Message: "the problem is no longer on this server"}, nil
	}
	tests := p.Tests
	if sub.Mode == api.ModeRun {
		tests = p.Samples()
		if sub.Input != "" {
			custom, res, err := q.customTests(ctx, p, sub.Input)
			if res != nil || err != nil {
				return res, err
			}
			tests = append(slices.Clip(tests), custom...)
		}
	}
	defer func() {
		q.mu.Lock()
		delete(q.progress, sub.ID)
		q.mu.Unlock()
	}()
	return q.grader.Grade(ctx, GradeRequest{
		Problem: p, Language: sub.Language, Code: sub.Code, Tests: tests,
		AllTests: sub.Mode == api.ModeRun,
		Progress: func(done, total int) {
			q.mu.Lock()
			q.progress[sub.ID] = api.Progress{Done: done, Total: total}
			q.mu.Unlock()
		},
	})
}

// Progress returns how far the running submission id is, if it has
// finished a test yet.
func (q *Queue) Progress(id int64) (api.Progress, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	p, ok := q.progress[id]
	return p, ok
}

// customTests turns a run's stored custom input into tests. Their expected
// answers are what the problem's reference solution returns; when it fails
// on an input, the input is outside the problem's constraints and the run's
// result says so.
func (q *Queue) customTests(ctx context.Context, p *problems.Problem, input string) ([]problems.Test, *api.Result, error) {
	var raw [][]json.RawMessage
	if err := json.Unmarshal([]byte(input), &raw); err != nil {
		return nil, nil, fmt.Errorf("stored custom input: %w", err)
	}
	tests := make([]problems.Test, len(raw))
	for i, args := range raw {
		if len(args) != len(p.Signature.Params) {
			return nil, nil, fmt.Errorf("stored custom input %d: %d arguments", i, len(args))
		}
		t := problems.Test{Name: fmt.Sprintf("custom %d", i+1), Sample: true}
		for j, prm := range p.Signature.Params {
			v, err := prm.Type.Decode(args[j])
			if err != nil {
				return nil, nil, fmt.Errorf("stored custom input %d: %w", i, err)
			}
			t.Args = append(t.Args, v)
		}
		tests[i] = t
	}
	if p.Checker == nil {
		return tests, nil, nil // the custom checker needs no expected answer
	}
	ref, lang := q.reference(p)
	if ref == "" {
		return nil, &api.Result{Verdict: api.InternalError, Total: len(tests),
			Message: "this problem has no reference solution to answer custom input"}, nil
	}
	res, err := q.grader.Grade(ctx, GradeRequest{Problem: p, Language: lang, Code: ref, Tests: tests, AllTests: true})
	if err != nil {
		return nil, nil, fmt.Errorf("reference solution on custom input: %w", err)
	}
	for i := range tests {
		var tr *api.TestResult
		if i < len(res.Tests) {
			tr = &res.Tests[i]
		}
		var v any
		if tr != nil && tr.Actual != nil {
			v, err = p.Signature.Returns.Decode(tr.Actual)
		}
		if tr == nil || tr.Actual == nil || err != nil {
			why := "it did not run"
			if tr != nil {
				why = tr.Verdict.Name()
				if tr.Message != "" {
					why += ": " + tr.Message
				}
			}
			return nil, &api.Result{Verdict: api.RuntimeError, Total: len(tests), Message: fmt.Sprintf(
				"custom test %d: the reference solution failed on this input (%s); check that it meets the constraints in the statement",
				i+1, trim(why))}, nil
		}
		tests[i].Expected = v
	}
	return tests, nil, nil
}

// reference returns p's reference solution to compute expected answers
// with, Python's if there is one, and its language.
func (q *Queue) reference(p *problems.Problem) (code, language string) {
	for _, pref := range []string{"py", ""} {
		for _, s := range p.Solutions {
			if s.Verdict != string(api.Accepted) || pref != "" && s.Ext != pref {
				continue
			}
			if rt, ok := q.grader.Runtimes.ByExtension(s.Ext); ok {
				return s.Code, rt.Name
			}
		}
	}
	return "", ""
}

// Wait returns when submission id has a final verdict or ctx ends. The caller
// checks the store afterwards; Wait only saves it from polling.
func (q *Queue) Wait(ctx context.Context, id int64, isDone func() bool) {
	ch := make(chan struct{})
	q.mu.Lock()
	q.waiters[id] = append(q.waiters[id], ch)
	q.mu.Unlock()
	defer func() {
		q.mu.Lock()
		ws := q.waiters[id]
		for i, w := range ws {
			if w == ch {
				ws = append(ws[:i], ws[i+1:]...)
				break
			}
		}
		if len(ws) == 0 {
			delete(q.waiters, id)
		} else {
			q.waiters[id] = ws
		}
		q.mu.Unlock()
	}()
	// Checked after registering, so a verdict stored in between is not missed.
	if isDone() {
		return
	}
	select {
	case <-ch:
	case <-ctx.Done():
	}
}

func (q *Queue) finished(id int64) {
	q.mu.Lock()
	ws := q.waiters[id]
	delete(q.waiters, id)
	q.mu.Unlock()
	for _, w := range ws {
		close(w)
	}
}
