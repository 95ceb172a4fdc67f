// Keeps 16 MiB byte slices, every page touched, without end.

//go:build ignore

package main

var hoard [][]byte

func probe(x int64) int64 {
	for {
		b := make([]byte, 16<<20)
		for i := 0; i < len(b); i += 4096 {
			b[i] = byte(x)
		}
		hoard = append(hoard, b)
	}
}
