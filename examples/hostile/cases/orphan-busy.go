// Starts a shell that ignores SIGTERM, SIGHUP and SIGINT and busy-loops forever, never waited for; then answers right.

//go:build ignore

package main

import (
	"os"
	"os/exec"
)

var started bool

func probe(x int64) int64 {
	if !started {
		started = true
		cmd := exec.Command("/bin/sh", "-c", "trap '' TERM HUP INT PIPE; while :; do :; done")
		cmd.Stdout = os.Stdout
		cmd.Stderr = os.Stderr
		cmd.Start()
	}
	return 3*x + 1
}
