double findMedianSortedArrays(int* nums1, int nums1Size, int* nums2, int nums2Size) {
    int n = nums1Size + nums2Size;
    int* merged = malloc(n * sizeof(int));
    for (int i = 0, j = 0, k = 0; k < n; k++) {
        if (j == nums2Size || (i < nums1Size && nums1[i] <= nums2[j])) {
            merged[k] = nums1[i++];
        } else {
            merged[k] = nums2[j++];
        }
    }
    double median = n % 2 ? merged[n / 2] : ((long long)merged[n / 2 - 1] + merged[n / 2]) / 2.0;
    free(merged);
    return median;
}
