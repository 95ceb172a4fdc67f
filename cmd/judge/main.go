// Command judge is the self-hosted code judge: `judge serve` runs the daemon,
// and the other commands are its client.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:]))
}
