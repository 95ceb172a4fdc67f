import sys

data = sys.stdin.read().split()
n = int(data[0])
xs = [float(v) for v in data[1::2][:n]]
ys = [float(v) for v in data[2::2][:n]]
s = 0.0
for i in range(n):
    j = (i + 1) % n
    s += xs[i] * ys[j] - xs[j] * ys[i]
print(abs(s) / 2)
