package dev.jasyncio.benchmarks.harness;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.jasyncio.benchmarks.harness.Impl.COMPLETABLE_FUTURE;
import static dev.jasyncio.benchmarks.harness.Impl.EA_ASYNC;
import static dev.jasyncio.benchmarks.harness.Impl.JASYNCIO;
import static dev.jasyncio.benchmarks.harness.Impl.KOTLIN;
import static dev.jasyncio.benchmarks.harness.Impl.PLAIN;
import static dev.jasyncio.benchmarks.harness.Impl.VIRTUAL_THREADS;

/**
 * The side-by-side harness: runs every workload of every implementation in separate JVM processes, takes the
 * median of the warm repetitions in each process and the median over processes, then prints one markdown
 * table and writes {@code results.csv}, {@code results.json}, {@code table.md} and an SVG chart.
 *
 * <p>Processes are interleaved (round after round, every implementation in turn), so a change in the machine's
 * load touches all implementations alike. Options: {@code --processes N} (default 3), {@code --full} (5
 * processes, twice the repetitions), {@code --only w1,w4}, {@code --impls jasyncio,kotlin}, {@code --jdk17 DIR},
 * {@code --jdk25 DIR}, {@code --results DIR}, {@code --chart FILE} or {@code --no-chart}, {@code --budget SECONDS}
 * (time after which a process stops repeating, default 30), {@code --timeout SECONDS} (a process is killed),
 * {@code --render} (no measuring: draw the table and chart again from the results directory's results.json).
 */
public final class Harness {

    private static final List<Impl> ASYNC = List.of(JASYNCIO, KOTLIN, VIRTUAL_THREADS, EA_ASYNC, COMPLETABLE_FUTURE);

    private Harness() {
    }

    private static final List<String> MAX_8G = List.of("-Xmx8g");

    /** The workloads in run order, with their default repetitions. */
    static List<Job> jobs() {
        return List.of(
                new Job("w1", ASYNC, 3, 1, 0, MAX_8G, List.of(Metric.W1)),
                new Job("w2", ASYNC, 1, 0, 0, MAX_8G, List.of(Metric.W2)),
                new Job("w3a", ASYNC, 20, 10, 0, MAX_8G, List.of(Metric.W3A)),
                new Job("w3a_pair", List.of(JASYNCIO, KOTLIN, VIRTUAL_THREADS), 20, 10, 0, MAX_8G,
                        List.of(Metric.W3A_PAIR)),
                new Job("w3b", List.of(JASYNCIO, KOTLIN, EA_ASYNC, COMPLETABLE_FUTURE), 8, 4, 0, MAX_8G,
                        List.of(Metric.W3B)),
                new Job("w4", ASYNC, 6, 3, 0, MAX_8G, List.of(Metric.W4)),
                new Job("w5", List.of(JASYNCIO, KOTLIN, VIRTUAL_THREADS, EA_ASYNC, COMPLETABLE_FUTURE, PLAIN),
                        30, 15, 0, MAX_8G, List.of(Metric.W5)),
                new Job("timers", List.of(JASYNCIO, KOTLIN, COMPLETABLE_FUTURE), 4, 2, 0, MAX_8G,
                        List.of(Metric.TIMERS, Metric.TIMERS_RETAINED)),
                new Job("w2_10m", List.of(JASYNCIO), 1, 0, 1, List.of("-Xmx2g"), List.of(Metric.W2_10M)),
                // A young generation that holds a whole repetition: W1 spends about half its time in young
                // collections, which already use every core for one loop, so a second loop could not show what the
                // runtime itself scales. The System.gc() between repetitions still takes the garbage.
                new Job("scale", List.of(JASYNCIO), 6, 3, 0, List.of("-Xmx8g", "-Xmn6g"),
                        List.of(Metric.W1_X2, Metric.W4_X2, Metric.CPU_X2, Metric.ALLOC_X2)));
    }

    /** Why a combination has no figure. */
    static String missing(Metric m, Impl impl) {
        if (impl == PLAIN) {
            return m == Metric.W5 ? null : "";
        }
        switch (m) {
            case W3B:
                return impl == VIRTUAL_THREADS ? "n/a (a plain call: no async call to await)" : null;
            case TIMERS:
            case TIMERS_RETAINED:
                if (impl == VIRTUAL_THREADS) {
                    return "n/a (no timer API)";
                }
                return impl == EA_ASYNC ? "n/a (EA adds await only; its timers = CompletableFuture's)" : null;
            case W3A_PAIR:
                return impl == JASYNCIO || impl == KOTLIN || impl == VIRTUAL_THREADS ? null : "–";
            case W2_10M:
            case CPU_X2:
            case ALLOC_X2:
            case W1_X2:
            case W4_X2:
                return impl == JASYNCIO ? null : "–";
            default:
                return null;
        }
    }

    /** Entry point: {@code java -cp benchmarks.jar dev.jasyncio.benchmarks.harness.Harness [options]}. */
    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        if (o.render) {
            Results stored = Stored.read(o.results.resolve("results.json"));
            write(o, stored);
            return;
        }
        Results results = new Results();
        results.machine = Machine.describe(o.jdk17, o.jdk25);
        results.started = Instant.now().toString();
        results.mode = (o.full ? "full" : "default") + ", " + o.processes + " processes per implementation";
        String classpath = System.getProperty("java.class.path");
        Path logs = o.results.resolve("logs");
        Files.createDirectories(logs);

        List<Job> jobs = new ArrayList<>();
        for (Job j : jobs()) {
            if (o.only.isEmpty() || o.only.contains(j.workload)) {
                jobs.add(j);
            }
        }
        int total = 0;
        for (Job j : jobs) {
            total += count(j, o) * processesOf(j, o);
        }
        long t0 = System.nanoTime();
        int done = 0;
        for (int round = 0; round < o.processes; round++) {
            for (Job job : jobs) {
                if (round >= processesOf(job, o)) {
                    continue;
                }
                for (Impl impl : job.impls) {
                    if (!o.impls.isEmpty() && !o.impls.contains(impl.id)) {
                        continue;
                    }
                    done++;
                    int reps = o.full ? job.reps * 2 : job.reps;
                    int warmups = o.full ? job.warmups * 2 : job.warmups;
                    double load = Machine.loadAverage();
                    List<String> cmd = command(o, job, impl, classpath, reps, warmups);
                    Path log = logs.resolve(job.workload + "-" + impl.id + "-" + round + ".log");
                    RunOutput out = runProcess(cmd, log, o.timeoutSeconds);
                    results.record(job, impl, round, warmups, out, load);
                    System.err.printf(Locale.ROOT, "[%d/%d %4.0fs load %.1f] %-7s %-8s #%d %s%n", done, total,
                            (System.nanoTime() - t0) / 1e9, load, job.workload, impl.id, round + 1,
                            out.summary(warmups));
                }
            }
        }
        results.finished = Instant.now().toString();
        results.elapsedSeconds = (System.nanoTime() - t0) / 1e9;
        results.loadAtEnd = Machine.loadAverage();
        write(o, results);
    }

    /** Prints the table and writes the result files and the chart. */
    private static void write(Options o, Results results) throws IOException {
        String table = Report.markdownTable(results);
        System.out.println();
        System.out.println(table);
        System.out.println(Report.footer(results));
        Files.createDirectories(o.results);
        Files.writeString(o.results.resolve("table.md"), table + "\n" + Report.footer(results) + "\n");
        if (!o.render) {
            Files.writeString(o.results.resolve("results.csv"), Report.csv(results));
            Files.writeString(o.results.resolve("results.json"), Report.json(results));
        }
        if (o.chart != null) {
            if (o.chart.getParent() != null) {
                Files.createDirectories(o.chart.getParent());
            }
            Files.writeString(o.chart, Chart.svg(results));
        }
        System.err.println("wrote " + o.results.resolve("results.csv") + ", results.json, table.md"
                + (o.chart != null ? ", " + o.chart : ""));
    }

    private static int processesOf(Job j, Options o) {
        return j.processes > 0 ? Math.min(j.processes, o.processes) : o.processes;
    }

    private static int count(Job j, Options o) {
        int n = 0;
        for (Impl i : j.impls) {
            if (o.impls.isEmpty() || o.impls.contains(i.id)) {
                n++;
            }
        }
        return n;
    }

    private static List<String> command(Options o, Job job, Impl impl, String classpath, int reps,
            int warmups) {
        List<String> cmd = new ArrayList<>();
        cmd.add((impl.needsNewJdk ? o.jdk25 : o.jdk17).resolve("bin").resolve("java").toString());
        cmd.addAll(job.heap);
        if (impl.needsNewJdk) {
            cmd.add("-Djdk.virtualThreadScheduler.parallelism=1");
            cmd.add("-Djdk.virtualThreadScheduler.maxPoolSize=1");
        }
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(Runner.class.getName());
        cmd.add(impl.id);
        cmd.add(job.workload);
        cmd.add(Integer.toString(reps));
        cmd.add(Integer.toString(warmups));
        cmd.add(Integer.toString(o.budgetSeconds));
        return cmd;
    }

    private static RunOutput runProcess(List<String> cmd, Path log, int timeoutSeconds) throws IOException,
            InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.to(log.toFile()));
        Process p = pb.start();
        RunOutput out = new RunOutput();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.accept(line);
                }
            } catch (IOException e) {
                out.error = "reading output: " + e.getMessage();
            }
        });
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor();
            if (out.error == null) {
                out.error = "timeout after " + timeoutSeconds + " s";
            }
        }
        reader.join();
        if (p.exitValue() != 0 && out.error == null) {
            out.error = "exit " + p.exitValue();
        }
        return out;
    }

    /** Command-line options. */
    static final class Options {
        int processes = 3;
        boolean full;
        boolean render;
        Set<String> only = new LinkedHashSet<>();
        Set<String> impls = new LinkedHashSet<>();
        Path jdk17 = Paths.get(System.getProperty("java.home"));
        Path jdk25 = Paths.get("/usr/lib/jvm/temurin-25-jdk-amd64");
        Path results = Paths.get("benchmarks", "results");
        Path chart = Paths.get("docs", "performance-chart.svg");
        int timeoutSeconds = 600;
        int budgetSeconds = 30;

        static Options parse(String[] args) {
            Options o = new Options();
            boolean processesGiven = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--render":
                        o.render = true;
                        break;
                    case "--full":
                        o.full = true;
                        break;
                    case "--processes":
                        o.processes = Integer.parseInt(args[++i]);
                        processesGiven = true;
                        break;
                    case "--only":
                        o.only.addAll(Arrays.asList(args[++i].split(",")));
                        break;
                    case "--impls":
                        o.impls.addAll(Arrays.asList(args[++i].split(",")));
                        break;
                    case "--jdk17":
                        o.jdk17 = Paths.get(args[++i]);
                        break;
                    case "--jdk25":
                        o.jdk25 = Paths.get(args[++i]);
                        break;
                    case "--results":
                        o.results = Paths.get(args[++i]);
                        break;
                    case "--chart":
                        o.chart = Paths.get(args[++i]);
                        break;
                    case "--no-chart":
                        o.chart = null;
                        break;
                    case "--budget":
                        o.budgetSeconds = Integer.parseInt(args[++i]);
                        break;
                    case "--timeout":
                        o.timeoutSeconds = Integer.parseInt(args[++i]);
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + a + " (see the class javadoc)");
                }
            }
            if (o.full && !processesGiven) {
                o.processes = 5;
            }
            if (o.full) {
                o.budgetSeconds *= 2;
            }
            if (!new File(o.jdk25.resolve("bin").resolve("java").toString()).canExecute()) {
                System.err.println("warning: no JDK 25 at " + o.jdk25 + "; virtual threads will fail (--jdk25 DIR)");
            }
            return o;
        }
    }

    /** What one measuring process printed. */
    static final class RunOutput {
        final Map<Metric, List<Double>> values = new EnumMap<>(Metric.class);
        String error;

        synchronized void accept(String line) {
            if (line.startsWith("RESULT ")) {
                String[] f = line.split(" ");
                values.computeIfAbsent(Metric.of(f[1]), k -> new ArrayList<>()).add(Double.parseDouble(f[3]));
            } else if (line.startsWith("ERROR ")) {
                error = line.substring(6);
            }
        }

        String summary(int warmups) {
            StringBuilder b = new StringBuilder();
            for (Map.Entry<Metric, List<Double>> e : values.entrySet()) {
                List<Double> v = e.getValue();
                List<Double> warm = v.size() > warmups ? v.subList(warmups, v.size()) : v;
                b.append(e.getKey().id).append('=').append(Report.number(Stats.median(warm)))
                        .append(' ').append(e.getKey().unit).append("  ");
            }
            if (error != null) {
                b.append("ERROR ").append(error);
            }
            return b.toString().trim();
        }
    }
}
