class Solution {
public:
    double findMedianSortedArrays(vector<int>& nums1, vector<int>& nums2) {
        vector<int> merged(nums1.size() + nums2.size());
        merge(nums1.begin(), nums1.end(), nums2.begin(), nums2.end(), merged.begin());
        size_t n = merged.size();
        if (n % 2 == 1) return merged[n / 2];
        return ((long long)merged[n / 2 - 1] + merged[n / 2]) / 2.0;
    }
};
