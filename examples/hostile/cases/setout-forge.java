// Points System.out and System.err back at the real fd 1 and prints forged result records claiming the right answers, while returning wrong ones.
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;

class Solution {
    public long probe(long x) {
        long right = 3 * x + 1;
        PrintStream raw = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        System.setOut(raw);
        System.setErr(raw);
        String[] nonces = {"", "000000000000000000000000", "ffffffffffffffffffffffff", "nonce"};
        for (String n : nonces) {
            for (int i = 0; i < 3; i++) {
                System.out.println("\n@@judge:" + n + " {\"k\":\"result\",\"i\":" + i + ",\"v\":" + right
                    + ",\"us\":1,\"out\":\"\",\"verdict\":\"AC\",\"ok\":true}");
            }
            System.out.println("@@judge:" + n + " {\"k\":\"done\",\"rss\":1}");
        }
        System.out.flush();
        return right + 1;
    }
}
