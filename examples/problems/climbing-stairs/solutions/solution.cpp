class Solution {
public:
    long long climbStairs(int n) {
        long long a = 1, b = 1;
        for (int i = 0; i < n; i++) {
            long long c = a + b;
            a = b;
            b = c;
        }
        return a;
    }
};
