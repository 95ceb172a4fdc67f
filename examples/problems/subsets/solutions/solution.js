/**
 * @param {number[]} nums
 * @return {number[][]}
 */
var subsets = function(nums) {
    const out = [[]];
    for (const x of nums) {
        const size = out.length;
        for (let i = 0; i < size; i++) out.push([...out[i], x]);
    }
    return out;
};
