# Tries the network: TCP to 1.1.1.1:53, 10.0.2.2:80, 127.0.0.1:7070, 169.254.169.254:80, IPv6, UDP, a DNS lookup, the Podman and Docker API sockets.
import os
import socket

_leak = None


def scan():
    found = []
    targets = [("1.1.1.1", 53), ("10.0.2.2", 80), ("127.0.0.1", 7070), ("127.0.0.1", 7391),
               ("169.254.169.254", 80), ("8.8.8.8", 443), ("10.88.0.1", 80)]
    for host, port in targets:
        try:
            s = socket.create_connection((host, port), timeout=0.2)
            s.close()
            found.append("tcp %s:%d" % (host, port))
        except OSError:
            pass
    try:
        s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        s.settimeout(0.2)
        s.connect(("2606:4700:4700::1111", 53))
        found.append("tcp6")
        s.close()
    except OSError:
        pass
    try:
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        u.settimeout(0.2)
        u.sendto(b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x01", ("1.1.1.1", 53))
        u.recvfrom(512)
        found.append("udp 1.1.1.1:53 answered")
    except OSError:
        pass
    try:
        socket.getaddrinfo("deb.debian.org", 80)
        found.append("dns deb.debian.org resolved")
    except OSError:
        pass
    for path in ("/run/podman/podman.sock", "/var/run/podman/podman.sock", "/var/run/docker.sock",
                 "/run/docker.sock", "/run/containerd/containerd.sock", "/run/user/0/podman/podman.sock"):
        try:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.settimeout(0.2)
            s.connect(path)
            found.append("unix " + path)
            s.close()
        except OSError:
            pass
    try:
        ifaces = [n for n in os.listdir("/sys/class/net") if n != "lo"]
        if ifaces:
            found.append("interfaces " + ",".join(ifaces))
    except OSError:
        pass
    return found


class Solution:
    def probe(self, x: int) -> int:
        global _leak
        if _leak is None:
            _leak = scan()
        if _leak:
            print("network reachable:", _leak)
            return -1
        return 3 * x + 1
