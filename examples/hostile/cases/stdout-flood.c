/* Prints to stdout without end. */
long long probe(long long x) {
    for (;;) printf("flood %lld flood flood flood flood flood flood flood flood flood flood\n", x);
    return x;
}
