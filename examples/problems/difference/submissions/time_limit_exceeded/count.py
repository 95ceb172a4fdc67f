# Counts from the smaller number up to the larger one.
import sys

for line in sys.stdin:
    a, b = sorted(map(int, line.split()))
    d = 0
    while a + d < b:
        d += 1
    print(d)
