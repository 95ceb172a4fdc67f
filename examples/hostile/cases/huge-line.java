// Writes a single 100 MB line without a newline straight to the real fd 1, past System.out, then answers right.
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

class Solution {
    public long probe(long x) {
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, (byte) 'x');
        try (FileOutputStream out = new FileOutputStream(FileDescriptor.out)) {
            for (int i = 0; i < 100; i++) out.write(chunk);
        } catch (IOException e) {
        }
        return 3 * x + 1;
    }
}
