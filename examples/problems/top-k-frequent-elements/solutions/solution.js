/**
 * @param {number[]} nums
 * @param {number} k
 * @return {number[]}
 */
var topKFrequent = function(nums, k) {
    const count = new Map();
    for (const x of nums) count.set(x, (count.get(x) || 0) + 1);
    const buckets = Array.from({ length: nums.length + 1 }, () => []);
    for (const [value, c] of count) buckets[c].push(value);
    const out = [];
    for (let c = nums.length; c > 0 && out.length < k; c--) {
        for (const value of buckets[c]) {
            if (out.length === k) break;
            out.push(value);
        }
    }
    return out;
};
