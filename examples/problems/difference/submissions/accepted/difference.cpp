#include <cstdio>
#include <cstdlib>

int main() {
    long long a, b;
    while (std::scanf("%lld %lld", &a, &b) == 2) {
        std::printf("%lld\n", std::llabs(a - b));
    }
    return 0;
}
