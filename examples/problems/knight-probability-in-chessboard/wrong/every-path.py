class Solution:
    def knightProbability(self, n: int, k: int, row: int, column: int) -> float:
        # Follows every sequence of moves: 8^k of them.
        moves = [(1, 2), (2, 1), (-1, 2), (-2, 1), (1, -2), (2, -1), (-1, -2), (-2, -1)]
        def walk(r, c, left):
            if not (0 <= r < n and 0 <= c < n):
                return 0.0
            if left == 0:
                return 1.0
            return sum(walk(r + dr, c + dc, left - 1) for dr, dc in moves) / 8
        return walk(row, column, k)
