class Solution {
    public double findMedianSortedArrays(int[] nums1, int[] nums2) {
        int[] merged = new int[nums1.length + nums2.length];
        int i = 0, j = 0;
        for (int k = 0; k < merged.length; k++) {
            if (j == nums2.length || (i < nums1.length && nums1[i] <= nums2[j])) {
                merged[k] = nums1[i++];
            } else {
                merged[k] = nums2[j++];
            }
        }
        int n = merged.length;
        if (n % 2 == 1) {
            return merged[n / 2];
        }
        return ((long) merged[n / 2 - 1] + merged[n / 2]) / 2.0;
    }
}
