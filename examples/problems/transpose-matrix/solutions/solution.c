/**
 * Return an array of arrays of size *returnSize.
 * The sizes of the arrays are returned as *returnColumnSizes array.
 * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().
 */
int** transpose(int** matrix, int matrixSize, int* matrixColSize, int* returnSize, int** returnColumnSizes) {
    int m = matrixSize, n = matrixColSize[0];
    int** out = malloc(n * sizeof(int*));
    *returnColumnSizes = malloc(n * sizeof(int));
    for (int j = 0; j < n; j++) {
        out[j] = malloc(m * sizeof(int));
        (*returnColumnSizes)[j] = m;
        for (int i = 0; i < m; i++) out[j][i] = matrix[i][j];
    }
    *returnSize = n;
    return out;
}
