/**
 * @param {number} n
 * @return {number}
 */
var climbStairs = function(n) {
    // The answer outgrows a double's exact range (2^53) for large n, so
    // count with BigInts.
    let a = 1n, b = 1n;
    for (let i = 0; i < n; i++) {
        [a, b] = [b, a + b];
    }
    return a;
};
