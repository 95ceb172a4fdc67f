// Points fd 1 and fd 2 at /dev/null and closes os.Stdout and os.Stderr, then answers right.

//go:build ignore

package main

import (
	"os"
	"syscall"
)

func probe(x int64) int64 {
	if null, err := syscall.Open("/dev/null", syscall.O_WRONLY, 0); err == nil {
		syscall.Dup3(null, 1, 0)
		syscall.Dup3(null, 2, 0)
	}
	os.Stdout.Close()
	os.Stderr.Close()
	return 3*x + 1
}
