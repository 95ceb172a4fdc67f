/**
 * @param {number[]} nums
 * @param {number} k
 * @return {number[]}
 */
var maxSlidingWindow = function(nums, k) {
    // window holds indices of decreasing values, the front being the
    // maximum of the current window.
    const window = new Int32Array(nums.length);
    let front = 0, back = 0;
    const out = [];
    for (let i = 0; i < nums.length; i++) {
        const x = nums[i];
        while (back > front && nums[window[back - 1]] <= x) back--;
        window[back++] = i;
        if (window[front] <= i - k) front++;
        if (i >= k - 1) out.push(nums[window[front]]);
    }
    return out;
};
