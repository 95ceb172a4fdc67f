class Solution {
    public long mySqrt(long x) {
        // 3037000499 is the largest number whose square fits in a long.
        long lo = 0, hi = Math.min(x, 3037000499L);
        while (lo < hi) {
            long mid = (lo + hi + 1) / 2;
            if (mid * mid <= x) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
