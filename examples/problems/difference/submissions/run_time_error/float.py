# Parses the numbers as floats and then asks for an integer index with one.
import sys

for line in sys.stdin:
    a, b = map(float, line.split())
    print(str(abs(a - b))[int(a)])
