# Any longest palindromic substring of s is accepted.
import json


def check(input, expected, actual):
    s = input["s"]
    if not isinstance(actual, str):
        return "expected a string"
    if len(actual) != len(expected):
        return "length %d, but the longest palindromic substring has length %d" % (len(actual), len(expected))
    if actual != actual[::-1]:
        return "%s is not a palindrome" % short(actual)
    if actual not in s:
        return "%s is not a substring of s" % short(actual)
    return True


def short(v):
    return json.dumps(v if len(v) <= 40 else v[:37] + "...", ensure_ascii=False)
