/* Ignores (and blocks) every catchable signal, then loops forever. */
long long probe(long long x) {
    sigset_t all;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, NULL);
    for (int s = 1; s < 65; s++) signal(s, SIG_IGN);
    for (volatile long long i = x;; i++) {
    }
    return x;
}
