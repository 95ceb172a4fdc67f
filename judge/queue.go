package judge

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
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
	log      *slog.Logger
	// MaxAttempts is how often a submission is tried when the judge itself
	// fails before it gets Internal Error.
	maxAttempts int

	wake chan struct{}

	mu      sync.Mutex
	waiters map[int64][]chan struct{}
}

// QueueOptions configure a Queue.
type QueueOptions struct {
	Store       *store.Store
	Grader      *Grader
	Problems    []*problems.Problem
	Workers     int
	MaxAttempts int
	Logger      *slog.Logger
}

// NewQueue returns a queue; Run starts its workers.
func NewQueue(o QueueOptions) *Queue {
	q := &Queue{
		store:       o.Store,
		grader:      o.Grader,
		problems:    map[string]*problems.Problem{},
		workers:     max(o.Workers, 1),
		maxAttempts: o.MaxAttempts,
		log:         o.Logger,
		wake:        make(chan struct{}, 1),
		waiters:     map[int64][]chan struct{}{},
	}
	if q.maxAttempts <= 0 {
		q.maxAttempts = 3
	}
	if q.log == nil {
		q.log = slog.New(slog.DiscardHandler)
	}
	for _, p := range o.Problems {
		q.problems[p.Slug] = p
	}
	return q
}

// Notify wakes a worker to look for queued work.
func (q *Queue) Notify() {
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// Run recovers submissions left running by an earlier process and judges
// queued submissions until ctx is cancelled. Work in progress at that point is
// put back in the queue.
func (q *Queue) Run(ctx context.Context) error {
	n, err := q.store.RequeueRunning(context.WithoutCancel(ctx))
	if err != nil {
		return err
	}
	if n > 0 {
		q.log.Info("requeued submissions left running", "count", n)
	}
	var wg sync.WaitGroup
	for i := 0; i < q.workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q.work(ctx, i)
		}()
	}
	wg.Wait()
	return nil
}

func (q *Queue) work(ctx context.Context, worker int) {
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
		q.judge(ctx, log, sub)
	}
}

func (q *Queue) judge(ctx context.Context, log *slog.Logger, sub *store.Submission) {
	log = log.With("submission", sub.ID, "problem", sub.Problem, "language", sub.Language, "attempt", sub.Attempts)
	bg := context.WithoutCancel(ctx)
	p, ok := q.problems[sub.Problem]
	var res *api.Result
	var err error
	if !ok {
		res = &api.Result{Verdict: api.InternalError, Message: "the problem is no longer on this server"}
	} else {
		tests := p.Tests
		if sub.Mode == api.ModeRun {
			tests = p.Samples()
		}
		start := time.Now()
		res, err = q.grader.Grade(ctx, GradeRequest{
			Problem: p, Language: sub.Language, Code: sub.Code, Tests: tests,
			AllTests: sub.Mode == api.ModeRun,
		})
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
				time.Sleep(time.Duration(sub.Attempts) * 500 * time.Millisecond)
				if err := q.store.Requeue(bg, sub.ID); err != nil {
					log.Error("requeue", "err", err)
				}
				q.Notify()
				return
			}
			res = &api.Result{Verdict: api.InternalError, Message: "the judge failed; the operator has the details in the logs"}
		}
		log.Info("judged", "verdict", res.Verdict, "passed", res.Passed, "total", res.Total,
			"elapsed", time.Since(start).Round(time.Millisecond))
	}
	body, _ := json.Marshal(res)
	if err := q.store.Finish(bg, sub.ID, string(res.Verdict), string(body)); err != nil {
		log.Error("store verdict", "err", err)
	}
	q.finished(sub.ID)
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
