package dev.jasyncio.benchmarks.echo;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;

/**
 * One echo server in its own process: {@code EchoServerMain jasyncio|jasyncio-reuseport|netty|vthreads [port]
 * [--threads N] [--tls KEYSTORE]}: {@code --threads} loops (jasyncio, a {@code LoopGroup} above one, its first loop
 * accepting and handing connections over, or with {@code jasyncio-reuseport} a listener per loop) or event-loop
 * threads (Netty),
 * {@code --tls} serves TLS with the key in that PKCS12 file ({@link EchoTls}). Prints {@code READY <port>} once
 * listening on 127.0.0.1 and serves until the process is ended.
 */
public final class EchoServerMain {

    /** Listen backlog: room for thousands of connects at once (the kernel caps it at somaxconn). */
    static final int BACKLOG = 4096;

    private EchoServerMain() {
    }

    public static void main(String[] args) throws Exception {
        String impl = args[0];
        int port = 0;
        int threads = 1;
        SSLContext ssl = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--threads": threads = Integer.parseInt(args[++i]); break;
                case "--tls": ssl = EchoTls.server(Path.of(args[++i])); break;
                default: port = Integer.parseInt(args[i]);
            }
        }
        java.util.function.IntConsumer ready = p -> {
            System.out.println("READY " + p);
            System.out.flush();
        };
        switch (impl) {
            case "jasyncio":
                JasyncioEchoServer.run(port, ready, threads, ssl, dev.jasyncio.LoopGroup.Listening.ACCEPTOR);
                break;
            case "jasyncio-reuseport":
                JasyncioEchoServer.run(port, ready, threads, ssl, dev.jasyncio.LoopGroup.Listening.REUSE_PORT);
                break;
            case "netty":
                NettyEchoServer.run(port, ready, threads, ssl);
                break;
            case "vthreads":
                if (ssl != null || threads != 1) {
                    throw new IllegalArgumentException("the virtual-thread server is plain TCP on one carrier");
                }
                VirtualThreadEchoServer.run(port, ready);
                break;
            default:
                throw new IllegalArgumentException("unknown server " + impl + ": jasyncio, netty or vthreads");
        }
    }
}
