package dev.jasyncio.benchmarks.echo;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Echo throughput and latency, side by side: for each number of connections, each server runs in a process of
 * its own ({@link EchoServerMain}) while this process drives the load ({@link EchoLoad}), then is stopped; rounds
 * repeat this, the servers taking turns, and the table shows the median round (and the range of throughputs), so
 * one burst of load from elsewhere on the machine does not decide a row. Prints one Markdown table.
 *
 * <pre>
 *   EchoBenchmark [--java PATH] [--conns 100,1000,10000] [--impls jasyncio,netty,vthreads]
 *                 [--warmup 3] [--seconds 10] [--size 128] [--rounds 3]
 * </pre>
 */
public final class EchoBenchmark {

    private EchoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String conns = "100,1000,10000";
        String impls = "jasyncio,netty,vthreads";
        double warmup = 3;
        double seconds = 10;
        int size = 128;
        int rounds = 3;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--java": java = args[i + 1]; break;
                case "--conns": conns = args[i + 1]; break;
                case "--impls": impls = args[i + 1]; break;
                case "--warmup": warmup = Double.parseDouble(args[i + 1]); break;
                case "--seconds": seconds = Double.parseDouble(args[i + 1]); break;
                case "--size": size = Integer.parseInt(args[i + 1]); break;
                case "--rounds": rounds = Integer.parseInt(args[i + 1]); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<String> rows = new ArrayList<>();
        for (String c : conns.split(",")) {
            int n = Integer.parseInt(c.trim());
            String[] servers = impls.split(",");
            List<List<EchoLoad.Result>> runs = new ArrayList<>();
            for (int i = 0; i < servers.length; i++) {
                runs.add(new ArrayList<>());
            }
            // Rounds interleave the servers, so a burst of load from elsewhere does not fall on one of them only.
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < servers.length; i++) {
                    EchoLoad.Result r = runOne(java, servers[i].trim(), n, size, warmup, seconds);
                    System.err.printf(Locale.ROOT, "%,d %s round %d: %,.0f/s p50 %,d us p99 %,d us%n", n,
                            servers[i].trim(), round + 1, r.messagesPerSecond(), r.p50Micros(), r.p99Micros());
                    runs.get(i).add(r);
                }
            }
            for (int i = 0; i < servers.length; i++) {
                List<EchoLoad.Result> rs = new ArrayList<>(runs.get(i));
                rs.sort(Comparator.comparingDouble(EchoLoad.Result::messagesPerSecond));
                EchoLoad.Result median = rs.get(rs.size() / 2);
                rows.add(String.format(Locale.ROOT, "| %,d | %s | %,.0f | %,.0f – %,.0f | %.1f | %,d | %,d |", n,
                        label(servers[i].trim()), median.messagesPerSecond(), rs.get(0).messagesPerSecond(),
                        rs.get(rs.size() - 1).messagesPerSecond(), median.messagesPerSecond() * size * 2 / 1e6,
                        median.p50Micros(), median.p99Micros()));
            }
        }
        System.out.println("| connections | server | round trips/s (median of " + rounds + ") | range | MB/s (both ways)"
                + " | p50 µs | p99 µs |");
        System.out.println("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(System.out::println);
    }

    private static String label(String impl) {
        switch (impl) {
            case "jasyncio": return "jasyncio, one loop";
            case "netty": return "Netty 4.2 NIO, one event loop";
            case "vthreads": return "virtual threads, blocking sockets, one carrier";
            default: return impl;
        }
    }

    private static EchoLoad.Result runOne(String java, String impl, int n, int size, double warmup, double seconds)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java, "-Xms1g", "-Xmx1g"));
        if (impl.equals("vthreads")) {
            cmd.add("-Djdk.virtualThreadScheduler.parallelism=1");
            cmd.add("-Djdk.virtualThreadScheduler.maxPoolSize=1");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), EchoServerMain.class.getName(), impl));
        Process server = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("READY ")) {
                throw new IOException(impl + " server did not start: " + line);
            }
            int port = Integer.parseInt(line.substring("READY ".length()).trim());
            return EchoLoad.run(port, n, size, warmup, seconds);
        } finally {
            server.destroy();
            server.waitFor();
        }
    }
}
