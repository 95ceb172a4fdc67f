# Pokes /proc and /sys: sysrq-trigger, kernel sysctls, kcore, cgroup limits, oom_score_adj, other processes' memory, host processes in view.
import os

_leak = None


def try_write(path, data):
    try:
        fd = os.open(path, os.O_WRONLY)
    except OSError:
        return False
    try:
        os.write(fd, data)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def scan():
    found = []
    for path, data in [("/proc/sysrq-trigger", b"h"),
                       ("/proc/sys/kernel/hostname", b"pwned"),
                       ("/proc/sys/vm/drop_caches", b"3"),
                       ("/proc/sys/kernel/core_pattern", b"|/tmp/x"),
                       ("/proc/sys/fs/file-max", b"1000000"),
                       ("/sys/kernel/uevent_helper", b"/tmp/x"),
                       ("/sys/fs/cgroup/memory/memory.limit_in_bytes", b"-1"),
                       ("/sys/fs/cgroup/memory.max", b"max"),
                       ("/sys/fs/cgroup/pids/pids.max", b"max"),
                       ("/sys/fs/cgroup/pids.max", b"max"),
                       ("/sys/fs/cgroup/cgroup.procs", b"1"),
                       ("/proc/self/oom_score_adj", b"-1000"),
                       ("/proc/1/oom_score_adj", b"-1000")]:
        if try_write(path, data):
            found.append("wrote " + path)
    for path in ("/proc/kcore", "/proc/kmsg", "/dev/mem", "/dev/kmsg", "/proc/keys", "/proc/timer_list",
                 "/sys/firmware/acpi/tables/DSDT", "/proc/sched_debug"):
        try:
            with open(path, "rb") as f:
                if f.read(16):
                    found.append("read " + path)
        except OSError:
            pass
    # Only the sandbox's own processes may be in view: no kernel threads, no
    # processes of the host, and none of another user that this one can signal.
    pids = [p for p in os.listdir("/proc") if p.isdigit()]
    if len(pids) > 100:
        found.append("%d processes in view" % len(pids))
    for pid in pids:
        try:
            with open("/proc/%s/status" % pid) as f:
                fields = dict(l.split(":", 1) for l in f if ":" in l)
        except OSError:
            continue
        uid = fields.get("Uid", "").split()[:1]
        ppid = fields.get("PPid", "").strip()
        if ppid == "0" and pid != "1":
            found.append("process %s (%s) has no parent: not this sandbox's" % (pid, fields.get("Name", "").strip()))
        if uid and uid[0] != str(os.getuid()):
            if pid != "1":
                found.append("process %s of uid %s in view" % (pid, uid[0]))
            try:
                os.kill(int(pid), 0)
                found.append("can signal process %s of uid %s" % (pid, uid[0]))
            except OSError:
                pass
    # The root of process 1 must be the container's, without the host's files.
    canary = "judge-" + "hostile-canary"
    for path in ("/proc/1/root/tmp/" + canary, "/proc/1/root/var/lib/containers",
                 "/proc/1/root/run/podman/podman.sock", "/proc/1/cwd/../../tmp/" + canary):
        if os.path.exists(path):
            found.append("exists " + path)
    return found


class Solution:
    def probe(self, x: int) -> int:
        global _leak
        if _leak is None:
            _leak = scan()
        if _leak:
            print("proc holes:", _leak)
            return -1
        return 3 * x + 1
