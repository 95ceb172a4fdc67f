/* Tries to become root or regain capabilities: setuid/setgid/setgroups to 0, raising capabilities, dropping no_new_privs; checks /proc/self/status. */
#include <fcntl.h>
#include <grp.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int holes = -1;

static int status_field_nonzero(const char *key) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    int bad = 0;
    if (f == NULL) return 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, key, strlen(key)) == 0) {
            unsigned long long v = strtoull(line + strlen(key), NULL, 16);
            bad = v != 0;
        }
    }
    fclose(f);
    return bad;
}

static int status_field_is(const char *key, const char *want) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    int ok = 0;
    if (f == NULL) return 0;
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, key, strlen(key)) == 0) {
            char *v = line + strlen(key);
            while (*v == ' ' || *v == '\t') v++;
            ok = strncmp(v, want, strlen(want)) == 0;
        }
    }
    fclose(f);
    return ok;
}

static int scan(void) {
    int n = 0;
    if (geteuid() == 0 || getuid() == 0 || getegid() == 0) n++, printf("running as root\n");
    if (setuid(0) == 0 || geteuid() == 0) n++, printf("setuid(0) worked\n");
    if (syscall(SYS_setresuid, 0, 0, 0) == 0) n++, printf("setresuid worked\n");
    if (setgid(0) == 0) n++, printf("setgid(0) worked\n");
    gid_t g = 0;
    if (setgroups(1, &g) == 0) n++, printf("setgroups worked\n");
    /* capset: ask for every capability. */
    struct { unsigned version; int pid; } hdr = {0x20080522, 0};
    struct { unsigned eff, perm, inh; } data[2] = {{~0u, ~0u, ~0u}, {~0u, ~0u, ~0u}};
    if (syscall(SYS_capset, &hdr, data) == 0) n++, printf("capset worked\n");
    if (status_field_nonzero("CapEff:")) n++, printf("effective capabilities\n");
    if (status_field_nonzero("CapPrm:")) n++, printf("permitted capabilities\n");
    if (status_field_nonzero("CapAmb:")) n++, printf("ambient capabilities\n");
    if (!status_field_is("NoNewPrivs:", "1")) n++, printf("no_new_privs is off\n");
    if (!status_field_is("Seccomp:", "2")) n++, printf("no seccomp filter\n");
    if (prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) != 1) n++, printf("prctl: no_new_privs is off\n");
    if (prctl(PR_CAPBSET_READ, 21 /* CAP_SYS_ADMIN */, 0, 0, 0) == 1) printf("note: CAP_SYS_ADMIN in the bounding set\n");
    /* A set-user-ID-root program (mount) must not run as root either. */
    mkdir("/tmp/hostile-suid", 0700);
    pid_t pid = fork();
    if (pid == 0) {
        int fd = open("/dev/null", O_WRONLY);
        dup2(fd, 1);
        dup2(fd, 2);
        execl("/bin/mount", "mount", "-t", "tmpfs", "none", "/tmp/hostile-suid", (char *)NULL);
        _exit(127);
    }
    int st = 1;
    if (pid > 0) waitpid(pid, &st, 0);
    if (pid > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0) n++, printf("set-user-ID mount worked\n");
    return n;
}

long long probe(long long x) {
    if (holes < 0) holes = scan();
    return holes ? -1 : 3 * x + 1;
}
