/**
 * @param {number} x
 * @return {number}
 */
var mySqrt = function(x) {
    // x can be up to 2^63 - 1, beyond a double's exact range (such an x
    // arrives as a BigInt): search with BigInts.
    const big = BigInt(x);
    let lo = 0n, hi = big < 3037000499n ? big : 3037000499n;
    while (lo < hi) {
        const mid = (lo + hi + 1n) / 2n;
        if (mid * mid <= big) {
            lo = mid;
        } else {
            hi = mid - 1n;
        }
    }
    return Number(lo);
};
