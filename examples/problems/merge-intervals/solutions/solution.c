static int compareIntervals(const void* a, const void* b) {
    const int *x = *(int* const*)a, *y = *(int* const*)b;
    if (x[0] != y[0]) return (x[0] > y[0]) - (x[0] < y[0]);
    return (x[1] > y[1]) - (x[1] < y[1]);
}

/**
 * Return an array of arrays of size *returnSize.
 * The sizes of the arrays are returned as *returnColumnSizes array.
 * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().
 */
int** merge(int** intervals, int intervalsSize, int* intervalsColSize, int* returnSize, int** returnColumnSizes) {
    qsort(intervals, intervalsSize, sizeof(int*), compareIntervals);
    int** out = malloc((intervalsSize + 1) * sizeof(int*));
    int n = 0;
    for (int i = 0; i < intervalsSize; i++) {
        if (n > 0 && intervals[i][0] <= out[n - 1][1]) {
            if (intervals[i][1] > out[n - 1][1]) out[n - 1][1] = intervals[i][1];
        } else {
            out[n] = malloc(2 * sizeof(int));
            out[n][0] = intervals[i][0];
            out[n][1] = intervals[i][1];
            n++;
        }
    }
    *returnSize = n;
    *returnColumnSizes = malloc((n + 1) * sizeof(int));
    for (int i = 0; i < n; i++) (*returnColumnSizes)[i] = 2;
    return out;
}
