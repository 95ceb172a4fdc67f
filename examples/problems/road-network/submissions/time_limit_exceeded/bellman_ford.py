# Relaxes every road n - 1 times: right, but far too slow for 100,000 towns.
import sys

data = sys.stdin.read().split()
n, m = int(data[0]), int(data[1])
roads = [(int(data[2 + 3 * i]), int(data[3 + 3 * i]), int(data[4 + 3 * i])) for i in range(m)]
inf = float("inf")
dist = [inf] * (n + 1)
dist[1] = 0
for _ in range(n - 1):
    for u, v, w in roads:
        if dist[u] + w < dist[v]:
            dist[v] = dist[u] + w
        if dist[v] + w < dist[u]:
            dist[u] = dist[v] + w
print(dist[n] if dist[n] < inf else "impossible")
