// judge harness for C++: the fixed library part.
//
// The judge appends to this file, per problem, an #include of the user's
// solution.cpp and a main() that hands judge_harness::instance.run() a call:
// a function that reads one test's arguments from the token input, calls
// Solution::<function> between the clock's start and stop, and returns the
// JSON of the result (see harness/cpp.go). The protocol, input tokens and
// output records, is described in harness/README.md.
//
// What the user's code may rely on comes first, as on LeetCode: the whole
// standard library, `using namespace std;`, ListNode and TreeNode. The
// harness's own names live in namespace judge_harness.
#include <bits/stdc++.h>
#include <cxxabi.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace std;

struct ListNode {
    int val;
    ListNode *next;
    ListNode() : val(0), next(nullptr) {}
    ListNode(int x) : val(x), next(nullptr) {}
    ListNode(int x, ListNode *next) : val(x), next(next) {}
};

struct TreeNode {
    int val;
    TreeNode *left;
    TreeNode *right;
    TreeNode() : val(0), left(nullptr), right(nullptr) {}
    TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
    TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
};

namespace judge_harness {

// fatal ends the harness on a fault of the judge's own, such as malformed
// input; nothing the user's code does leads here.
[[noreturn]] inline void fatal(const char* why) {
    std::fprintf(stderr, "judge harness: %s\n", why);
    std::_Exit(97);
}

// Input is the token stream of the harness's whole standard input, see
// harness.EncodeTokens.
class Input {
public:
    explicit Input(std::string data) : data_(std::move(data)) {}

    // word returns the next whitespace-separated token.
    std::string_view word() {
        while (pos_ < data_.size() && std::isspace(static_cast<unsigned char>(data_[pos_]))) pos_++;
        if (pos_ == data_.size()) fatal("the input ended early");
        size_t start = pos_;
        while (pos_ < data_.size() && !std::isspace(static_cast<unsigned char>(data_[pos_]))) pos_++;
        return std::string_view(data_).substr(start, pos_ - start);
    }

    // integer reads a decimal integer in [lo, hi].
    long long integer(long long lo, long long hi) { return parse_integer(word(), lo, hi); }

    // length reads an array's or a string's length.
    int length() { return static_cast<int>(integer(0, INT_MAX)); }

    // real reads a double in decimal or exponent form.
    double real() {
        std::string_view w = word();
        double v = 0;
        auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), v);
        if (ec != std::errc() || end != w.data() + w.size()) fatal("malformed double in the input");
        return v;
    }

    static long long parse_integer(std::string_view w, long long lo, long long hi) {
        long long v = 0;
        auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), v);
        if (ec != std::errc() || end != w.data() + w.size() || v < lo || v > hi) fatal("malformed integer in the input");
        return v;
    }

private:
    std::string data_;
    size_t pos_ = 0;
};

// The read_value overloads decode one value of each signature type.

inline void read_value(Input& in, int& v) { v = static_cast<int>(in.integer(INT_MIN, INT_MAX)); }
inline void read_value(Input& in, long long& v) { v = in.integer(LLONG_MIN, LLONG_MAX); }
inline void read_value(Input& in, double& v) { v = in.real(); }
inline void read_value(Input& in, bool& v) { v = in.integer(0, 1) == 1; }

inline int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    fatal("malformed hex string in the input");
}

inline void read_value(Input& in, std::string& v) {
    int n = in.length();
    v.assign(static_cast<size_t>(n), '\0');
    if (n == 0) return;
    std::string_view hex = in.word();
    if (hex.size() != 2 * static_cast<size_t>(n)) fatal("string length and hex differ in the input");
    for (int i = 0; i < n; i++) v[i] = static_cast<char>(hex_digit(hex[2 * i]) << 4 | hex_digit(hex[2 * i + 1]));
}

inline void read_value(Input& in, ListNode*& v) {
    int n = in.length();
    ListNode head;
    ListNode* tail = &head;
    for (int i = 0; i < n; i++) {
        int x;
        read_value(in, x);
        tail = tail->next = new ListNode(x);
    }
    v = head.next;
}

// read_value for a tree builds it level by level, as LeetCode writes trees:
// each non-null entry takes the next two entries as its children.
inline void read_value(Input& in, TreeNode*& v) {
    int n = in.length();
    std::vector<TreeNode*> nodes(static_cast<size_t>(n));
    for (int i = 0; i < n; i++) {
        std::string_view w = in.word();
        if (w != "null") nodes[i] = new TreeNode(static_cast<int>(Input::parse_integer(w, INT_MIN, INT_MAX)));
    }
    v = n > 0 ? nodes[0] : nullptr;
    size_t child = 1;
    for (size_t i = 0; i < nodes.size() && child < nodes.size(); i++) {
        if (nodes[i] == nullptr) continue;
        nodes[i]->left = nodes[child++];
        if (child < nodes.size()) nodes[i]->right = nodes[child++];
    }
}

template <class T>
void read_value(Input& in, std::vector<T>& v) {
    int n = in.length();
    v.clear();
    v.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; i++) {
        T x{};
        read_value(in, x);
        v.push_back(std::move(x));
    }
}

// read reads the next argument, of type T.
template <class T>
T read(Input& in) {
    T v{};
    read_value(in, v);
    return v;
}

// BadValue is thrown when a return value has no JSON form: a non-finite
// double, a list with a cycle.
struct BadValue {
    std::string why;
};

// maxNodes bounds the nodes of a returned list or tree, so that a cycle
// ends in an error rather than in exhausted memory.
constexpr size_t maxNodes = size_t(1) << 20;

// The put overloads append the JSON of a value of each signature type.

inline void put(std::string& out, int v) { out += std::to_string(v); }
inline void put(std::string& out, long long v) { out += std::to_string(v); }
inline void put(std::string& out, bool v) { out += v ? "true" : "false"; }

inline void put(std::string& out, double v) {
    if (!std::isfinite(v)) throw BadValue{std::string("a double is ") + (std::isnan(v) ? "NaN" : "infinite")};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    out += buf;
}

// put_string appends a JSON string: quotes, backslashes and control
// characters escaped, other bytes (UTF-8) as they are.
inline void put_string(std::string& out, const char* s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    out += '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
}

inline void put(std::string& out, const std::string& v) { put_string(out, v.data(), v.size()); }

inline void put(std::string& out, ListNode* v) {
    out += '[';
    for (size_t n = 0; v != nullptr; v = v->next, n++) {
        if (n == maxNodes) throw BadValue{"the list has a cycle or more than " + std::to_string(maxNodes) + " nodes"};
        if (n > 0) out += ',';
        put(out, v->val);
    }
    out += ']';
}

// put for a tree writes it level by level with null for a missing child,
// leaving out trailing nulls.
inline void put(std::string& out, TreeNode* v) {
    std::vector<TreeNode*> queue;
    if (v != nullptr) queue.push_back(v);
    for (size_t i = 0; i < queue.size(); i++) {
        if (queue[i] == nullptr) continue;
        if (queue.size() > 2 * maxNodes) throw BadValue{"the tree has a cycle or more than " + std::to_string(maxNodes) + " nodes"};
        queue.push_back(queue[i]->left);
        queue.push_back(queue[i]->right);
    }
    while (!queue.empty() && queue.back() == nullptr) queue.pop_back();
    out += '[';
    for (size_t i = 0; i < queue.size(); i++) {
        if (i > 0) out += ',';
        if (queue[i] == nullptr) {
            out += "null";
        } else {
            put(out, queue[i]->val);
        }
    }
    out += ']';
}

template <class T>
void put(std::string& out, const std::vector<T>& v) {
    out += '[';
    bool first = true;
    for (const auto& x : v) {
        if (!first) out += ',';
        first = false;
        put(out, x);
    }
    out += ']';
}

// json returns the JSON of a return value.
template <class T>
std::string json(const T& v) {
    std::string out;
    put(out, v);
    return out;
}

// Clock times one call: the glue starts it right before the user's
// function and stops it right after.
class Clock {
public:
    void start() { start_ = std::chrono::steady_clock::now(); }
    void stop() { stop_ = std::chrono::steady_clock::now(); }
    long long micros() const {
        return std::chrono::duration_cast<std::chrono::microseconds>(stop_ - start_).count();
    }

private:
    std::chrono::steady_clock::time_point start_, stop_;
};

// current_exception_type names the type of the exception being handled.
inline std::string current_exception_type() {
    const std::type_info* t = abi::__cxa_current_exception_type();
    if (t == nullptr) return "unknown";
    int status = 0;
    char* name = abi::__cxa_demangle(t->name(), nullptr, nullptr, &status);
    std::string out = status == 0 && name != nullptr ? name : t->name();
    std::free(name);
    return out;
}

// Harness owns the process's file descriptors: the original standard
// output, where only records go, and the file the user's standard output is
// captured in during a test.
class Harness {
public:
    // The harness is constructed before the user's code is, as it comes
    // first in the file: it reads the whole input (so user code cannot
    // consume it), moves standard output aside and says it started.
    Harness() : in_(read_stdin()) {
        marker_ = "@@judge:" + std::string(in_.word()) + " ";
        tests_ = in_.length();
        limit_ = static_cast<size_t>(in_.length());
        records_ = dup(1);
        char path[] = "judge-stdout-XXXXXX";
        capture_ = mkstemp(path);
        if (records_ < 0 || capture_ < 0) fatal("cannot set up the standard output capture");
        unlink(path);
        int null = open("/dev/null", O_RDONLY);
        if (null >= 0) {
            dup2(null, 0);
            close(null);
        }
        std::fflush(stdout);
        dup2(capture_, 1);
        self_ = this;
        raise_stack_limit();
        catch_crashes();
        emit("{\"k\":\"start\"}");
    }

    Harness(const Harness&) = delete;
    Harness& operator=(const Harness&) = delete;

    // run calls call once per test and reports each outcome. call reads
    // the test's arguments from the Input, calls the user's function
    // between the Clock's start and stop, and returns the result's JSON.
    template <class Call>
    int run(Call call) {
        emit("{\"k\":\"ready\"}");
        for (int i = 0; i < tests_; i++) {
            std::string value, err;
            Clock clock;
            try {
                value = call(in_, clock);
            } catch (const BadValue& e) {
                err = "cannot return the value: " + e.why;
            } catch (const std::exception& e) {
                err = "exception of type " + current_exception_type() + ": " + e.what();
            } catch (const char* s) {
                err = "exception of type const char*: " + std::string(s);
            } catch (const std::string& s) {
                err = "exception of type std::string: " + s;
            } catch (...) {
                err = "exception of type " + current_exception_type();
            }
            std::string out = take_stdout();
            std::string rec = "{\"k\":\"" + std::string(err.empty() ? "result" : "error") + "\",\"i\":" + std::to_string(i);
            if (err.empty()) {
                rec += ",\"v\":" + value + ",\"us\":" + std::to_string(clock.micros());
            } else {
                rec += ",\"err\":";
                put(rec, err);
            }
            rec += ",\"out\":";
            put(rec, out);
            rec += '}';
            emit(rec);
        }
        struct rusage ru {};
        getrusage(RUSAGE_SELF, &ru);
        emit("{\"k\":\"done\",\"rss\":" + std::to_string(ru.ru_maxrss) + "}");
        return 0;
    }

private:
    static std::string read_stdin() {
        std::string data;
        char buf[1 << 16];
        for (;;) {
            ssize_t n = ::read(0, buf, sizeof buf);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) fatal("cannot read the input");
            if (n == 0) return data;
            data.append(buf, static_cast<size_t>(n));
        }
    }

    static void write_all(int fd, const char* p, size_t n) {
        while (n > 0) {
            ssize_t w = ::write(fd, p, n);
            if (w < 0 && errno == EINTR) continue;
            if (w <= 0) std::_Exit(98);  // the judge stopped listening
            p += w;
            n -= static_cast<size_t>(w);
        }
    }

    void emit(const std::string& json) {
        std::string line = marker_ + json + "\n";
        write_all(records_, line.data(), line.size());
    }

    static void flush_user() {
        std::cout.flush();
        std::fflush(stdout);
    }

    // take_stdout returns and clears what the user's code printed since the
    // last call, cut to the output limit.
    std::string take_stdout() {
        flush_user();
        std::string out(limit_ + 1, '\0');
        lseek(capture_, 0, SEEK_SET);
        size_t got = 0;
        while (got < out.size()) {
            ssize_t n = ::read(capture_, &out[got], out.size() - got);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            got += static_cast<size_t>(n);
        }
        out.resize(got);
        if (ftruncate(capture_, 0) != 0) fatal("cannot clear the standard output capture");
        lseek(capture_, 0, SEEK_SET);
        if (got > limit_) {
            out.resize(limit_);
            out += "\n[output truncated]";
        }
        return out;
    }

    // raise_stack_limit lets deep recursion use the stack up to the hard
    // limit (the memory limit bounds it as a whole), as judges usually do.
    static void raise_stack_limit() {
        struct rlimit rl {};
        if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != rl.rlim_max) {
            rl.rlim_cur = rl.rlim_max;
            setrlimit(RLIMIT_STACK, &rl);
        }
    }

    // catch_crashes makes a crash keep what the test printed: the handler
    // copies it to standard error, which the judge shows with the verdict,
    // and then lets the signal kill the process as it would have.
    static void catch_crashes() {
        static char altstack[1 << 16];
        stack_t ss{};
        ss.ss_sp = altstack;
        ss.ss_size = sizeof altstack;
        sigaltstack(&ss, nullptr);  // a stack overflow needs a stack of its own
        struct sigaction sa {};
        sa.sa_handler = on_crash;
        sa.sa_flags = SA_ONSTACK | SA_RESETHAND | SA_NODEFER;
        for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) sigaction(sig, &sa, nullptr);
    }

    static void on_crash(int sig) {
        // Flushing is not async-signal-safe; at worst it faults again, and
        // the default action, restored by SA_RESETHAND, ends the process.
        std::cout.flush();
        std::fflush(stdout);
        Harness* h = self_;
        if (h != nullptr && lseek(h->capture_, 0, SEEK_SET) == 0) {
            char buf[4096];
            size_t left = h->limit_;
            bool header = false;
            while (left > 0) {
                ssize_t n = ::read(h->capture_, buf, std::min(left, sizeof buf));
                if (n <= 0) break;
                if (!header) {
                    static const char msg[] = "standard output of the test before the crash:\n";
                    header = ::write(2, msg, sizeof msg - 1) > 0;
                }
                if (::write(2, buf, static_cast<size_t>(n)) != n) break;
                left -= static_cast<size_t>(n);
            }
            if (header) ::write(2, "\n", 1);
        }
        signal(sig, SIG_DFL);
        raise(sig);
    }

    static inline Harness* self_ = nullptr;
    Input in_;
    std::string marker_;
    int tests_ = 0;
    size_t limit_ = 0;
    int records_ = -1;
    int capture_ = -1;
};

// instance is constructed before any of the user's globals, which come later
// in the file.
Harness instance;

}  // namespace judge_harness

// The user's solution and the generated main() follow.
