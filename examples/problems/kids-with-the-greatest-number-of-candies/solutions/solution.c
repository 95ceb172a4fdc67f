/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
bool* kidsWithCandies(int* candies, int candiesSize, int extraCandies, int* returnSize) {
    int most = 0;
    for (int i = 0; i < candiesSize; i++)
        if (candies[i] > most) most = candies[i];
    bool* out = malloc(candiesSize * sizeof(bool));
    for (int i = 0; i < candiesSize; i++) out[i] = candies[i] + extraCandies >= most;
    *returnSize = candiesSize;
    return out;
}
