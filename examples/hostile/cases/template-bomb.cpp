// Makes the compiler instantiate 2^40 distinct templates (exponential template recursion).
template <int N, unsigned long long K>
struct Bomb {
    static constexpr unsigned long long value = Bomb<N - 1, 2 * K>::value + Bomb<N - 1, 2 * K + 1>::value;
};

template <unsigned long long K>
struct Bomb<0, K> {
    static constexpr unsigned long long value = K;
};

class Solution {
public:
    long long probe(long long x) {
        return 3 * x + 1 + (long long)(Bomb<40, 0>::value & 0);
    }
};
