//go:build ignore

package main

import (
	"bufio"
	"container/heap"
	"fmt"
	"os"
)

type item struct {
	dist int64
	node int
}

type queue []item

func (q queue) Len() int           { return len(q) }
func (q queue) Less(i, j int) bool { return q[i].dist < q[j].dist }
func (q queue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *queue) Push(x any)        { *q = append(*q, x.(item)) }
func (q *queue) Pop() any {
	old := *q
	it := old[len(old)-1]
	*q = old[:len(old)-1]
	return it
}

type edge struct {
	to int
	w  int64
}

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	var n, m int
	fmt.Fscan(in, &n, &m)
	adj := make([][]edge, n+1)
	for i := 0; i < m; i++ {
		var u, v int
		var w int64
		fmt.Fscan(in, &u, &v, &w)
		adj[u] = append(adj[u], edge{v, w})
		adj[v] = append(adj[v], edge{u, w})
	}
	dist := make([]int64, n+1)
	for i := range dist {
		dist[i] = -1
	}
	dist[1] = 0
	q := &queue{{0, 1}}
	for q.Len() > 0 {
		it := heap.Pop(q).(item)
		if it.dist != dist[it.node] {
			continue
		}
		for _, e := range adj[it.node] {
			if d := it.dist + e.w; dist[e.to] < 0 || d < dist[e.to] {
				dist[e.to] = d
				heap.Push(q, item{d, e.to})
			}
		}
	}
	if dist[n] < 0 {
		fmt.Println("impossible")
	} else {
		fmt.Println(dist[n])
	}
}
