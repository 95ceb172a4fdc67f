/* Recurses without end, each frame holding a 4 KiB buffer, until the stack gives out. */
static long long dive(long long depth) {
    volatile char frame[4096];
    frame[depth % 4096] = (char)depth;
    return dive(depth + 1) + frame[(depth * 7) % 4096];
}

long long probe(long long x) {
    return dive(x);
}
