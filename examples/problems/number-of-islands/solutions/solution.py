class Solution:
    def numIslands(self, grid: List[List[str]]) -> int:
        m, n = len(grid), len(grid[0])
        seen = [[False] * n for _ in range(m)]
        count = 0
        for i in range(m):
            for j in range(n):
                if grid[i][j] != "1" or seen[i][j]:
                    continue
                count += 1
                seen[i][j] = True
                stack = [(i, j)]
                while stack:
                    a, b = stack.pop()
                    for x, y in ((a + 1, b), (a - 1, b), (a, b + 1), (a, b - 1)):
                        if 0 <= x < m and 0 <= y < n and grid[x][y] == "1" and not seen[x][y]:
                            seen[x][y] = True
                            stack.append((x, y))
        return count
