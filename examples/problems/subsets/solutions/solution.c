/**
 * Return an array of arrays of size *returnSize.
 * The sizes of the arrays are returned as *returnColumnSizes array.
 * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().
 */
int** subsets(int* nums, int numsSize, int* returnSize, int** returnColumnSizes) {
    int total = 1 << numsSize;
    int** out = malloc(total * sizeof(int*));
    int* sizes = malloc(total * sizeof(int));
    /* Subset mask holds nums[b] for every bit b set in it. */
    for (int mask = 0; mask < total; mask++) {
        out[mask] = malloc((numsSize + 1) * sizeof(int));
        sizes[mask] = 0;
        for (int b = 0; b < numsSize; b++)
            if (mask & (1 << b)) out[mask][sizes[mask]++] = nums[b];
    }
    *returnSize = total;
    *returnColumnSizes = sizes;
    return out;
}
