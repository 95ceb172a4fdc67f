class Solution {
    public double myPow(double x, int n) {
        long e = n; // -n overflows an int for n = -2^31
        if (e < 0) {
            x = 1 / x;
            e = -e;
        }
        double result = 1;
        for (; e > 0; e >>= 1) {
            if ((e & 1) == 1) {
                result *= x;
            }
            x *= x;
        }
        return result;
    }
}
