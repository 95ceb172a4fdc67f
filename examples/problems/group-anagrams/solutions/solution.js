/**
 * @param {string[]} strs
 * @return {string[][]}
 */
var groupAnagrams = function(strs) {
    const groups = new Map();
    for (const s of strs) {
        const key = s.split("").sort().join("");
        const group = groups.get(key);
        if (group) {
            group.push(s);
        } else {
            groups.set(key, [s]);
        }
    }
    return Array.from(groups.values());
};
