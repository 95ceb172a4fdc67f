package podman

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/judgehq/judge/runtimes"
)

// Pool timing. A started container waits for its run for at most
// warmMaxAge; judge-init gives up on its own after initIdle, for a daemon
// that died without removing it (the next start removes it anyway).
const (
	warmMaxAge = 5 * time.Minute
	initIdle   = 10 * time.Minute
	// keepWarm is how long containers are kept ready for an image and
	// limits that no run has asked for.
	keepWarm = 15 * time.Minute
	// retryAfter is how long a set whose container failed to start waits
	// before the next try.
	retryAfter = 30 * time.Second
)

// pool takes the container start off a run's critical path: it keeps a few
// containers started per image and limits, each waiting in judge-init for its
// run's arguments, and starts the next one as soon as one is taken. A
// container serves one run only and is removed afterwards; containers are
// never reused.
type pool struct {
	s    *Sandbox
	size int // containers kept ready per image and limits

	mu     sync.Mutex
	sets   map[string]*warmSet
	closed bool

	kick     chan struct{}
	removals chan string
	stop     chan struct{}
	wg       sync.WaitGroup // the refiller and the removers
	starts   sync.WaitGroup // containers being started
}

// warmSet is the ready containers for one image and limits.
type warmSet struct {
	req      runtimes.RunRequest // what the containers are made for
	idle     []warmContainer
	starting int
	used     time.Time
	failed   time.Time // the last start that failed
}

type warmContainer struct {
	id      string
	started time.Time
}

func newPool(s *Sandbox, size int) *pool {
	p := &pool{
		s:        s,
		size:     size,
		sets:     map[string]*warmSet{},
		kick:     make(chan struct{}, 1),
		removals: make(chan string, 1024),
		stop:     make(chan struct{}),
	}
	// Removal is off the critical path too, but a run that cannot hand its
	// container over waits: removals never pile up without bound.
	for range 2 {
		p.wg.Add(1)
		go p.remover()
	}
	p.wg.Add(1)
	go p.refiller()
	return p
}

// poolKey identifies the containers that can serve req: those of its image
// made with its limits (they are fixed when the container is created).
func poolKey(req runtimes.RunRequest) string {
	l := req.Limits
	labels := make([]string, 0, len(req.Labels))
	for k, v := range req.Labels {
		labels = append(labels, k+"="+v)
	}
	slices.Sort(labels)
	return fmt.Sprintf("%s mem=%d pids=%d nofile=%d fsize=%d tmpfs=%d %s",
		req.Image, l.MemoryMB, l.Pids, l.NoFile, l.FileSizeMB, l.TmpfsMB, strings.Join(labels, ","))
}

// take returns a started container for req: a ready one if there is one,
// otherwise one started now. warm says which. The set is topped up when
// the run releases its container.
func (p *pool) take(conn context.Context, req runtimes.RunRequest) (id string, warm bool, err error) {
	if p.size > 0 {
		key := poolKey(req)
		p.mu.Lock()
		ws := p.sets[key]
		if ws == nil {
			tmpl := runtimes.RunRequest{Image: req.Image, Limits: req.Limits, Labels: req.Labels}
			ws = &warmSet{req: tmpl}
			p.sets[key] = ws
		}
		ws.used = time.Now()
		for len(ws.idle) > 0 && id == "" {
			c := ws.idle[len(ws.idle)-1]
			ws.idle = ws.idle[:len(ws.idle)-1]
			if time.Since(c.started) < warmMaxAge {
				id = c.id
			} else {
				p.discard(c.id)
			}
		}
		p.mu.Unlock()
		if id != "" {
			return id, true, nil
		}
	}
	id, err = p.s.startContainer(conn, req)
	return id, false, err
}

// discard removes a container in the background; p.mu is held.
func (p *pool) discard(id string) {
	p.removals <- id
}

// release removes a container whose run is over: in the background while
// the pool is open. Only then is the container that replaces it started: on
// a busy host, starting it during the run would slow the run down.
func (p *pool) release(id string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.closed {
		p.discard(id)
		p.refill()
		return
	}
	conn, err := connect(context.Background(), p.s.uri)
	if err == nil {
		p.s.remove(conn, id)
	}
}

func (p *pool) remover() {
	defer p.wg.Done()
	conn, err := connect(context.Background(), p.s.uri)
	for id := range p.removals {
		if err != nil {
			// Try again: the service may have come back.
			if conn, err = connect(context.Background(), p.s.uri); err != nil {
				p.s.log.Warn("remove container", "id", id, "err", err)
				continue
			}
		}
		p.s.remove(conn, id)
	}
}

// refill asks the refiller to top up the sets.
func (p *pool) refill() {
	select {
	case p.kick <- struct{}{}:
	default:
	}
}

func (p *pool) refiller() {
	defer p.wg.Done()
	tick := time.NewTicker(30 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-p.stop:
			return
		case <-p.kick:
		case <-tick.C:
		}
		p.topUp()
	}
}

// topUp starts the containers the sets lack, forgets sets that nothing has
// used for a while, and removes containers that waited too long.
func (p *pool) topUp() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	now := time.Now()
	for key, ws := range p.sets {
		fresh := ws.idle[:0]
		for _, c := range ws.idle {
			if now.Sub(c.started) < warmMaxAge && now.Sub(ws.used) < keepWarm {
				fresh = append(fresh, c)
			} else {
				p.discard(c.id)
			}
		}
		ws.idle = fresh
		if now.Sub(ws.used) >= keepWarm {
			if ws.starting == 0 {
				delete(p.sets, key)
			}
			continue
		}
		if now.Sub(ws.failed) < retryAfter {
			continue
		}
		for n := p.size - len(ws.idle) - ws.starting; n > 0; n-- {
			ws.starting++
			p.starts.Add(1)
			go p.start(ws)
		}
	}
}

// start starts one container for ws.
func (p *pool) start(ws *warmSet) {
	defer p.starts.Done()
	conn, err := connect(context.Background(), p.s.uri)
	var id string
	if err == nil {
		id, err = p.s.startContainer(conn, ws.req)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	ws.starting--
	switch {
	case err != nil:
		ws.failed = time.Now()
		p.s.log.Warn("start a container ahead of its run", "image", ws.req.Image, "err", err)
	case p.closed:
		p.discard(id)
	default:
		ws.idle = append(ws.idle, warmContainer{id: id, started: time.Now()})
	}
}

// close removes the ready containers and waits for every start and removal.
func (p *pool) close() {
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return
	}
	p.closed = true
	for _, ws := range p.sets {
		for _, c := range ws.idle {
			p.discard(c.id)
		}
		ws.idle = nil
	}
	p.mu.Unlock()
	close(p.stop)
	p.starts.Wait()
	close(p.removals)
	p.wg.Wait()
}

// initRequest encodes judge-init's arguments for a container that waits for
// them (see judge-init -wait).
func initRequest(argv []string) []byte {
	b, _ := json.Marshal(argv)
	return append(binary.BigEndian.AppendUint32(nil, uint32(len(b))), b...)
}
