class Solution {
public:
    long long mySqrt(long long x) {
        // 3037000499 is the largest number whose square fits in 64 bits.
        long long lo = 0, hi = min(x, 3037000499LL);
        while (lo < hi) {
            long long mid = lo + (hi - lo + 1) / 2;
            if (mid * mid <= x) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
};
