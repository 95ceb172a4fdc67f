function maxSlidingWindow(nums: number[], k: number): number[] {
    // window[head..tail): indices of the window's values, in decreasing
    // order of value, each a candidate for the maximum.
    const window = new Int32Array(nums.length);
    let head = 0, tail = 0;
    const out: number[] = [];
    for (let i = 0; i < nums.length; i++) {
        const x = nums[i];
        while (tail > head && nums[window[tail - 1]] <= x) {
            tail--;
        }
        window[tail++] = i;
        if (window[head] <= i - k) {
            head++;
        }
        if (i >= k - 1) {
            out.push(nums[window[head]]);
        }
    }
    return out;
};
