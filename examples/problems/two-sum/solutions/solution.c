/* An open-addressing hash table from values to their latest index. */
struct slot {
    int value, index;
    bool used;
};

/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
int* twoSum(int* nums, int numsSize, int target, int* returnSize) {
    int cap = 1;
    while (cap < 2 * numsSize) cap *= 2;
    struct slot* table = calloc(cap, sizeof(struct slot));
    int* out = malloc(2 * sizeof(int));
    *returnSize = 0;
    for (int i = 0; i < numsSize; i++) {
        long long want = (long long)target - nums[i];
        unsigned h = (unsigned)want * 2654435761u & (cap - 1);
        for (; table[h].used; h = (h + 1) & (cap - 1)) {
            if (table[h].value == want) {
                out[0] = table[h].index;
                out[1] = i;
                *returnSize = 2;
                free(table);
                return out;
            }
        }
        h = (unsigned)nums[i] * 2654435761u & (cap - 1);
        while (table[h].used && table[h].value != nums[i]) h = (h + 1) & (cap - 1);
        table[h] = (struct slot){nums[i], i, true};
    }
    free(table);
    return out;
}
