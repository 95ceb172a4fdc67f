/* judge harness for C: the fixed library part.
 *
 * The judge appends to this file, per problem, an #include of the user's
 * solution.c, a judge_call() that reads one test's arguments from the token
 * input, calls the user's function between judge_start() and judge_stop()
 * and serializes the result, and a main() that hands judge_call to
 * judge_main() (see harness/c.go). The protocol, input tokens and output
 * records, is described in harness/README.md.
 *
 * What the user's code may rely on comes first, as on LeetCode: the standard
 * C headers, uthash when the image has it, struct ListNode and struct
 * TreeNode. The harness's own names all start with judge_. The POSIX calls it
 * needs beyond those headers are declared under such names too, so that
 * <unistd.h> does not put read, write, link or pipe in the way of the user's
 * own functions.
 */
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/types.h>
#if defined(__has_include)
#if __has_include(<uthash.h>)
#include <uthash.h>
#endif
#endif

struct ListNode {
    int val;
    struct ListNode *next;
};

struct TreeNode {
    int val;
    struct TreeNode *left;
    struct TreeNode *right;
};

extern int judge_sys_dup(int fd) __asm__("dup");
extern int judge_sys_dup2(int fd, int fd2) __asm__("dup2");
extern ssize_t judge_sys_read(int fd, void *buf, size_t n) __asm__("read");
extern ssize_t judge_sys_write(int fd, const void *buf, size_t n) __asm__("write");
extern off_t judge_sys_lseek(int fd, off_t offset, int whence) __asm__("lseek");
extern int judge_sys_ftruncate(int fd, off_t length) __asm__("ftruncate");
extern int judge_sys_unlink(const char *path) __asm__("unlink");

/* Allocations of the user's code and of the harness go through these (the
 * compile links with --wrap=malloc,calloc,realloc): one that fails ends the
 * run with a message the judge reads as Memory Limit Exceeded, as on judges
 * that bound memory with cgroups, instead of a crash on a NULL pointer later. */
void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);

static void judge_alloc_failed(void) {
    static const char msg[] = "malloc: out of memory\n";
    judge_sys_write(2, msg, sizeof msg - 1);
    _Exit(134);
}

void *__wrap_malloc(size_t n) {
    void *p = __real_malloc(n);
    if (!p && n) judge_alloc_failed();
    return p;
}

void *__wrap_calloc(size_t n, size_t size) {
    void *p = __real_calloc(n, size);
    if (!p && n && size) judge_alloc_failed();
    return p;
}

void *__wrap_realloc(void *q, size_t n) {
    void *p = __real_realloc(q, n);
    if (!p && n) judge_alloc_failed();
    return p;
}

/* judge_fatal ends the harness on a fault of the judge's own, such as
 * malformed input; nothing the user's code does leads here. */
static void judge_fatal(const char *why) {
    fprintf(stderr, "judge harness: %s\n", why);
    _Exit(97);
}

/* judge_oom ends the run when memory for the harness's own work runs out:
 * the user's code has used it up, so the abort is the user's runtime error. */
static void judge_oom(void) {
    fputs("judge harness: out of memory\n", stderr);
    abort();
}

/* judge_buf is a growing byte buffer. */
typedef struct judge_buf {
    char *data;
    size_t len, cap;
} judge_buf;

static void judge_buf_add(judge_buf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1) cap *= 2;
        char *p = realloc(b->data, cap);
        if (!p) judge_oom();
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void judge_buf_str(judge_buf *b, const char *s) { judge_buf_add(b, s, strlen(s)); }

static void judge_buf_long(judge_buf *b, long long v) {
    char num[24];
    judge_buf_add(b, num, (size_t)snprintf(num, sizeof num, "%lld", v));
}

/* judge_buf_json_string appends a JSON string: quotes, backslashes and
 * control characters escaped, other bytes (UTF-8) as they are. */
static void judge_buf_json_string(judge_buf *b, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    judge_buf_add(b, "\"", 1);
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c != '"' && c != '\\' && c >= 0x20) continue;
        judge_buf_add(b, s + from, i - from);
        from = i + 1;
        if (c == '"' || c == '\\') {
            char esc[2] = {'\\', (char)c};
            judge_buf_add(b, esc, 2);
        } else {
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            judge_buf_add(b, esc, 6);
        }
    }
    judge_buf_add(b, s + from, n - from);
    judge_buf_add(b, "\"", 1);
}

/* Inputs live until their test ends: judge_alloc records every block, and
 * judge_free_inputs frees them after the result is serialized (a result may
 * point into its arguments). List and tree nodes are never freed: the user's
 * code may relink or free them itself. */
static void **judge_allocs;
static size_t judge_nallocs, judge_allocs_cap;

static void *judge_alloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) judge_oom();
    if (judge_nallocs == judge_allocs_cap) {
        size_t cap = judge_allocs_cap ? 2 * judge_allocs_cap : 64;
        void **a = realloc(judge_allocs, cap * sizeof *a);
        if (!a) judge_oom();
        judge_allocs = a;
        judge_allocs_cap = cap;
    }
    judge_allocs[judge_nallocs++] = p;
    return p;
}

static void judge_free_inputs(void) {
    for (size_t i = 0; i < judge_nallocs; i++) free(judge_allocs[i]);
    judge_nallocs = 0;
}

/* judge_input is the token stream of the harness's whole standard input, see
 * harness.EncodeTokens; the buffer ends with a NUL. */
typedef struct judge_input {
    char *p;
} judge_input;

/* judge_word returns the next whitespace-separated token and its length. */
static char *judge_word(judge_input *in, size_t *len) {
    while (*in->p && isspace((unsigned char)*in->p)) in->p++;
    if (!*in->p) judge_fatal("the input ended early");
    char *w = in->p;
    while (*in->p && !isspace((unsigned char)*in->p)) in->p++;
    *len = (size_t)(in->p - w);
    return w;
}

static long long judge_parse_integer(const char *w, size_t len, long long lo, long long hi) {
    char *end;
    errno = 0;
    long long v = strtoll(w, &end, 10);
    if (errno || end != w + len || v < lo || v > hi) judge_fatal("malformed integer in the input");
    return v;
}

static long long judge_read_integer(judge_input *in, long long lo, long long hi) {
    size_t len;
    char *w = judge_word(in, &len);
    return judge_parse_integer(w, len, lo, hi);
}

static int judge_read_length(judge_input *in) { return (int)judge_read_integer(in, 0, INT_MAX); }

/* The judge_read_TYPE functions decode one value of each signature type. */

static int judge_read_int(judge_input *in) { return (int)judge_read_integer(in, INT_MIN, INT_MAX); }

static long long judge_read_long(judge_input *in) { return judge_read_integer(in, LLONG_MIN, LLONG_MAX); }

static bool judge_read_bool(judge_input *in) { return judge_read_integer(in, 0, 1) == 1; }

static double judge_read_double(judge_input *in) {
    size_t len;
    char *w = judge_word(in, &len);
    char *end;
    double v = strtod(w, &end);
    if (end != w + len) judge_fatal("malformed double in the input");
    return v;
}

static int judge_hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    judge_fatal("malformed hex string in the input");
    return 0;
}

static char *judge_read_string(judge_input *in) {
    int n = judge_read_length(in);
    char *s = judge_alloc((size_t)n + 1);
    s[n] = '\0';
    if (n == 0) return s;
    size_t len;
    char *hex = judge_word(in, &len);
    if (len != 2 * (size_t)n) judge_fatal("string length and hex differ in the input");
    for (int i = 0; i < n; i++) s[i] = (char)(judge_hex_digit(hex[2 * i]) << 4 | judge_hex_digit(hex[2 * i + 1]));
    return s;
}

static struct ListNode *judge_read_list(judge_input *in) {
    int n = judge_read_length(in);
    struct ListNode head = {0, NULL}, *tail = &head;
    for (int i = 0; i < n; i++) {
        struct ListNode *node = malloc(sizeof *node);
        if (!node) judge_oom();
        node->val = judge_read_int(in);
        node->next = NULL;
        tail = tail->next = node;
    }
    return head.next;
}

/* judge_read_tree builds a tree level by level, as LeetCode writes trees:
 * each non-null entry takes the next two entries as its children. */
static struct TreeNode *judge_read_tree(judge_input *in) {
    int n = judge_read_length(in);
    struct TreeNode **nodes = judge_alloc((size_t)n * sizeof *nodes);
    for (int i = 0; i < n; i++) {
        size_t len;
        char *w = judge_word(in, &len);
        nodes[i] = NULL;
        if (len == 4 && memcmp(w, "null", 4) == 0) continue;
        struct TreeNode *node = malloc(sizeof *node);
        if (!node) judge_oom();
        node->val = (int)judge_parse_integer(w, len, INT_MIN, INT_MAX);
        node->left = node->right = NULL;
        nodes[i] = node;
    }
    int child = 1;
    for (int i = 0; i < n && child < n; i++) {
        if (!nodes[i]) continue;
        nodes[i]->left = nodes[child++];
        if (child < n) nodes[i]->right = nodes[child++];
    }
    return n > 0 ? nodes[0] : NULL;
}

/* judge_test is one test: the clock around the call, and the result's JSON
 * or why it has none. */
typedef struct judge_test {
    struct timespec start, stop;
    judge_buf value;
    char error[256];
} judge_test;

static void judge_start(judge_test *t) { clock_gettime(CLOCK_MONOTONIC, &t->start); }

static void judge_stop(judge_test *t) { clock_gettime(CLOCK_MONOTONIC, &t->stop); }

/* judge_fail records why the result cannot be serialized; the first reason
 * counts. */
static void judge_fail(judge_test *t, const char *format, ...) {
    if (t->error[0]) return;
    va_list ap;
    va_start(ap, format);
    vsnprintf(t->error, sizeof t->error, format, ap);
    va_end(ap);
}

/* JUDGE_MAX_NODES bounds the nodes of a returned list or tree, so that a
 * cycle ends in an error rather than in exhausted memory. */
#define JUDGE_MAX_NODES (1 << 20)

/* The judge_put_TYPE functions append the JSON of a value of each signature
 * type. */

static void judge_put_int(judge_test *t, int v) { judge_buf_long(&t->value, v); }

static void judge_put_long(judge_test *t, long long v) { judge_buf_long(&t->value, v); }

static void judge_put_bool(judge_test *t, bool v) { judge_buf_str(&t->value, v ? "true" : "false"); }

static void judge_put_double(judge_test *t, double v) {
    if (!isfinite(v)) {
        judge_fail(t, "cannot return the value: a double is %s", isnan(v) ? "NaN" : "infinite");
        return;
    }
    char num[32];
    judge_buf_add(&t->value, num, (size_t)snprintf(num, sizeof num, "%.17g", v));
}

static void judge_put_string(judge_test *t, char *v) {
    if (!v) {
        judge_fail(t, "cannot return the value: a string is NULL");
        return;
    }
    judge_buf_json_string(&t->value, v, strlen(v));
}

static void judge_put_list(judge_test *t, struct ListNode *v) {
    judge_buf_add(&t->value, "[", 1);
    for (long n = 0; v; v = v->next, n++) {
        if (n == JUDGE_MAX_NODES) {
            judge_fail(t, "cannot return the value: the list has a cycle or more than %d nodes", JUDGE_MAX_NODES);
            return;
        }
        if (n > 0) judge_buf_add(&t->value, ",", 1);
        judge_buf_long(&t->value, v->val);
    }
    judge_buf_add(&t->value, "]", 1);
}

/* judge_put_tree writes a tree level by level with null for a missing
 * child, leaving out trailing nulls. */
static void judge_put_tree(judge_test *t, struct TreeNode *v) {
    size_t n = 0, cap = 64;
    struct TreeNode **q = malloc(cap * sizeof *q);
    if (!q) judge_oom();
    if (v) q[n++] = v;
    for (size_t i = 0; i < n; i++) {
        if (!q[i]) continue;
        if (n > 2 * (size_t)JUDGE_MAX_NODES) {
            judge_fail(t, "cannot return the value: the tree has a cycle or more than %d nodes", JUDGE_MAX_NODES);
            free(q);
            return;
        }
        if (n + 2 > cap) {
            cap *= 2;
            struct TreeNode **p = realloc(q, cap * sizeof *q);
            if (!p) judge_oom();
            q = p;
        }
        q[n++] = q[i]->left;
        q[n++] = q[i]->right;
    }
    while (n > 0 && !q[n - 1]) n--;
    judge_buf_add(&t->value, "[", 1);
    for (size_t i = 0; i < n; i++) {
        if (i > 0) judge_buf_add(&t->value, ",", 1);
        if (q[i]) {
            judge_buf_long(&t->value, q[i]->val);
        } else {
            judge_buf_str(&t->value, "null");
        }
    }
    judge_buf_add(&t->value, "]", 1);
    free(q);
}

/* judge_check_array says whether an array of n elements at a can be read. */
static bool judge_check_array(judge_test *t, const void *a, int n) {
    if (n < 0) {
        judge_fail(t, "cannot return the value: an array has the size %d", n);
        return false;
    }
    if (!a && n > 0) {
        judge_fail(t, "cannot return the value: an array of size %d is NULL", n);
        return false;
    }
    return true;
}

/* JUDGE_ARRAYS defines, for element type T read and written by
 * judge_read_NAME and judge_put_NAME, the readers and writers of T[] as a
 * pointer and a size, and of T[][] as rows, a row count and the rows'
 * sizes. A harness uses only some of them. */
#define JUDGE_UNUSED __attribute__((unused))
#define JUDGE_ARRAYS(T, NAME)                                                                           \
    JUDGE_UNUSED static T *judge_read_##NAME##_array(judge_input *in, int *size) {                      \
        int n = judge_read_length(in);                                                                  \
        T *a = judge_alloc((size_t)n * sizeof(T));                                                      \
        for (int i = 0; i < n; i++) a[i] = judge_read_##NAME(in);                                       \
        *size = n;                                                                                      \
        return a;                                                                                       \
    }                                                                                                   \
    JUDGE_UNUSED static T **judge_read_##NAME##_matrix(judge_input *in, int *size, int **col_sizes) {   \
        int n = judge_read_length(in);                                                                  \
        T **a = judge_alloc((size_t)n * sizeof(T *));                                                   \
        int *cols = judge_alloc((size_t)n * sizeof(int));                                               \
        for (int i = 0; i < n; i++) a[i] = judge_read_##NAME##_array(in, &cols[i]);                     \
        *size = n;                                                                                      \
        *col_sizes = cols;                                                                              \
        return a;                                                                                       \
    }                                                                                                   \
    JUDGE_UNUSED static void judge_put_##NAME##_array(judge_test *t, T *a, int n) {                     \
        if (!judge_check_array(t, a, n)) return;                                                        \
        judge_buf_add(&t->value, "[", 1);                                                               \
        for (int i = 0; i < n && !t->error[0]; i++) {                                                   \
            if (i > 0) judge_buf_add(&t->value, ",", 1);                                                \
            judge_put_##NAME(t, a[i]);                                                                  \
        }                                                                                               \
        judge_buf_add(&t->value, "]", 1);                                                               \
    }                                                                                                   \
    JUDGE_UNUSED static void judge_put_##NAME##_matrix(judge_test *t, T **a, int n, int *cols) {        \
        if (!judge_check_array(t, a, n)) return;                                                        \
        if (!cols && n > 0) {                                                                           \
            judge_fail(t, "cannot return the value: *returnColumnSizes is NULL for %d rows", n);        \
            return;                                                                                     \
        }                                                                                               \
        judge_buf_add(&t->value, "[", 1);                                                               \
        for (int i = 0; i < n && !t->error[0]; i++) {                                                   \
            if (i > 0) judge_buf_add(&t->value, ",", 1);                                                \
            judge_put_##NAME##_array(t, a[i], cols[i]);                                                 \
        }                                                                                               \
        judge_buf_add(&t->value, "]", 1);                                                               \
    }

JUDGE_ARRAYS(int, int)
JUDGE_ARRAYS(long long, long)
JUDGE_ARRAYS(double, double)
JUDGE_ARRAYS(bool, bool)
JUDGE_ARRAYS(char *, string)
JUDGE_ARRAYS(struct ListNode *, list)
JUDGE_ARRAYS(struct TreeNode *, tree)
#undef JUDGE_ARRAYS
#undef JUDGE_UNUSED

/* The process's file descriptors: the original standard output, where only
 * records go, and the file the user's standard output is captured in during
 * a test. */
static int judge_records = -1, judge_capture = -1;
static size_t judge_limit;
static judge_buf judge_marker;

static void judge_write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = judge_sys_write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) _Exit(98); /* the judge stopped listening */
        p += w;
        n -= (size_t)w;
    }
}

/* judge_emit writes one record: the marker, the JSON object, a newline. */
static void judge_emit(judge_buf *json) {
    judge_buf line = {0};
    judge_buf_add(&line, judge_marker.data, judge_marker.len);
    judge_buf_add(&line, json->data, json->len);
    judge_buf_add(&line, "\n", 1);
    judge_write_all(judge_records, line.data, line.len);
    free(line.data);
}

static void judge_emit_str(const char *json) {
    judge_buf b = {0};
    judge_buf_str(&b, json);
    judge_emit(&b);
    free(b.data);
}

/* judge_take_stdout appends to b, as a JSON string, what the user's code
 * printed since the last call, cut to the output limit, and clears it. */
static void judge_take_stdout(judge_buf *b) {
    fflush(stdout);
    char *out = malloc(judge_limit + 1);
    if (!out) judge_oom();
    size_t got = 0;
    judge_sys_lseek(judge_capture, 0, SEEK_SET);
    while (got < judge_limit + 1) {
        ssize_t n = judge_sys_read(judge_capture, out + got, judge_limit + 1 - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += (size_t)n;
    }
    if (judge_sys_ftruncate(judge_capture, 0) != 0) judge_fatal("cannot clear the standard output capture");
    judge_sys_lseek(judge_capture, 0, SEEK_SET);
    if (got > judge_limit) {
        judge_buf cut = {0};
        judge_buf_add(&cut, out, judge_limit);
        judge_buf_str(&cut, "\n[output truncated]");
        judge_buf_json_string(b, cut.data, cut.len);
        free(cut.data);
    } else {
        judge_buf_json_string(b, out, got);
    }
    free(out);
}

/* judge_on_crash makes a crash keep what the test printed: it copies it to
 * standard error, which the judge shows with the verdict, and then lets the
 * signal kill the process as it would have. Flushing stdout is not
 * async-signal-safe; at worst it faults again, and the default action,
 * restored by SA_RESETHAND, ends the process. */
static void judge_on_crash(int sig) {
    fflush(stdout);
    if (judge_capture >= 0 && judge_sys_lseek(judge_capture, 0, SEEK_SET) == 0) {
        char buf[4096];
        size_t left = judge_limit;
        bool header = false;
        while (left > 0) {
            ssize_t n = judge_sys_read(judge_capture, buf, left < sizeof buf ? left : sizeof buf);
            if (n <= 0) break;
            if (!header) {
                static const char msg[] = "standard output of the test before the crash:\n";
                header = judge_sys_write(2, msg, sizeof msg - 1) > 0;
            }
            if (judge_sys_write(2, buf, (size_t)n) != n) break;
            left -= (size_t)n;
        }
        if (header) judge_sys_write(2, "\n", 1);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void judge_catch_crashes(void) {
    static char altstack[1 << 16];
    stack_t ss = {0};
    ss.ss_sp = altstack;
    ss.ss_size = sizeof altstack;
    sigaltstack(&ss, NULL); /* a stack overflow needs a stack of its own */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = judge_on_crash;
    sa.sa_flags = SA_ONSTACK | SA_RESETHAND | SA_NODEFER;
    int sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) sigaction(sigs[i], &sa, NULL);
}

/* judge_raise_stack_limit lets deep recursion use the stack up to the hard
 * limit (the memory limit bounds it as a whole), as judges usually do. */
static void judge_raise_stack_limit(void) {
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        setrlimit(RLIMIT_STACK, &rl);
    }
}

static char *judge_read_stdin(void) {
    judge_buf b = {0};
    char chunk[1 << 16];
    for (;;) {
        ssize_t n = judge_sys_read(0, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) judge_fatal("cannot read the input");
        if (n == 0) break;
        judge_buf_add(&b, chunk, (size_t)n);
    }
    judge_buf_add(&b, "", 0);
    return b.data;
}

/* judge_call_fn reads one test's arguments from in, calls the user's
 * function between judge_start(t) and judge_stop(t), and writes the result's
 * JSON to t. */
typedef void (*judge_call_fn)(judge_input *in, judge_test *t);

/* judge_main runs every test with call and reports each outcome. */
static int judge_main(judge_call_fn call) {
    judge_input in = {judge_read_stdin()};
    size_t len;
    char *nonce = judge_word(&in, &len);
    judge_buf_str(&judge_marker, "@@judge:");
    judge_buf_add(&judge_marker, nonce, len);
    judge_buf_add(&judge_marker, " ", 1);
    int tests = judge_read_length(&in);
    judge_limit = (size_t)judge_read_length(&in);

    judge_records = judge_sys_dup(1);
    char path[] = "judge-stdout-XXXXXX";
    judge_capture = mkstemp(path);
    if (judge_records < 0 || judge_capture < 0) judge_fatal("cannot set up the standard output capture");
    judge_sys_unlink(path);
    if (!freopen("/dev/null", "r", stdin)) judge_fatal("cannot close the input");
    fflush(stdout);
    judge_sys_dup2(judge_capture, 1);
    judge_raise_stack_limit();
    judge_catch_crashes();
    judge_emit_str("{\"k\":\"start\"}");

    judge_emit_str("{\"k\":\"ready\"}");
    for (int i = 0; i < tests; i++) {
        judge_test t;
        memset(&t, 0, sizeof t);
        call(&in, &t);
        judge_buf rec = {0};
        judge_buf_str(&rec, t.error[0] ? "{\"k\":\"error\",\"i\":" : "{\"k\":\"result\",\"i\":");
        judge_buf_long(&rec, i);
        if (t.error[0]) {
            judge_buf_str(&rec, ",\"err\":");
            judge_buf_json_string(&rec, t.error, strlen(t.error));
        } else {
            long long us = (long long)(t.stop.tv_sec - t.start.tv_sec) * 1000000 + (t.stop.tv_nsec - t.start.tv_nsec) / 1000;
            judge_buf_str(&rec, ",\"v\":");
            judge_buf_add(&rec, t.value.data, t.value.len);
            judge_buf_str(&rec, ",\"us\":");
            judge_buf_long(&rec, us);
        }
        judge_buf_str(&rec, ",\"out\":");
        judge_take_stdout(&rec);
        judge_buf_add(&rec, "}", 1);
        judge_emit(&rec);
        free(rec.data);
        free(t.value.data);
        judge_free_inputs();
    }
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    getrusage(RUSAGE_SELF, &ru);
    judge_buf done = {0};
    judge_buf_str(&done, "{\"k\":\"done\",\"rss\":");
    judge_buf_long(&done, ru.ru_maxrss);
    judge_buf_add(&done, "}", 1);
    judge_emit(&done);
    free(done.data);
    return 0;
}

/* The user's solution and the generated judge_call() and main() follow. */
