class Solution {
public:
    double knightProbability(int n, int k, int row, int column) {
        static const int moves[8][2] = {{1, 2}, {2, 1}, {-1, 2}, {-2, 1}, {1, -2}, {2, -1}, {-1, -2}, {-2, -1}};
        // dp[i][j]: the probability of staying on the board for the
        // remaining moves, starting from (i, j).
        vector<vector<double>> dp(n, vector<double>(n, 1.0)), next(n, vector<double>(n));
        for (int step = 0; step < k; step++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (auto& m : moves) {
                        int a = i + m[0], b = j + m[1];
                        if (a >= 0 && a < n && b >= 0 && b < n) sum += dp[a][b];
                    }
                    next[i][j] = sum / 8;
                }
            }
            swap(dp, next);
        }
        return dp[row][column];
    }
};
