package judge

import (
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/judgehq/judge/judge/api"
)

// RateLimits bound how often one user may ask for judging. Zero values mean
// no bound.
type RateLimits struct {
	// RunEvery: at most one run per RunEvery.
	RunEvery time.Duration `mapstructure:"run_every" yaml:"run_every"`
	// SubmitEvery: at most one submit per SubmitEvery.
	SubmitEvery time.Duration `mapstructure:"submit_every" yaml:"submit_every"`
	// SubmitsPerMinute: at most this many submits in any minute.
	SubmitsPerMinute int `mapstructure:"submits_per_minute" yaml:"submits_per_minute"`
	// Admins are bound too when set; by default they are not, so that
	// scripts such as a contest's rejudge run at the judge's pace.
	Admins bool `mapstructure:"admins" yaml:"admins"`
}

// DefaultRateLimits: run once a second; submit once a second and five times
// a minute.
func DefaultRateLimits() RateLimits {
	return RateLimits{RunEvery: time.Second, SubmitEvery: time.Second, SubmitsPerMinute: 5}
}

// limiter keeps a user's token buckets.
type limiter struct {
	cfg RateLimits
	mu  sync.Mutex
	// users maps a user id to its buckets.
	users map[int64]*buckets
	swept time.Time
}

type buckets struct {
	run, submit, perMinute *rate.Limiter
	used                   time.Time
}

func newLimiter(cfg RateLimits) *limiter {
	return &limiter{cfg: cfg, users: map[int64]*buckets{}, swept: time.Now()}
}

func every(d time.Duration) *rate.Limiter {
	if d <= 0 {
		return nil
	}
	return rate.NewLimiter(rate.Every(d), 1)
}

// allow takes one request of mode for the user, or says how long to wait.
func (l *limiter) allow(userID int64, mode string, now time.Time) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.swept) > 10*time.Minute {
		// A bucket idle that long is full again: forget it.
		for id, b := range l.users {
			if now.Sub(b.used) > 10*time.Minute {
				delete(l.users, id)
			}
		}
		l.swept = now
	}
	b, ok := l.users[userID]
	if !ok {
		b = &buckets{run: every(l.cfg.RunEvery), submit: every(l.cfg.SubmitEvery)}
		if n := l.cfg.SubmitsPerMinute; n > 0 {
			b.perMinute = rate.NewLimiter(rate.Every(time.Minute/time.Duration(n)), n)
		}
		l.users[userID] = b
	}
	b.used = now
	lims := []*rate.Limiter{b.submit, b.perMinute}
	if mode == api.ModeRun {
		lims = []*rate.Limiter{b.run}
	}
	var taken []*rate.Reservation
	var wait time.Duration
	for _, lim := range lims {
		if lim == nil {
			continue
		}
		r := lim.ReserveN(now, 1)
		taken = append(taken, r)
		wait = max(wait, r.DelayFrom(now))
	}
	if wait > 0 {
		// Refused: give back what was taken from the other buckets.
		for _, r := range taken {
			r.CancelAt(now)
		}
		return false, wait
	}
	return true, 0
}
