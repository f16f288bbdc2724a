package dev.jasyncio.benchmarks.transformer;

import dev.jasyncio.benchmarks.harness.Stats;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Classes per second through the transformer, in process: generates two modules of the same size (every class
 * async, the worst case, and a typical share of async classes), compiles them once, then times passes over each in
 * fresh JVMs ({@link SpeedTrial}): the {@code Instrumenter} API on bytes in memory; the plugin's work on a classes
 * directory ({@code ClassesDirectoryInstrumenter}, then source diagnostics for flagged classes), in a default JVM as
 * the plugin runs it; and the source diagnostics on every async source.
 * Cold is the first pass of a JVM, warm the median of the second half of its passes; both are medians over the
 * JVMs. Prints a markdown table.
 *
 * <p>Options: {@code --classes N} (default 500), {@code --share S} (async share of the typical module, default
 * 0.2), {@code --seed N}, {@code --forks N} (JVMs per case, default 3), {@code --passes N} (per JVM, default 15),
 * {@code --work DIR} (default {@code benchmarks/target/transformer-speed}).
 */
public final class TransformerSpeed {

    /** One measured combination: a module and a way of running the transformer over it. */
    private record Case(String module, String label, String mode) {
    }

    private TransformerSpeed() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Options.parse(args);
        ModuleSpec spec = ModuleSpec.of(opts);
        int classes = spec.classes();
        double share = spec.share();
        long seed = spec.seed();
        int forks = Integer.parseInt(opts.getOrDefault("forks", "3"));
        int passes = Integer.parseInt(opts.getOrDefault("passes", "15"));
        Path work = Path.of(opts.getOrDefault("work", "benchmarks/target/transformer-speed")).toAbsolutePath();

        Map<String, String> modules = new LinkedHashMap<>();
        modules.put("all", "every class async");
        modules.put("typical", Math.round(share * 100) + "% async");
        for (String m : modules.keySet()) {
            ModuleGenerator g = new ModuleGenerator(classes, m.equals("all") ? 1.0 : share, seed);
            CompiledModule c = CompiledModule.create(g, work.resolve(m));
            System.err.printf(Locale.ROOT, "%s: %d sources (%d async), %d class files%n", m, classes,
                    g.asyncClasses(), c.classFiles());
        }
        String plugin = "as the plugin: `ClassesDirectoryInstrumenter` on disk (sources read only for flagged classes)";
        String diagnostics = "source diagnostics on every async source (a build pays this only if all are flagged)";
        List<Case> cases = List.of(
                new Case("all", "`Instrumenter` on bytes in memory", "memory"),
                new Case("typical", "`Instrumenter` on bytes in memory", "memory"),
                new Case("all", plugin, "directory"),
                new Case("typical", plugin, "directory"),
                new Case("all", diagnostics, "diagnostics"),
                new Case("typical", diagnostics, "diagnostics"));
        Map<Case, List<String[]>> results = new LinkedHashMap<>();
        // The copies the directory passes work on are deleted only at the end (see SpeedTrial).
        Path copies = work.resolve("copies");
        CompiledModule.deleteTree(copies);
        try {
            // Round after round, every case in turn, so a change in the machine's load touches all cases alike.
            for (int f = 0; f < forks; f++) {
                for (Case c : cases) {
                    String[] r = trial(work.resolve(c.module), c.mode, passes, copies);
                    System.err.printf(Locale.ROOT, "round %d %s/%s: cold %.1f ms%n", f + 1, c.module, c.mode,
                            Long.parseLong(r[4].split(",")[0]) / 1e6);
                    results.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
                }
            }
        } finally {
            CompiledModule.deleteTree(copies);
        }

        System.out.println("| module | what is timed | class files | work done | cold: classes/s (ms) "
                + "| warm: classes/s (ms) |");
        System.out.println("| --- | --- | ---: | --- | ---: | ---: |");
        for (Case c : cases) {
            List<String[]> rs = results.get(c);
            String[] any = rs.get(0);
            int classFiles = Integer.parseInt(any[0]);
            if (!any[3].equals("0")) {
                throw new IllegalStateException(c + ": " + any[3] + " class(es) failed to instrument");
            }
            String done = c.mode.equals("diagnostics") ? any[1] + " sources parsed and checked"
                    : String.format(Locale.ROOT, "%s classes, %,d async bodies rewritten", any[1],
                    Integer.parseInt(any[2]));
            List<Double> cold = new ArrayList<>();
            List<Double> warm = new ArrayList<>();
            for (String[] r : rs) {
                long[] nanos = Arrays.stream(r[4].split(",")).mapToLong(Long::parseLong).toArray();
                cold.add(nanos[0] / 1e6);
                List<Double> later = new ArrayList<>();
                for (int i = Math.max(1, nanos.length / 2); i < nanos.length; i++) {
                    later.add(nanos[i] / 1e6);
                }
                warm.add(Stats.median(later));
            }
            double coldMs = Stats.median(cold);
            double warmMs = Stats.median(warm);
            System.out.printf(Locale.ROOT, "| %s | %s | %,d | %s | **%,.0f** (%.0f ms) | **%,.0f** (%.0f ms) |%n",
                    modules.get(c.module), c.label, classFiles, done, classFiles / (coldMs / 1e3), coldMs,
                    classFiles / (warmMs / 1e3), warmMs);
        }
        System.out.printf(Locale.ROOT, "%n%d generated sources per module (seed %d), %d JVM(s) per row, %d passes "
                + "each.%n", classes, seed, forks, passes);
    }

    /** Runs one {@link SpeedTrial} JVM; returns its RESULT fields. */
    private static String[] trial(Path module, String mode, int passes, Path copies)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(SpeedTrial.class.getName(), module.toString(), mode, Integer.toString(passes),
                copies.toString()));
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    result = line.substring("RESULT ".length());
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException("trial " + module + " " + mode + " failed (exit " + p.exitValue() + ")");
        }
        return result.split(" ");
    }
}
