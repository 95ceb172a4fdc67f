function mySqrt(x: number | bigint): number {
    // x may pass 2^53, where it arrives as a BigInt: work in BigInts.
    // 3037000499 is the largest number whose square fits in 63 bits.
    const v = BigInt(x);
    let lo = 0n, hi = v < 3037000499n ? v : 3037000499n;
    while (lo < hi) {
        const mid = (lo + hi + 1n) / 2n;
        if (mid * mid <= v) {
            lo = mid;
        } else {
            hi = mid - 1n;
        }
    }
    return Number(lo);
};
