class Solution {
    private static final int[][] MOVES = {{1, 2}, {2, 1}, {-1, 2}, {-2, 1}, {1, -2}, {2, -1}, {-1, -2}, {-2, -1}};

    public double knightProbability(int n, int k, int row, int column) {
        // dp[i][j]: the probability of staying on the board for the
        // remaining moves, starting from (i, j).
        double[][] dp = new double[n][n];
        for (double[] r : dp) {
            Arrays.fill(r, 1);
        }
        for (int step = 0; step < k; step++) {
            double[][] next = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int[] m : MOVES) {
                        int a = i + m[0], b = j + m[1];
                        if (a >= 0 && a < n && b >= 0 && b < n) {
                            sum += dp[a][b];
                        }
                    }
                    next[i][j] = sum / 8;
                }
            }
            dp = next;
        }
        return dp[row][column];
    }
}
