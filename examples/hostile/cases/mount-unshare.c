/* Tries to leave its namespaces or mount: unshare, clone into new namespaces, setns into pid 1's, mount tmpfs and proc, chroot, pivot_root, remount / read-write. */
#include <fcntl.h>
#include <linux/sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int unshare_(int flags) { return (int)syscall(SYS_unshare, flags); }

static int holes = -1;

static int try_in_child(int (*fn)(void)) {
    pid_t pid = fork();
    if (pid == 0) _exit(fn() == 0 ? 0 : 1);
    int st = 1;
    if (pid < 0) return 0;
    waitpid(pid, &st, 0);
    return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

static int do_unshare_user(void) { return unshare_(CLONE_NEWUSER); }
static int do_unshare_ns(void) { return unshare_(CLONE_NEWNS); }
static int do_unshare_all(void) {
    return unshare_(CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWUTS | CLONE_NEWIPC);
}
static int do_mount_tmpfs(void) {
    mkdir("/tmp/hostile-mnt", 0700);
    return mount("none", "/tmp/hostile-mnt", "tmpfs", 0, "size=1g");
}
static int do_mount_proc(void) {
    mkdir("/tmp/hostile-proc", 0700);
    return mount("proc", "/tmp/hostile-proc", "proc", 0, NULL);
}
static int do_remount_root(void) { return mount(NULL, "/", NULL, MS_REMOUNT | MS_BIND, NULL); }
static int do_chroot(void) { return chroot("/tmp"); }
static int do_pivot(void) { return (int)syscall(SYS_pivot_root, "/tmp", "/tmp"); }
static int do_setns(void) {
    int fd = open("/proc/1/ns/mnt", O_RDONLY);
    if (fd < 0) return -1;
    return (int)syscall(SYS_setns, fd, 0);
}
static int do_user_then_mount(void) {
    if (unshare_(CLONE_NEWUSER | CLONE_NEWNS) != 0) return -1;
    mkdir("/tmp/hostile-umnt", 0700);
    return mount("none", "/tmp/hostile-umnt", "tmpfs", 0, "size=1g");
}

static int scan(void) {
    struct { const char *what; int (*fn)(void); } tries[] = {
        {"unshare(CLONE_NEWUSER)", do_unshare_user},
        {"unshare(CLONE_NEWNS)", do_unshare_ns},
        {"unshare(pid, net, uts, ipc, mnt)", do_unshare_all},
        {"mount tmpfs", do_mount_tmpfs},
        {"mount proc", do_mount_proc},
        {"remount / read-write", do_remount_root},
        {"chroot", do_chroot},
        {"pivot_root", do_pivot},
        {"setns into pid 1's mount namespace", do_setns},
        {"user namespace, then mount tmpfs", do_user_then_mount},
    };
    int n = 0;
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
        if (try_in_child(tries[i].fn)) {
            printf("%s worked\n", tries[i].what);
            n++;
        }
    }
    return n;
}

long long probe(long long x) {
    if (holes < 0) holes = scan();
    return holes ? -1 : 3 * x + 1;
}
