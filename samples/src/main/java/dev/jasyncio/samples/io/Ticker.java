package dev.jasyncio.samples.io;

/** The child process of {@link SubprocessLines}: prints {@code tick 1..n}, one line every {@code ms} milliseconds. */
public final class Ticker {

    private Ticker() {
    }

    public static void main(String[] args) throws InterruptedException {
        int n = Integer.parseInt(args[0]);
        long ms = Long.parseLong(args[1]);
        for (int i = 1; i <= n; i++) {
            Thread.sleep(ms);
            System.out.println("tick " + i);
            System.out.flush();
        }
    }
}
