/**
 * @param {string} s
 * @return {boolean}
 */
var isPalindrome = function(s) {
    // Compare characters, not UTF-16 code units.
    const t = Array.from(s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ""));
    for (let i = 0, j = t.length - 1; i < j; i++, j--) {
        if (t[i] !== t[j]) return false;
    }
    return true;
};
