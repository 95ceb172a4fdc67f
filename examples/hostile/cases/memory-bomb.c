/* Allocates and touches 1 MiB blocks without end, never checking malloc. */
long long probe(long long x) {
    for (;;) {
        char *p = malloc(1 << 20);
        memset(p, 1, 1 << 20);
    }
    return x;
}
