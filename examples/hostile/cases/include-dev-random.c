/* Makes the compiler read /dev/random, an endless file of noise, as source. */
#include "/dev/random"

long long probe(long long x) {
    return 3 * x + 1;
}
