# Tries to create, append to or make directories in every place outside /tmp, and checks that /tmp itself is a bounded tmpfs.
import os

_leak = None


def scan():
    found = []
    dirs = ["/", "/etc", "/usr", "/usr/bin", "/usr/lib", "/var", "/var/tmp", "/var/lib", "/root", "/home",
            "/opt", "/srv", "/mnt", "/media", "/run", "/run/lock", "/dev", "/dev/shm", "/dev/pts", "/proc", "/sys", "/sys/fs/cgroup",
            "/boot", "/lib", "/bin"]
    for d in dirs:
        p = os.path.join(d, ".hostile-%d" % os.getpid())
        try:
            fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
            os.unlink(p)
            found.append("created a file in " + d)
        except OSError:
            pass
        try:
            os.mkdir(p)
            os.rmdir(p)
            found.append("made a directory in " + d)
        except OSError:
            pass
    for f in ["/etc/passwd", "/etc/hosts", "/etc/resolv.conf", "/etc/hostname", "/usr/bin/python3",
              "/bin/sh", "/etc/ld.so.preload"]:
        try:
            fd = os.open(f, os.O_WRONLY | os.O_APPEND)
            os.close(fd)
            found.append("opened %s for writing" % f)
        except OSError:
            pass
    try:
        os.chmod("/tmp", 0o777)
    except OSError:
        pass
    st = os.statvfs("/tmp")
    if st.f_blocks * st.f_frsize > (256 << 20):
        found.append("/tmp is %d MiB" % (st.f_blocks * st.f_frsize >> 20))
    return found


class Solution:
    def probe(self, x: int) -> int:
        global _leak
        if _leak is None:
            _leak = scan()
        if _leak:
            print("writable outside /tmp:", _leak)
            return -1
        return 3 * x + 1
