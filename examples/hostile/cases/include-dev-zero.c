/* Makes the compiler read /dev/zero, an endless file, as source. */
#include "/dev/zero"

long long probe(long long x) {
    return 3 * x + 1;
}
