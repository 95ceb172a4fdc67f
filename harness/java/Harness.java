// judge harness for Java: the fixed part.
//
// The generated part (see harness/java.go) follows this file in Main.java: a
// class Main implementing JudgeHarness.Glue, which reads one test's
// arguments, calls Solution's method and writes the return value, plus the
// array readers and writers the signature needs. The protocol is in
// harness/README.md: tokens on stdin, one record per line on the original
// stdout, the user's System.out captured per test.
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;

/** Definition for singly-linked list, as LeetCode has it. */
class ListNode {
    int val;
    ListNode next;
    ListNode() {}
    ListNode(int val) { this.val = val; }
    ListNode(int val, ListNode next) { this.val = val; this.next = next; }
}

/** Definition for a binary tree node, as LeetCode has it. */
class TreeNode {
    int val;
    TreeNode left;
    TreeNode right;
    TreeNode() {}
    TreeNode(int val) { this.val = val; }
    TreeNode(int val, TreeNode left, TreeNode right) {
        this.val = val;
        this.left = left;
        this.right = right;
    }
}

/** JudgeHarness runs every test of a submission and reports each result. */
final class JudgeHarness {
    /**
     * The tests run on a thread with this stack, so that deep recursion
     * works: a million frames and more, as on Codeforces (-Xss64m). Not
     * more: the stack an infinite recursion fills counts against the
     * memory limit, and unwinding it against the time limit (64 MiB: 0.3 s).
     */
    static final long STACK_BYTES = 64L << 20;
    /** Returned lists and trees longer than this are taken for cycles. */
    static final int MAX_NODES = 1 << 20;
    /** Error traces show at most this many frames per exception. */
    static final int MAX_FRAMES = 40;

    private JudgeHarness() {}

    /** Glue is the generated code for one signature. */
    interface Glue {
        /** read reads one test's arguments. */
        void read(Tokens in);

        /** call calls the user's method on the arguments read last. */
        Object call() throws Exception;

        /** write writes a value call returned as JSON. */
        void write(Json out, Object result);
    }

    /** main runs the tests: it never returns. */
    static void main(Glue glue) {
        PrintStream records = new PrintStream(
            new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        int status = 0;
        try {
            status = run(glue, records);
        } catch (Throwable e) {
            // The harness itself failed: no done record, so the daemon
            // knows the run is broken.
            System.err.println("judge harness: " + e);
            e.printStackTrace();
            status = 3;
        }
        records.flush();
        System.err.flush();
        // halt, not exit: shutdown hooks and threads the solution left
        // behind must not run after the last record.
        Runtime.getRuntime().halt(status);
    }

    private static int run(Glue glue, PrintStream records) throws Exception {
        Tokens in = new Tokens(System.in.readAllBytes());
        // The solution finds an empty stdin: the tests are not its to read.
        System.setIn(new ByteArrayInputStream(new byte[0]));
        String marker = "@@judge:" + in.word() + " ";
        int n = in.nextInt();
        int limit = in.nextInt();
        Capture capture = new Capture(limit);
        PrintStream out = new PrintStream(capture, false, StandardCharsets.UTF_8);
        System.setOut(out);
        Emitter emit = new Emitter(records, marker);
        emit.record("{\"k\":\"start\"}");

        Throwable[] failed = new Throwable[1];
        // An anonymous class, not a lambda: the first lambda costs the JVM
        // tens of milliseconds of start-up.
        Runnable tests = new Runnable() {
            @Override
            public void run() {
                try {
                    emit.record("{\"k\":\"ready\"}");
                    for (int i = 0; i < n; i++) {
                        runTest(glue, in, i, emit, out, capture);
                    }
                } catch (Throwable e) {
                    failed[0] = e;
                }
            }
        };
        Thread t = new Thread(null, tests, "judge", STACK_BYTES);
        t.start();
        t.join();
        if (failed[0] != null) {
            throw new IllegalStateException("test loop failed", failed[0]);
        }
        emit.record("{\"k\":\"done\",\"rss\":" + peakRSS() + "}");
        return 0;
    }

    private static void runTest(Glue glue, Tokens in, int i, Emitter emit, PrintStream out, Capture capture) {
        glue.read(in);
        Object result;
        long elapsed;
        try {
            long start = System.nanoTime();
            result = glue.call();
            elapsed = System.nanoTime() - start;
        } catch (Throwable e) {
            String trace = userTrace(e);
            emit.record("{\"k\":\"error\",\"i\":" + i + ",\"err\":" + Json.quote(trace)
                + ",\"out\":" + Json.quote(take(out, capture)) + "}");
            return;
        }
        Json v = new Json();
        try {
            glue.write(v, result);
        } catch (Throwable e) {
            // An unserializable value (a cycle, NaN) is the solution's error.
            emit.record("{\"k\":\"error\",\"i\":" + i + ",\"err\":" + Json.quote("cannot return the value: " + e.getMessage())
                + ",\"out\":" + Json.quote(take(out, capture)) + "}");
            return;
        }
        emit.record("{\"k\":\"result\",\"i\":" + i + ",\"us\":" + elapsed / 1000
            + ",\"out\":" + Json.quote(take(out, capture)) + ",\"v\":" + v + "}");
    }

    /** take returns and clears what the solution printed since the last call. */
    private static String take(PrintStream out, Capture capture) {
        out.flush();
        return capture.take();
    }

    /**
     * userTrace formats e like printStackTrace, keeping only the frames from
     * where it was thrown down to the solution's outermost frame.
     */
    static String userTrace(Throwable e) {
        StringBuilder b = new StringBuilder();
        String prefix = "";
        for (int depth = 0; e != null && depth < 5; depth++, e = e.getCause()) {
            b.append(prefix).append(e).append('\n');
            StackTraceElement[] frames = e.getStackTrace();
            int n = 0;
            while (n < frames.length && !isHarness(frames[n])) {
                n++;
            }
            for (int j = 0; j < Math.min(n, MAX_FRAMES); j++) {
                b.append("\tat ").append(frames[j]).append('\n');
            }
            if (n > MAX_FRAMES) {
                b.append("\t... ").append(n - MAX_FRAMES).append(" more\n");
            }
            prefix = "Caused by: ";
            if (e.getCause() == e) {
                break;
            }
        }
        return b.toString();
    }

    private static boolean isHarness(StackTraceElement f) {
        String c = f.getClassName();
        return c.equals("Main") || c.startsWith("Main$") || c.startsWith("JudgeHarness");
    }

    /** peakRSS returns the process's peak resident set size in KiB, 0 if unknown. */
    private static long peakRSS() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc: the daemon shows no memory figure.
        }
        return 0;
    }

    /** Emitter writes records, each on its own line behind the run's marker. */
    static final class Emitter {
        private final PrintStream out;
        private final String marker;

        Emitter(PrintStream out, String marker) {
            this.out = out;
            this.marker = marker;
        }

        synchronized void record(String json) {
            out.print(marker);
            out.print(json);
            out.print('\n');
            out.flush();
        }
    }

    /** Capture keeps the first limit bytes written to it and notes any more. */
    static final class Capture extends OutputStream {
        private final byte[] buf;
        private int n;
        private boolean truncated;

        Capture(int limit) {
            buf = new byte[Math.max(limit, 0)];
        }

        @Override
        public synchronized void write(int b) {
            if (n < buf.length) {
                buf[n++] = (byte) b;
            } else {
                truncated = true;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int keep = Math.min(len, buf.length - n);
            System.arraycopy(b, off, buf, n, keep);
            n += keep;
            if (keep < len) {
                truncated = true;
            }
        }

        synchronized String take() {
            String s = new String(buf, 0, n, StandardCharsets.UTF_8);
            if (truncated) {
                s += "\n[output truncated]";
            }
            n = 0;
            truncated = false;
            return s;
        }
    }

    /** Tokens reads the whitespace-separated input tokens (see harness.EncodeTokens). */
    static final class Tokens {
        private final byte[] b;
        private int pos;

        Tokens(byte[] b) {
            this.b = b;
        }

        /** word returns the next token. */
        String word() {
            while (pos < b.length && b[pos] <= ' ') {
                pos++;
            }
            int start = pos;
            while (pos < b.length && b[pos] > ' ') {
                pos++;
            }
            if (start == pos) {
                throw new IllegalStateException("input ends early");
            }
            return new String(b, start, pos - start, StandardCharsets.US_ASCII);
        }

        long nextLong() {
            return Long.parseLong(word());
        }

        int nextInt() {
            return Math.toIntExact(nextLong());
        }

        double nextDouble() {
            return Double.parseDouble(word());
        }

        boolean nextBool() {
            return word().equals("1");
        }

        /** nextString reads a byte length and, unless it is 0, the UTF-8 bytes in hex. */
        String nextString() {
            int n = nextInt();
            if (n == 0) {
                return "";
            }
            String hex = word();
            if (hex.length() != 2 * n) {
                throw new IllegalStateException("string of " + n + " bytes has " + hex.length() + " hex digits");
            }
            byte[] raw = new byte[n];
            for (int i = 0; i < n; i++) {
                raw[i] = (byte) ((Character.digit(hex.charAt(2 * i), 16) << 4) | Character.digit(hex.charAt(2 * i + 1), 16));
            }
            return new String(raw, StandardCharsets.UTF_8);
        }

        /** length reads the length of an array, list or tree. */
        int length() {
            return nextInt();
        }

        ListNode nextList() {
            int n = length();
            ListNode dummy = new ListNode();
            ListNode tail = dummy;
            for (int i = 0; i < n; i++) {
                tail.next = new ListNode(nextInt());
                tail = tail.next;
            }
            return dummy.next;
        }

        /** nextTree reads a level-order tree, as LeetCode writes it. */
        TreeNode nextTree() {
            int n = length();
            if (n == 0) {
                return null;
            }
            Integer[] v = new Integer[n];
            for (int i = 0; i < n; i++) {
                String w = word();
                v[i] = w.equals("null") ? null : Integer.valueOf(w);
            }
            TreeNode root = new TreeNode(v[0]);
            ArrayDeque<TreeNode> queue = new ArrayDeque<>();
            queue.add(root);
            int i = 1;
            while (!queue.isEmpty() && i < n) {
                TreeNode node = queue.poll();
                if (v[i] != null) {
                    node.left = new TreeNode(v[i]);
                    queue.add(node.left);
                }
                i++;
                if (i < n && v[i] != null) {
                    node.right = new TreeNode(v[i]);
                    queue.add(node.right);
                }
                i++;
            }
            return root;
        }
    }

    /**
     * Json builds one JSON value. Strings are escaped to ASCII, so that any
     * Java string, even one with a lone surrogate, makes valid JSON.
     */
    static final class Json {
        private final StringBuilder b = new StringBuilder();

        /** open starts an array. */
        void open() {
            b.append('[');
        }

        /** close ends an array. */
        void close() {
            b.append(']');
        }

        /** next separates the array element at index i from the one before. */
        void next(int i) {
            if (i > 0) {
                b.append(',');
            }
        }

        void nul() {
            b.append("null");
        }

        void value(int v) {
            b.append(v);
        }

        void value(long v) {
            b.append(v);
        }

        void value(double v) {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException(v + " is not a finite double");
            }
            // Double.toString gives a decimal that parses back to v.
            b.append(v);
        }

        void value(boolean v) {
            b.append(v);
        }

        void value(String v) {
            if (v == null) {
                nul();
            } else {
                quote(b, v);
            }
        }

        /** value writes a list as the array of its values; null is the empty list. */
        void value(ListNode head) {
            open();
            int n = 0;
            for (ListNode p = head; p != null; p = p.next, n++) {
                if (n == MAX_NODES) {
                    throw new IllegalArgumentException("the list has a cycle or more than " + MAX_NODES + " nodes");
                }
                next(n);
                value(p.val);
            }
            close();
        }

        /**
         * value writes a tree level by level, as LeetCode does: null for a
         * missing child, no trailing nulls, null the empty tree.
         */
        void value(TreeNode root) {
            ArrayList<TreeNode> queue = new ArrayList<>();
            queue.add(root);
            open();
            int keep = b.length(); // the JSON up to the last node, without trailing nulls
            int nodes = 0;
            for (int i = 0; i < queue.size(); i++) {
                TreeNode node = queue.get(i);
                next(i);
                if (node == null) {
                    nul();
                    continue;
                }
                if (++nodes > MAX_NODES) {
                    throw new IllegalArgumentException("the tree has a cycle or more than " + MAX_NODES + " nodes");
                }
                value(node.val);
                keep = b.length();
                queue.add(node.left);
                queue.add(node.right);
            }
            b.setLength(keep);
            close();
        }

        /** toString returns the JSON written so far. */
        @Override
        public String toString() {
            return b.toString();
        }

        static String quote(String s) {
            StringBuilder b = new StringBuilder(s.length() + 2);
            quote(b, s);
            return b.toString();
        }

        static void quote(StringBuilder b, String s) {
            b.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"': b.append("\\\""); break;
                    case '\\': b.append("\\\\"); break;
                    case '\n': b.append("\\n"); break;
                    case '\r': b.append("\\r"); break;
                    case '\t': b.append("\\t"); break;
                    default:
                        if (c < 0x20 || c > 0x7e) {
                            b.append("\\u");
                            String h = Integer.toHexString(c);
                            for (int k = h.length(); k < 4; k++) {
                                b.append('0');
                            }
                            b.append(h);
                        } else {
                            b.append(c);
                        }
                }
            }
            b.append('"');
        }
    }
}
