class Solution:
    def numIslands(self, grid: List[List[str]]) -> int:
        # Joins land that touches only at a corner.
        m, n = len(grid), len(grid[0])
        seen = set()
        count = 0
        for i in range(m):
            for j in range(n):
                if grid[i][j] != "1" or (i, j) in seen:
                    continue
                count += 1
                seen.add((i, j))
                stack = [(i, j)]
                while stack:
                    a, b = stack.pop()
                    for x in (a - 1, a, a + 1):
                        for y in (b - 1, b, b + 1):
                            if 0 <= x < m and 0 <= y < n and grid[x][y] == "1" and (x, y) not in seen:
                                seen.add((x, y))
                                stack.append((x, y))
        return count
