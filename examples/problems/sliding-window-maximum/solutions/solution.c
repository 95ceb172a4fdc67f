/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
int* maxSlidingWindow(int* nums, int numsSize, int k, int* returnSize) {
    /* window[head..tail) holds indices of decreasing values. */
    int* window = malloc((numsSize + 1) * sizeof(int));
    int* out = malloc((numsSize + 1) * sizeof(int));
    int head = 0, tail = 0, n = 0;
    for (int i = 0; i < numsSize; i++) {
        while (tail > head && nums[window[tail - 1]] <= nums[i]) tail--;
        window[tail++] = i;
        if (window[head] <= i - k) head++;
        if (i >= k - 1) out[n++] = nums[window[head]];
    }
    free(window);
    *returnSize = n;
    return out;
}
