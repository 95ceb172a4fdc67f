double knightProbability(int n, int k, int row, int column) {
    static const int moves[8][2] = {{1, 2}, {2, 1}, {-1, 2}, {-2, 1}, {1, -2}, {2, -1}, {-1, -2}, {-2, -1}};
    /* dp[i * n + j]: the probability of staying on the board for the
     * remaining moves, starting from (i, j). */
    double* dp = malloc(n * n * sizeof(double));
    double* next = malloc(n * n * sizeof(double));
    for (int c = 0; c < n * n; c++) dp[c] = 1.0;
    for (int step = 0; step < k; step++) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int m = 0; m < 8; m++) {
                    int a = i + moves[m][0], b = j + moves[m][1];
                    if (a >= 0 && a < n && b >= 0 && b < n) sum += dp[a * n + b];
                }
                next[i * n + j] = sum / 8;
            }
        }
        double* t = dp;
        dp = next;
        next = t;
    }
    double p = dp[row * n + column];
    free(dp);
    free(next);
    return p;
}
