/* Looks for the host's canary file in /tmp: at its own path, through /proc/N/root and /proc/N/cwd, and by walking every small file outside /proc, /sys, /dev and /usr. */
#include <dirent.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int contains(const char *hay, size_t n, const char *needle) {
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, m) == 0) return 1;
    return 0;
}

static int holes = -1;
static char needle[64];
static struct timespec deadline;

static int late(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec > deadline.tv_sec || (now.tv_sec == deadline.tv_sec && now.tv_nsec > deadline.tv_nsec);
}

static int file_has_needle(const char *path) {
    static char buf[1 << 20];
    FILE *f = fopen(path, "rb");
    if (f == NULL) return 0;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    return contains(buf, n, needle);
}

static int walk(const char *dir, int depth) {
    int n = 0;
    if (depth > 12 || late()) return 0;
    if (!strcmp(dir, "/proc") || !strcmp(dir, "/sys") || !strcmp(dir, "/dev") || !strcmp(dir, "/usr")) return 0;
    DIR *d = opendir(dir);
    if (d == NULL) return 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && !late()) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", strcmp(dir, "/") ? dir : "", e->d_name);
        struct stat st;
        if (lstat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) {
            n += walk(path, depth + 1);
        } else if (S_ISREG(st.st_mode) && st.st_size <= (1 << 20) && file_has_needle(path)) {
            printf("canary in %s\n", path);
            n++;
        }
    }
    closedir(d);
    return n;
}

static int scan(void) {
    int n = 0;
    /* Built at run time, so that this source does not contain it. */
    snprintf(needle, sizeof needle, "judge-%s-%s", "hostile", "canary");
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_nsec += 500000000;
    if (deadline.tv_nsec >= 1000000000) deadline.tv_sec++, deadline.tv_nsec -= 1000000000;
    char path[256];
    snprintf(path, sizeof path, "/tmp/%s", needle);
    if (access(path, F_OK) == 0) printf("%s exists\n", path), n++;
    for (int pid = 1; pid < 200; pid++) {
        snprintf(path, sizeof path, "/proc/%d/root/tmp/%s", pid, needle);
        if (file_has_needle(path)) printf("canary via %s\n", path), n++;
        snprintf(path, sizeof path, "/proc/%d/cwd/../../../../tmp/%s", pid, needle);
        if (file_has_needle(path)) printf("canary via %s\n", path), n++;
    }
    n += walk("/", 0);
    return n;
}

long long probe(long long x) {
    if (holes < 0) holes = scan();
    return holes ? -1 : 3 * x + 1;
}
