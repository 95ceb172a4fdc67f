// Writes to stderr without end, ignoring write errors.

//go:build ignore

package main

import (
	"os"
	"strings"
)

func probe(x int64) int64 {
	line := []byte(strings.Repeat("flood ", 1000) + "\n")
	for {
		os.Stderr.Write(line)
	}
}
