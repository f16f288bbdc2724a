package dev.jasyncio.benchmarks.echo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ThreadFactory;
import java.util.function.IntConsumer;

/**
 * The echo server as a JDK 21+ user writes it without an event loop: blocking sockets, one virtual thread per
 * connection. Run with one carrier thread ({@code -Djdk.virtualThreadScheduler.parallelism=1}) for the same CPU
 * budget as the single-loop servers. The module targets Java 17, so the thread factory is looked up reflectively.
 */
final class VirtualThreadEchoServer {

    private VirtualThreadEchoServer() {
    }

    static void run(int port, IntConsumer ready) throws IOException {
        ThreadFactory virtual = virtualThreads();
        try (ServerSocket listener = new ServerSocket(port, EchoServerMain.BACKLOG, InetAddress.getByName("127.0.0.1"))) {
            ready.accept(listener.getLocalPort());
            while (true) {
                Socket s = listener.accept();
                s.setTcpNoDelay(true);
                virtual.newThread(() -> echo(s)).start();
            }
        }
    }

    private static void echo(Socket s) {
        byte[] buf = new byte[65536];
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static ThreadFactory virtualThreads() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new UnsupportedOperationException("virtual threads need JDK 21 or later, this is "
                    + Runtime.version(), e);
        }
    }
}
