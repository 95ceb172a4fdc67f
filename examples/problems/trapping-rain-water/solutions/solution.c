int trap(int* height, int heightSize) {
    int i = 0, j = heightSize - 1, left = 0, right = 0, water = 0;
    while (i < j) {
        if (height[i] < height[j]) {
            if (height[i] > left) left = height[i];
            water += left - height[i++];
        } else {
            if (height[j] > right) right = height[j];
            water += right - height[j--];
        }
    }
    return water;
}
