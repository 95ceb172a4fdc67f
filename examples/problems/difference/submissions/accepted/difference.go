//go:build ignore

package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
)

func main() {
	in := bufio.NewReader(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for {
		var a, b int64
		if _, err := fmt.Fscan(in, &a, &b); err == io.EOF {
			return
		} else if err != nil {
			panic(err)
		}
		d := a - b
		if d < 0 {
			d = -d
		}
		fmt.Fprintln(out, d)
	}
}
