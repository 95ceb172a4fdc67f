class Solution {
public:
    int numIslands(vector<vector<string>>& grid) {
        int m = grid.size(), n = grid[0].size(), count = 0;
        vector<pair<int, int>> stack;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (grid[i][j] != "1") continue;
                count++;
                grid[i][j] = "0";
                stack.push_back({i, j});
                while (!stack.empty()) {
                    auto [a, b] = stack.back();
                    stack.pop_back();
                    const int d[4][2] = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
                    for (auto& s : d) {
                        int x = a + s[0], y = b + s[1];
                        if (x >= 0 && x < m && y >= 0 && y < n && grid[x][y] == "1") {
                            grid[x][y] = "0";
                            stack.push_back({x, y});
                        }
                    }
                }
            }
        }
        return count;
    }
};
