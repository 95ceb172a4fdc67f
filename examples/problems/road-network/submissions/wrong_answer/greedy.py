# Walks to the nearest town not yet seen, which is not the shortest route.
import sys

data = sys.stdin.read().split()
n, m = int(data[0]), int(data[1])
adj = [[] for _ in range(n + 1)]
for i in range(m):
    u, v, w = int(data[2 + 3 * i]), int(data[3 + 3 * i]), int(data[4 + 3 * i])
    adj[u].append((w, v))
    adj[v].append((w, u))
seen, u, total = {1}, 1, 0
while u != n:
    options = sorted((w, v) for w, v in adj[u] if v not in seen)
    if not options:
        break
    w, u = options[0]
    seen.add(u)
    total += w
print(total if u == n else "impossible")
