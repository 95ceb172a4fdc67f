package main

import (
	"fmt"
	"slices"
	"strconv"
	"testing"
	"time"
)

func TestPercentile(t *testing.T) {
	var ds []time.Duration
	for i := 100; i >= 1; i-- {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	for p, want := range map[int]time.Duration{50: 50 * time.Millisecond, 95: 95 * time.Millisecond, 99: 99 * time.Millisecond, 100: 100 * time.Millisecond} {
		if got := percentile(ds, p); got != want {
			t.Errorf("p%d = %v, want %v", p, got, want)
		}
	}
	if got := percentile(ds[:1], 99); got != 100*time.Millisecond {
		t.Errorf("p99 of one = %v", got)
	}
	if percentile(nil, 50) != 0 {
		t.Error("p50 of nothing is not 0")
	}
	if ds[0] != 100*time.Millisecond {
		t.Error("percentile sorted its argument")
	}
}

func TestBenchProblem(t *testing.T) {
	p, err := benchProblem(t.TempDir(), 50)
	if err != nil {
		t.Fatal(err)
	}
	if p.Slug != "two-sum" || len(p.Tests) != 50 || len(p.Samples()) != 1 {
		t.Fatalf("%s: %d tests, %d samples; want two-sum with 50 and 1", p.Slug, len(p.Tests), len(p.Samples()))
	}
	for _, tc := range p.Tests {
		// The expected pair adds up to the target, and no other does.
		nums, target := tc.Args[0].([]any), tc.Args[1]
		want := tc.Expected.([]any)
		var pairs [][2]int
		seen := map[int]int{}
		for j, x := range nums {
			if i, ok := seen[toInt(target)-toInt(x)]; ok {
				pairs = append(pairs, [2]int{i, j})
			}
			seen[toInt(x)] = j
		}
		if len(pairs) != 1 || !slices.Equal([]int{pairs[0][0], pairs[0][1]}, []int{toInt(want[0]), toInt(want[1])}) {
			t.Fatalf("%s: pairs %v, expected %v", tc.Name, pairs, want)
		}
	}
}

// toInt reads a decoded JSON number, whatever type the loader gave it.
func toInt(v any) int {
	n, err := strconv.Atoi(fmt.Sprint(v))
	if err != nil {
		panic(fmt.Sprintf("%v (%T) is not an integer", v, v))
	}
	return n
}
