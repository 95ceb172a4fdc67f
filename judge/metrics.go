package judge

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/judgehq/judge/judge/api"
)

// Metrics are the daemon's Prometheus metrics, on a registry of their own.
type Metrics struct {
	reg            *prometheus.Registry
	submissions    *prometheus.CounterVec
	verdicts       *prometheus.CounterVec
	latency        *prometheus.HistogramVec
	grading        *prometheus.HistogramVec
	containerStart prometheus.Histogram
	retries        prometheus.Counter
	limited        *prometheus.CounterVec
	requests       *prometheus.CounterVec
}

// NewMetrics returns the metrics; queueDepth, if set, is asked for the number
// of waiting submissions at each scrape.
func NewMetrics(queueDepth func(context.Context) (int, error)) *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		submissions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "judge_submissions_total", Help: "Submissions accepted for judging, by mode and language.",
		}, []string{"mode", "language"}),
		verdicts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "judge_verdicts_total", Help: "Final verdicts, by mode, language and verdict.",
		}, []string{"mode", "language", "verdict"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "judge_verdict_latency_seconds",
			Help:    "Time from a submission being stored to its final verdict, queue wait included.",
			Buckets: []float64{.05, .1, .2, .5, 1, 2, 5, 10, 20, 60, 120, 300, 600},
		}, []string{"mode"}),
		grading: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "judge_grading_seconds",
			Help:    "Time to judge one submission once a worker took it, by language.",
			Buckets: []float64{.05, .1, .2, .5, 1, 2, 5, 10, 20, 60},
		}, []string{"language"}),
		containerStart: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "judge_container_start_seconds",
			Help:    "Time to create and start a sandbox container (ahead of its run when containers are kept warm).",
			Buckets: []float64{.05, .1, .2, .3, .5, .75, 1, 2, 5},
		}),
		retries: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "judge_retries_total", Help: "Judging attempts that failed through the judge's fault and were retried.",
		}),
		limited: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "judge_rate_limited_total", Help: "Requests refused by the per-user rate limits, by mode.",
		}, []string{"mode"}),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "judge_http_requests_total", Help: "HTTP requests answered, by status code.",
		}, []string{"code"}),
	}
	m.reg.MustRegister(m.submissions, m.verdicts, m.latency, m.grading, m.containerStart, m.retries,
		m.limited, m.requests, collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if queueDepth != nil {
		m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Name: "judge_queue_depth", Help: "Submissions stored and waiting for a worker.",
		}, func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			n, err := queueDepth(ctx)
			if err != nil {
				return -1
			}
			return float64(n)
		}))
	}
	return m
}

// Handler serves the metrics in Prometheus' text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// ContainerStarted records the time a sandbox container took to start.
func (m *Metrics) ContainerStarted(d time.Duration) { m.containerStart.Observe(d.Seconds()) }

func (m *Metrics) submitted(mode, language string) {
	m.submissions.WithLabelValues(mode, language).Inc()
}

func (m *Metrics) judged(mode, language string, v api.Verdict, stored time.Time, grading time.Duration) {
	m.verdicts.WithLabelValues(mode, language, string(v)).Inc()
	if !stored.IsZero() {
		m.latency.WithLabelValues(mode).Observe(time.Since(stored).Seconds())
	}
	m.grading.WithLabelValues(language).Observe(grading.Seconds())
}

func (m *Metrics) retried() { m.retries.Inc() }

func (m *Metrics) rateLimited(mode string) { m.limited.WithLabelValues(mode).Inc() }

func (m *Metrics) request(status int) { m.requests.WithLabelValues(strconv.Itoa(status)).Inc() }
