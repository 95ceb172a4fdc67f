class Solution {
public:
    int trap(vector<int>& height) {
        int i = 0, j = height.size() - 1, left = 0, right = 0, water = 0;
        while (i < j) {
            if (height[i] < height[j]) {
                left = max(left, height[i]);
                water += left - height[i++];
            } else {
                right = max(right, height[j]);
                water += right - height[j--];
            }
        }
        return water;
    }
};
