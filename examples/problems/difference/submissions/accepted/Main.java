import java.io.*;
import java.util.*;

public class Main {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
        StringBuilder out = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            StringTokenizer st = new StringTokenizer(line);
            if (st.countTokens() < 2) continue;
            long a = Long.parseLong(st.nextToken()), b = Long.parseLong(st.nextToken());
            out.append(Math.abs(a - b)).append('\n');
        }
        System.out.print(out);
    }
}
