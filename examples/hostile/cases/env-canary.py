# Looks for the daemon's environment (the JUDGE_ variable the e2e test plants) in its own environment and in every process's /proc environ.
import os

_leak = None


def scan():
    name = "JUDGE_" + "HOSTILE_CANARY"
    value = ("secret-env-" + "canary").encode()
    found = []
    if name in os.environ:
        found.append("os.environ has " + name)
    for k, v in os.environ.items():
        if value in v.encode() or k.startswith("JUDGE"):
            found.append("os.environ " + k)
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        for f in ("environ", "cmdline"):
            try:
                with open("/proc/%s/%s" % (pid, f), "rb") as fh:
                    data = fh.read()
            except OSError:
                continue
            if value in data or name.encode() in data:
                found.append("/proc/%s/%s" % (pid, f))
    # Only the container's own, small environment may be there.
    allowed = {"PATH", "HOME", "LANG", "HOSTNAME", "TERM", "container", "PWD", "SHLVL", "_",
               "OLDPWD", "LC_CTYPE"}
    extra = [k for k in os.environ if k not in allowed]
    if extra:
        print("environment beyond the sandbox's own:", extra)
    return found


class Solution:
    def probe(self, x: int) -> int:
        global _leak
        if _leak is None:
            _leak = scan()
        if _leak:
            print("daemon environment leaked:", _leak)
            return -1
        return 3 * x + 1
