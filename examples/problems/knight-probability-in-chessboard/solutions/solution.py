class Solution:
    def knightProbability(self, n: int, k: int, row: int, column: int) -> float:
        # dp[c]: probability of staying on the board for the remaining
        # moves, starting from cell c = i * n + j.
        moves = [(1, 2), (2, 1), (-1, 2), (-2, 1), (1, -2), (2, -1), (-1, -2), (-2, -1)]
        reach = [[a * n + b for a, b in ((i + di, j + dj) for di, dj in moves) if 0 <= a < n and 0 <= b < n]
                 for i in range(n) for j in range(n)]
        dp = [1.0] * (n * n)
        for _ in range(k):
            dp = [sum([dp[c] for c in cells]) / 8 for cells in reach]
        return dp[row * n + column]
