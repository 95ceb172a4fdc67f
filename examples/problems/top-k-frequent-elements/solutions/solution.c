static int compareInts(const void* a, const void* b) {
    int x = *(const int*)a, y = *(const int*)b;
    return (x > y) - (x < y);
}

/* A value and how often it occurs. */
struct counted {
    int value, count;
};

static int moreFrequent(const void* a, const void* b) {
    return ((const struct counted*)b)->count - ((const struct counted*)a)->count;
}

/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
int* topKFrequent(int* nums, int numsSize, int k, int* returnSize) {
    int* sorted = malloc(numsSize * sizeof(int));
    memcpy(sorted, nums, numsSize * sizeof(int));
    qsort(sorted, numsSize, sizeof(int), compareInts);
    struct counted* runs = malloc(numsSize * sizeof(struct counted));
    int n = 0;
    for (int i = 0; i < numsSize; i++) {
        if (n > 0 && runs[n - 1].value == sorted[i]) {
            runs[n - 1].count++;
        } else {
            runs[n].value = sorted[i];
            runs[n++].count = 1;
        }
    }
    qsort(runs, n, sizeof(struct counted), moreFrequent);
    int* out = malloc(k * sizeof(int));
    for (int i = 0; i < k; i++) out[i] = runs[i].value;
    free(sorted);
    free(runs);
    *returnSize = k;
    return out;
}
