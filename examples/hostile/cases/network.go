// Tries the network from Go: TCP to 1.1.1.1:53, 10.0.2.2:80, 127.0.0.1:7070, 169.254.169.254:80, UDP DNS, a lookup of deb.debian.org, the Podman socket.

//go:build ignore

package main

import (
	"fmt"
	"net"
	"time"
)

var leaks []string
var scanned bool

func scanNetwork() []string {
	var found []string
	for _, addr := range []string{"1.1.1.1:53", "10.0.2.2:80", "127.0.0.1:7070", "127.0.0.1:7391",
		"169.254.169.254:80", "8.8.8.8:443", "[2606:4700:4700::1111]:53"} {
		if c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond); err == nil {
			c.Close()
			found = append(found, "tcp "+addr)
		}
	}
	if c, err := net.DialTimeout("udp", "1.1.1.1:53", 200*time.Millisecond); err == nil {
		c.SetDeadline(time.Now().Add(200 * time.Millisecond))
		c.Write([]byte("\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x01"))
		buf := make([]byte, 512)
		if n, err := c.Read(buf); err == nil && n > 0 {
			found = append(found, "udp 1.1.1.1:53 answered")
		}
		c.Close()
	}
	if addrs, err := net.LookupHost("deb.debian.org"); err == nil && len(addrs) > 0 {
		found = append(found, "dns deb.debian.org -> "+addrs[0])
	}
	for _, p := range []string{"/run/podman/podman.sock", "/var/run/docker.sock", "/run/containerd/containerd.sock"} {
		if c, err := net.DialTimeout("unix", p, 200*time.Millisecond); err == nil {
			c.Close()
			found = append(found, "unix "+p)
		}
	}
	return found
}

func probe(x int64) int64 {
	if !scanned {
		scanned = true
		leaks = scanNetwork()
	}
	if len(leaks) > 0 {
		fmt.Println("network reachable:", leaks)
		return -1
	}
	return 3*x + 1
}
