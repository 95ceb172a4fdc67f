// Loops forever on the CPU.

//go:build ignore

package main

var sink int64

func probe(x int64) int64 {
	for i := x; ; i++ {
		sink += i
	}
}
