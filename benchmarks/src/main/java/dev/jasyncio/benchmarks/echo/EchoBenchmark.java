package dev.jasyncio.benchmarks.echo;

import javax.net.ssl.SSLContext;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Echo throughput, latency and the server's CPU per round trip, side by side: for each mode (plain TCP, TLS) and
 * number of connections, each server runs in a process of its own ({@link EchoServerMain}) while this process
 * drives the load ({@link EchoLoad}, or {@link TlsEchoLoad} for TLS), then is stopped; rounds repeat this, the
 * servers taking turns, and the table shows the median round (and the range of throughputs), so one burst of load
 * from elsewhere on the machine does not decide a row. The server's CPU time (user + system, all its threads) is
 * read from outside at both ends of the measured window, divided by the round trips counted in it.
 * Prints one Markdown table.
 *
 * <pre>
 *   EchoBenchmark [--java PATH] [--conns 100,1000]
 *                 [--impls jasyncio:1,jasyncio:2,jasyncio-reuseport:2,netty:1,netty:2,vthreads:1]
 *                 [--modes plain,tls] [--warmup 3] [--seconds 10] [--size 128] [--rounds 3]
 * </pre>
 * An implementation is {@code name:threads}: jasyncio loops (a {@code LoopGroup} above one; {@code jasyncio} hands
 * connections over from the first loop, {@code jasyncio-reuseport} has a listener per loop), Netty event-loop
 * threads; virtual threads run plain TCP only, on one carrier.
 */
public final class EchoBenchmark {

    private EchoBenchmark() {
    }

    /** One server to run: its name and its number of loops or threads. */
    private record Impl(String name, int threads) {

        static Impl parse(String spec) {
            String[] p = spec.trim().split(":");
            return new Impl(p[0], p.length > 1 ? Integer.parseInt(p[1]) : 1);
        }

        String label() {
            String loops = threads == 1 ? "one" : String.valueOf(threads);
            switch (name) {
                case "jasyncio": return "jasyncio, " + loops + (threads == 1 ? " loop" : " loops (LoopGroup, acceptor)");
                case "jasyncio-reuseport": return "jasyncio, " + loops + " loop" + (threads == 1 ? "" : "s")
                        + " (LoopGroup, SO_REUSEPORT)";
                case "netty": return "Netty 4.2 NIO, " + loops + " event loop" + (threads == 1 ? "" : "s");
                case "vthreads": return "virtual threads, blocking sockets, one carrier";
                default: return name + ":" + threads;
            }
        }
    }

    /** A run's figures and the server's CPU time in its measured window. */
    private record Measured(EchoLoad.Result load, long serverCpuNanos) {

        double cpuMicrosPerRoundTrip() {
            return load.messages() == 0 ? Double.NaN : serverCpuNanos / 1e3 / load.messages();
        }
    }

    public static void main(String[] args) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String conns = "100,1000";
        String impls = "jasyncio:1,jasyncio:2,jasyncio-reuseport:2,netty:1,netty:2";
        String modes = "plain,tls";
        double warmup = 3;
        double seconds = 10;
        int size = 128;
        int rounds = 3;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--java": java = args[i + 1]; break;
                case "--conns": conns = args[i + 1]; break;
                case "--impls": impls = args[i + 1]; break;
                case "--modes": modes = args[i + 1]; break;
                case "--warmup": warmup = Double.parseDouble(args[i + 1]); break;
                case "--seconds": seconds = Double.parseDouble(args[i + 1]); break;
                case "--size": size = Integer.parseInt(args[i + 1]); break;
                case "--rounds": rounds = Integer.parseInt(args[i + 1]); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path keyStore = EchoTls.makeKeyStore();
        try {
            SSLContext clientTls = EchoTls.client(keyStore);
            List<String> rows = new ArrayList<>();
            for (String mode : modes.split(",")) {
                boolean tls = mode.trim().equals("tls");
                for (String c : conns.split(",")) {
                    int n = Integer.parseInt(c.trim());
                    List<Impl> servers = new ArrayList<>();
                    for (String spec : impls.split(",")) {
                        Impl impl = Impl.parse(spec);
                        if (!(tls && impl.name().equals("vthreads"))) {
                            servers.add(impl);
                        }
                    }
                    List<List<Measured>> runs = new ArrayList<>();
                    servers.forEach(s -> runs.add(new ArrayList<>()));
                    // Rounds interleave the servers, so a burst of load from elsewhere does not fall on one only.
                    for (int round = 0; round < rounds; round++) {
                        for (int i = 0; i < servers.size(); i++) {
                            Measured m = runOne(java, servers.get(i), n, size, warmup, seconds,
                                    tls ? keyStore : null, clientTls);
                            System.err.printf(Locale.ROOT, "%s %,d %s round %d: %,.0f/s p50 %,d us p99 %,d us,"
                                    + " server CPU %.1f us per round trip%n", mode.trim(), n, servers.get(i).label(),
                                    round + 1, m.load().messagesPerSecond(), m.load().p50Micros(),
                                    m.load().p99Micros(), m.cpuMicrosPerRoundTrip());
                            runs.get(i).add(m);
                        }
                    }
                    for (int i = 0; i < servers.size(); i++) {
                        List<Measured> ms = new ArrayList<>(runs.get(i));
                        ms.sort(Comparator.comparingDouble(m -> m.load().messagesPerSecond()));
                        Measured median = ms.get(ms.size() / 2);
                        rows.add(String.format(Locale.ROOT, "| %s | %,d | %s | %,.0f | %,.0f – %,.0f | %,d | %,d | %.1f |",
                                mode.trim(), n, servers.get(i).label(), median.load().messagesPerSecond(),
                                ms.get(0).load().messagesPerSecond(),
                                ms.get(ms.size() - 1).load().messagesPerSecond(), median.load().p50Micros(),
                                median.load().p99Micros(), median.cpuMicrosPerRoundTrip()));
                    }
                }
            }
            System.out.println("| mode | connections | server | round trips/s (median of " + rounds + ") | range"
                    + " | p50 µs | p99 µs | server CPU µs per round trip |");
            System.out.println("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
            rows.forEach(System.out::println);
        } finally {
            Files.deleteIfExists(keyStore);
        }
    }

    private static Measured runOne(String java, Impl impl, int n, int size, double warmup, double seconds,
                                   Path tlsKeyStore, SSLContext clientTls) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java, "-Xms1g", "-Xmx1g"));
        if (impl.name().equals("vthreads")) {
            cmd.add("-Djdk.virtualThreadScheduler.parallelism=1");
            cmd.add("-Djdk.virtualThreadScheduler.maxPoolSize=1");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), EchoServerMain.class.getName(), impl.name(),
                "--threads", String.valueOf(impl.threads())));
        if (tlsKeyStore != null) {
            cmd.addAll(List.of("--tls", tlsKeyStore.toString()));
        }
        Process server = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("READY ")) {
                throw new IOException(impl.label() + " server did not start: " + line);
            }
            int port = Integer.parseInt(line.substring("READY ".length()).trim());
            long[] cpu = new long[2];
            MeasuringWindow window = new MeasuringWindow() {
                @Override
                public void opened() {
                    cpu[0] = cpuNanos(server);
                }

                @Override
                public void closed() {
                    cpu[1] = cpuNanos(server);
                }
            };
            EchoLoad.Result r = tlsKeyStore == null ? EchoLoad.run(port, n, size, warmup, seconds, window)
                    : TlsEchoLoad.run(port, n, size, warmup, seconds, clientTls, window);
            return new Measured(r, cpu[1] - cpu[0]);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /** The process's CPU time so far (user and system, every thread), as the operating system reports it. */
    private static long cpuNanos(Process p) {
        return p.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
