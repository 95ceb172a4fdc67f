# judge harness for Python 3.
#
# Reads one JSON line from stdin (see harness/protocol.go), loads the user's
# code from solution.py, calls Solution().<function> once per test and writes
# one record per event to the original stdout. The user's stdout is redirected per test to a
# temporary file, so nothing the code prints can be taken for a record.
import json
import linecache
import os
import sys
import tempfile
import time
import traceback

PRELUDE = """\
from typing import *
import bisect, collections, functools, heapq, itertools, math, operator, random, re, string
from collections import Counter, defaultdict, deque, OrderedDict
from functools import lru_cache, cache, reduce
from heapq import heappush, heappop, heapify
"""


def main():
    inp = json.loads(sys.stdin.buffer.readline())
    marker = "@@judge:" + inp["nonce"] + " "
    # Keep the real stdout for records only; the user's fd 1 goes elsewhere.
    rec_out = os.fdopen(os.dup(1), "w", encoding="utf-8", closefd=True)
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    capture = tempfile.TemporaryFile()
    os.dup2(capture.fileno(), 1)
    limit = int(inp.get("output_limit") or 65536)

    def emit(rec):
        # ASCII escapes keep any string, even a lone surrogate, encodable.
        rec_out.write(marker + json.dumps(rec, allow_nan=False) + "\n")
        rec_out.flush()

    emit({"k": "start"})
    fn = inp["function"]
    with open("solution.py", encoding="utf-8", errors="replace") as f:
        src = f.read()
    linecache.cache["solution.py"] = (len(src), None, src.splitlines(True), "solution.py")
    try:
        code = compile(src, "solution.py", "exec")
    except SyntaxError as e:
        emit({"k": "compile", "err": "".join(traceback.format_exception_only(type(e), e))})
        return
    ns = {"__name__": "solution", "__builtins__": __builtins__,
          "ListNode": ListNode, "TreeNode": TreeNode}
    exec(PRELUDE, ns)
    try:
        exec(code, ns)
    except BaseException as e:
        emit({"k": "error", "i": 0, "err": user_trace(e), "out": take(capture, limit)})
        return
    cls = ns.get("Solution")
    if not isinstance(cls, type) or not callable(getattr(cls, fn, None)):
        emit({"k": "compile", "err": "class Solution with a method %s(...) not found" % fn})
        return

    params = inp["params"]
    emit({"k": "ready"})
    for i, raw in enumerate(inp["tests"]):
        args = [to_native(a, t) for a, t in zip(raw, params)]
        try:
            method = getattr(cls(), fn)
            start = time.perf_counter()
            result = method(*args)
            elapsed = time.perf_counter() - start
        except BaseException as e:
            emit({"k": "error", "i": i, "err": user_trace(e), "out": take(capture, limit)})
            continue
        try:
            # Converting runs user code too (an __iter__, say), so anything
            # it raises is the test's error, not the harness's.
            value = from_native(result, inp["returns"])
            json.dumps(value, allow_nan=False)
        except BaseException as e:
            emit({"k": "error", "i": i, "err": "cannot return %s as %s: %s: %s" % (
                type(result).__name__, inp["returns"], type(e).__name__, e), "out": take(capture, limit)})
            continue
        emit({"k": "result", "i": i, "us": int(elapsed * 1e6), "out": take(capture, limit), "v": value})
    try:
        import resource
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    except Exception:
        rss = 0
    emit({"k": "done", "rss": rss})


def take(f, limit):
    """Return and clear what the user's code printed since the last call."""
    try:
        sys.stdout.flush()
    except Exception:
        pass
    f.seek(0)
    data = f.read(limit + 1)
    f.seek(0)
    f.truncate()
    text = data[:limit].decode("utf-8", "replace")
    if len(data) > limit:
        text += "\n[output truncated]"
    return text


def user_trace(e):
    """The traceback from the user's code on, without the harness's frames."""
    tb = e.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != "solution.py":
        tb = tb.tb_next
    # The last frames only: formatting all of a deep recursion's 200000
    # frames takes seconds.
    te = traceback.TracebackException(type(e), e, tb, limit=-40)
    return "".join(te.format())[-4000:]


class ListNode:
    def __init__(self, val=0, next=None):
        self.val = val
        self.next = next


class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def to_native(v, t):
    if t == "double":
        return float(v)
    if t == "ListNode":
        head = None
        for x in reversed(v):
            head = ListNode(x, head)
        return head
    if t == "TreeNode":
        return build_tree(v)
    if t.endswith("[]"):
        return [to_native(x, t[:-2]) for x in v]
    return v


def build_tree(v):
    if not v:
        return None
    root = TreeNode(v[0])
    queue, i = [root], 1
    for node in queue:
        if i < len(v):
            if v[i] is not None:
                node.left = TreeNode(v[i])
                queue.append(node.left)
            i += 1
        if i < len(v):
            if v[i] is not None:
                node.right = TreeNode(v[i])
                queue.append(node.right)
            i += 1
        if i >= len(v):
            break
    return root


MAX_NODES = 1 << 20


def from_native(v, t):
    if t == "ListNode":
        out = []
        while v is not None:
            if not isinstance(v, ListNode):
                raise TypeError("not a ListNode")
            out.append(from_native(v.val, "int"))
            if len(out) > MAX_NODES:
                raise ValueError("the list has a cycle or more than %d nodes" % MAX_NODES)
            v = v.next
        return out
    if t == "TreeNode":
        out, queue = [], [v]
        for node in queue:
            if node is None:
                out.append(None)
                continue
            if not isinstance(node, TreeNode):
                raise TypeError("not a TreeNode")
            out.append(from_native(node.val, "int"))
            if len(out) > MAX_NODES:
                raise ValueError("the tree has a cycle or more than %d nodes" % MAX_NODES)
            queue.append(node.left)
            queue.append(node.right)
        while out and out[-1] is None:
            out.pop()
        return out
    if t.endswith("[]"):
        if isinstance(v, (str, bytes, dict)) or not hasattr(v, "__iter__"):
            raise TypeError("not a list")
        return [from_native(x, t[:-2]) for x in v]
    if t in ("int", "long"):
        if isinstance(v, bool) or not isinstance(v, int):
            raise TypeError("not an int")
        return v
    if t == "double":
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise TypeError("not a float")
        return float(v)
    if t == "bool":
        if not isinstance(v, bool):
            raise TypeError("not a bool")
        return v
    if t == "string":
        if not isinstance(v, str):
            raise TypeError("not a str")
        return v
    raise TypeError("unknown type " + t)


if __name__ == "__main__":
    # Deep recursion is common in tree and DFS solutions: allow it, on a
    # thread whose stack can hold it.
    import threading
    sys.setrecursionlimit(200000)
    threading.stack_size(64 << 20)
    t = threading.Thread(target=main)
    t.start()
    t.join()
