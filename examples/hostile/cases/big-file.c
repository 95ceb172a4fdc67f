/* Writes a 1 GB file in /tmp, then answers right. */
long long probe(long long x) {
    static char chunk[1 << 20];
    FILE *f = fopen("/tmp/big.bin", "wb");
    if (f == NULL) return -1;
    for (int i = 0; i < 1024; i++) fwrite(chunk, 1, sizeof chunk, f);
    fclose(f);
    return 3 * x + 1;
}
