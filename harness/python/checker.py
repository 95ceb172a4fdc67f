# judge custom checker runner.
#
# Loads a problem's checker.py, which defines check(input, expected, actual)
# returning True to accept or a string saying why not, and calls it once per
# case of the JSON line on stdin: {"nonce", "cases": [{"input", "expected",
# "actual"}]}. Writes one record per case: {"k":"check","i":N,"err":REASON},
# REASON empty when accepted.
import json
import sys


def main():
    inp = json.loads(sys.stdin.buffer.readline())
    marker = "@@judge:" + inp["nonce"] + " "
    out = sys.stdout

    def emit(rec):
        out.write(marker + json.dumps(rec) + "\n")
        out.flush()

    ns = {"__name__": "checker"}
    with open("checker.py", encoding="utf-8") as f:
        exec(compile(f.read(), "checker.py", "exec"), ns)
    check = ns["check"]
    emit({"k": "start"})
    for i, case in enumerate(inp["cases"]):
        verdict = check(case["input"], case["expected"], case["actual"])
        if verdict is True:
            emit({"k": "check", "i": i, "err": ""})
        else:
            reason = verdict if isinstance(verdict, str) and verdict else "rejected by the checker"
            emit({"k": "check", "i": i, "err": reason})
    emit({"k": "done"})


main()
