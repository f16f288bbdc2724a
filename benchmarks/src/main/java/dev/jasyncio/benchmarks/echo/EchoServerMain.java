package dev.jasyncio.benchmarks.echo;

/**
 * One echo server in its own process: {@code EchoServerMain jasyncio|netty|vthreads [port]}. Prints
 * {@code READY <port>} once listening on 127.0.0.1 and serves until the process is ended.
 */
public final class EchoServerMain {

    /** Listen backlog: room for thousands of connects at once (the kernel caps it at somaxconn). */
    static final int BACKLOG = 4096;

    private EchoServerMain() {
    }

    public static void main(String[] args) throws Exception {
        String impl = args[0];
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        java.util.function.IntConsumer ready = p -> {
            System.out.println("READY " + p);
            System.out.flush();
        };
        switch (impl) {
            case "jasyncio":
                JasyncioEchoServer.run(port, ready);
                break;
            case "netty":
                NettyEchoServer.run(port, ready);
                break;
            case "vthreads":
                VirtualThreadEchoServer.run(port, ready);
                break;
            default:
                throw new IllegalArgumentException("unknown server " + impl + ": jasyncio, netty or vthreads");
        }
    }
}
