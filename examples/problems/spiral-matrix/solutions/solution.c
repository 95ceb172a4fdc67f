/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
int* spiralOrder(int** matrix, int matrixSize, int* matrixColSize, int* returnSize) {
    int top = 0, bottom = matrixSize - 1, left = 0, right = matrixColSize[0] - 1, n = 0;
    int* out = malloc((matrixSize * matrixColSize[0] + 1) * sizeof(int));
    while (top <= bottom && left <= right) {
        for (int j = left; j <= right; j++) out[n++] = matrix[top][j];
        for (int i = top + 1; i <= bottom; i++) out[n++] = matrix[i][right];
        if (top < bottom && left < right) {
            for (int j = right - 1; j >= left; j--) out[n++] = matrix[bottom][j];
            for (int i = bottom - 1; i > top; i--) out[n++] = matrix[i][left];
        }
        top++, bottom--, left++, right--;
    }
    *returnSize = n;
    return out;
}
