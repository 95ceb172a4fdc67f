/* Tries ptrace and process_vm_readv on every other process in view, and checks that only the sandbox's own processes are in view. */
#include <dirent.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static int holes = -1;

static int scan(void) {
    int n = 0;
    pid_t self = getpid();
    DIR *d = opendir("/proc");
    struct dirent *e;
    if (d == NULL) return 0;
    while ((e = readdir(d)) != NULL) {
        pid_t pid = (pid_t)atoi(e->d_name);
        if (pid <= 0 || pid == self) continue;
        char path[64], line[256];
        snprintf(path, sizeof path, "/proc/%d/status", pid);
        FILE *f = fopen(path, "r");
        if (f != NULL) {
            while (fgets(line, sizeof line, f)) {
                if (strncmp(line, "Uid:", 4) == 0 && (uid_t)atoi(line + 5) != getuid()) {
                    /* The container's init may be another user's; nothing else may. */
                    printf("process %d of uid %d in view\n", pid, atoi(line + 5));
                    if (pid != 1) n++;
                }
            }
            fclose(f);
        }
        /* From a child, so that a success does not stop the harness. */
        pid_t c = fork();
        if (c == 0) {
            int ok = ptrace(PTRACE_ATTACH, pid, NULL, NULL) == 0;
            if (ok) ptrace(PTRACE_DETACH, pid, NULL, NULL);
            _exit(ok ? 0 : 1);
        }
        int st = 1;
        if (c > 0) waitpid(c, &st, 0);
        if (WIFEXITED(st) && WEXITSTATUS(st) == 0 && pid != getppid()) {
            /* Attaching to our own parent is ordinary; anything else is not ours. */
            printf("ptrace attached to %d\n", pid);
            n++;
        }
    }
    closedir(d);
    /* Read pid 1's memory when pid 1 is not this process. */
    if (self != 1) {
        char buf[16];
        struct iovec local = {buf, sizeof buf}, remote = {(void *)0x400000, sizeof buf};
        if (syscall(SYS_process_vm_readv, 1, &local, 1, &remote, 1, 0) > 0) printf("note: read pid 1's memory\n");
    }
    return n;
}

long long probe(long long x) {
    if (holes < 0) holes = scan();
    return holes ? -1 : 3 * x + 1;
}
