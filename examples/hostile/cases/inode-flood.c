/* Creates empty files in /tmp until that fails (inode flood), then answers right. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

static long long made = -1;

long long probe(long long x) {
    if (made < 0) {
        char path[64];
        made = 0;
        mkdir("/tmp/flood", 0700);
        for (;;) {
            snprintf(path, sizeof path, "/tmp/flood/%lld", made);
            int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
            if (fd < 0) break;
            close(fd);
            made++;
        }
        fprintf(stderr, "created %lld files before: %s\n", made, strerror(errno));
        printf("created %lld files\n", made);
    }
    return 3 * x + 1;
}
