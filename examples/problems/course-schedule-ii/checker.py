# Any order that takes every course once, after its prerequisites, is
# accepted; when there is none, only the empty array is.


def check(input, expected, actual):
    n = input["numCourses"]
    pre = input["prerequisites"]
    if not expected:
        if actual:
            return "the prerequisites have a cycle, so the answer is [], but got %d courses" % len(actual)
        return True
    if not actual:
        return "returned [], but every course can be taken (e.g. %s)" % short(expected)
    if len(actual) != n:
        return "returned %d course%s, want all %d" % (len(actual), "" if len(actual) == 1 else "s", n)
    pos = {}
    for i, c in enumerate(actual):
        if not isinstance(c, int) or isinstance(c, bool) or not 0 <= c < n:
            return "%r is not a course" % (c,)
        if c in pos:
            return "course %d appears twice" % c
        pos[c] = i
    for a, b in pre:
        if pos[b] > pos[a]:
            return "course %d is taken before its prerequisite %d" % (a, b)
    return True


def short(v):
    s = str(v)
    return s if len(s) <= 40 else s[:37] + "..."
