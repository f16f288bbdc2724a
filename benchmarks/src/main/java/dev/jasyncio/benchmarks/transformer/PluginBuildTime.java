package dev.jasyncio.benchmarks.transformer;

import dev.jasyncio.benchmarks.harness.Stats;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Maven plugin adds to a build: generates a module of {@code --classes} classes (default 500, a fifth
 * async) whose pom uses the installed runtime and plugin, then times {@code mvn -o -B clean process-classes}
 * without the plugin ({@code -Djasyncio.skip=true}), with it, and with it but without its source diagnostics, in
 * rotating order; then {@code mvn -o -B process-classes} over the class files javac wrote, uninstrumented, with javac
 * up to date: the plugin's whole cost on a short build, where the machine's noise is smaller; then a rebuild with
 * nothing changed (no {@code clean}: javac has nothing to do and the plugin's staleness record lets it skip every
 * class). The plugin's cost is the median of the differences
 * within a round, in wall time and in CPU time (steadier on a busy machine); the goal's own figure is read from its
 * log line.
 *
 * <p>Options: {@code --classes N}, {@code --share S}, {@code --seed N}, {@code --rounds N} (default 7),
 * {@code --module DIR} (default {@code benchmarks/target/transformer-speed/maven-module}), {@code --mvn PATH},
 * {@code --version V} (of the jasyncio artifacts, default 0.1.0-SNAPSHOT). Prints a markdown table.
 */
public final class PluginBuildTime {

    /** The goal's summary line, e.g. "Instrumented 312 async method(s) in 100 class(es) in 180 ms". */
    private static final Pattern GOAL_TIME = Pattern.compile(
            "(?:Instrumented \\d+ async method\\(s\\) in \\d+ class\\(es\\) in |checked in )(\\d+) ms");

    /** How the plugin takes part in a build. */
    private enum Variant {
        SKIPPED("-Djasyncio.skip=true"),
        PLUGIN(null);

        final String property;

        Variant(String property) {
            this.property = property;
        }
    }

    /** What the build starts from. */
    private enum Scenario {
        /** {@code clean process-classes}: javac compiles everything, the plugin instruments everything. */
        CLEAN("clean"),
        /** The class files a clean build without the plugin left, restored: javac up to date, nothing instrumented. */
        FRESH("javac up to date"),
        /** What a clean build with the plugin left: nothing to compile, nothing to instrument. */
        NO_CHANGE("no change");

        final String label;

        Scenario(String label) {
            this.label = label;
        }
    }

    /** Where GNU time is, to read a build's CPU time; the CPU column stays empty without it. */
    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    /** GNU time's line: user and system seconds of Maven's JVM (after Maven's last colour reset, no newline). */
    private static final Pattern CPU_TIME = Pattern.compile("JASYNCIO_CPU ([\\d.]+) ([\\d.]+)");

    /** One build: its wall time, its CPU time (NaN when unknown), and the goal's own figure (-1 when skipped). */
    private record Build(double seconds, double cpuSeconds, long goalMillis) {
    }

    private PluginBuildTime() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = Options.parse(args);
        ModuleSpec spec = ModuleSpec.of(opts);
        int classes = spec.classes();
        double share = spec.share();
        long seed = spec.seed();
        int rounds = Integer.parseInt(opts.getOrDefault("rounds", "7"));
        String mvn = opts.getOrDefault("mvn", "mvn");
        String version = opts.getOrDefault("version", "0.1.0-SNAPSHOT");
        Path module = Path.of(opts.getOrDefault("module", "benchmarks/target/transformer-speed/maven-module"))
                .toAbsolutePath();

        ModuleGenerator generator = new ModuleGenerator(classes, share, seed);
        CompiledModule.deleteTree(module);
        generator.writeTo(module.resolve("src/main/java"));
        Files.writeString(module.resolve("pom.xml"), pom(version), StandardCharsets.UTF_8);
        System.err.printf(Locale.ROOT, "module %s: %d classes (%d async)%n", module, classes,
                generator.asyncClasses());

        Runner runner = new Runner(mvn, module);
        // Not counted: the first builds read Maven, the plugins and the sources into the OS's file cache.
        runner.build(Scenario.CLEAN, Variant.SKIPPED);
        runner.build(Scenario.CLEAN, Variant.PLUGIN);

        Map<Variant, List<Build>> clean = rounds(runner, Scenario.CLEAN, rounds);
        // What javac writes, kept aside to start each build of the next scenario from.
        runner.build(Scenario.CLEAN, Variant.SKIPPED);
        runner.keepCompiledClasses();
        Map<Variant, List<Build>> fresh = rounds(runner, Scenario.FRESH, rounds);
        // The classes as a clean build with the plugin leaves them: instrumented, with the staleness record.
        runner.build(Scenario.CLEAN, Variant.PLUGIN);
        Map<Variant, List<Build>> noChange = rounds(runner, Scenario.NO_CHANGE, rounds);

        System.out.println("| build of the module | without the plugin (`-Djasyncio.skip=true`) | with the plugin "
                + "| wall time added by the plugin | CPU time added | the goal's own time (its log line) |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        row("`mvn -o clean process-classes`", clean, Variant.PLUGIN);
        row("`mvn -o process-classes` on the classes javac wrote (javac up to date)", fresh, Variant.PLUGIN);
        row("`mvn -o process-classes`, nothing changed", noChange, Variant.PLUGIN);
        System.out.printf(Locale.ROOT, "%n%d generated classes (%d async, seed %d), %d rounds of builds; wall times "
                + "are medians, the added times medians of the differences within a round; CPU time is user + system "
                + "time of Maven's JVM (GNU time).%n", classes, generator.asyncClasses(), seed, rounds);
    }

    /**
     * {@code rounds} rounds of one build of each variant; the order rotates from round to round, so a drift in
     * the machine's load favours none of them.
     */
    private static Map<Variant, List<Build>> rounds(Runner runner, Scenario scenario, int rounds)
            throws IOException, InterruptedException {
        Map<Variant, List<Build>> builds = new EnumMap<>(Variant.class);
        Variant[] all = Variant.values();
        for (int i = 0; i < rounds; i++) {
            for (int j = 0; j < all.length; j++) {
                Variant v = all[(i + j) % all.length];
                builds.computeIfAbsent(v, k -> new ArrayList<>()).add(runner.build(scenario, v));
            }
        }
        return builds;
    }

    private static void row(String what, Map<Variant, List<Build>> builds, Variant variant) {
        List<Build> without = builds.get(Variant.SKIPPED);
        List<Build> with = builds.get(variant);
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < without.size(); i++) {
            wall.add(with.get(i).seconds - without.get(i).seconds);
            cpu.add(with.get(i).cpuSeconds - without.get(i).cpuSeconds);
        }
        List<Double> goal = with.stream().map(b -> (double) b.goalMillis).toList();
        System.out.printf(Locale.ROOT, "| %s | %.2f s | %.2f s | **%+.2f s** | %+.2f s | %.0f ms |%n", what,
                Stats.median(without.stream().map(Build::seconds).toList()),
                Stats.median(with.stream().map(Build::seconds).toList()), Stats.median(wall),
                Stats.median(cpu), Stats.median(goal));
    }

    private static String pom(String version) {
        // Plugin versions pinned to those of the project's own build, so the offline build finds them.
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench.gen</groupId>
                  <artifactId>transformer-speed-module</artifactId>
                  <version>1.0</version>

                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <maven.compiler.release>17</maven.compiler.release>
                  </properties>

                  <dependencies>
                    <dependency>
                      <groupId>dev.jasyncio</groupId>
                      <artifactId>coroutine-runtime</artifactId>
                      <version>%1$s</version>
                    </dependency>
                  </dependencies>

                  <build>
                    <plugins>
                      <plugin>
                        <artifactId>maven-clean-plugin</artifactId>
                        <version>3.4.0</version>
                      </plugin>
                      <plugin>
                        <artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version>
                      </plugin>
                      <plugin>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>3.13.0</version>
                      </plugin>
                      <plugin>
                        <groupId>dev.jasyncio</groupId>
                        <artifactId>coroutine-maven-plugin</artifactId>
                        <version>%1$s</version>
                        <executions>
                          <execution>
                            <goals>
                              <goal>instrument</goal>
                            </goals>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(version);
    }

    /** Runs Maven on the module and checks each build did what it should. */
    private static final class Runner {
        private final String mvn;
        private final Path module;
        private final Path log;
        private int builds;

        Runner(String mvn, Path module) {
            this.mvn = mvn;
            this.module = module;
            this.log = module.resolve("build.log");
        }

        /** Keeps the class files in {@code target/classes} aside, with their time stamps. */
        void keepCompiledClasses() throws IOException {
            CompiledModule.deleteTree(compiled());
            CompiledModule.copyTree(module.resolve("target/classes"), compiled());
        }

        private Path compiled() {
            return module.resolve("compiled-classes");
        }

        Build build(Scenario scenario, Variant variant) throws IOException, InterruptedException {
            boolean clean = scenario == Scenario.CLEAN;
            if (scenario == Scenario.FRESH) {
                CompiledModule.deleteTree(module.resolve("target/classes"));
                CompiledModule.deleteTree(module.resolve("target/jasyncio"));
                CompiledModule.copyTree(compiled(), module.resolve("target/classes"));
            }
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(GNU_TIME)) {
                // CPU time is what a busy machine changes least: wall times there vary from build to build.
                command.addAll(List.of(GNU_TIME.toString(), "-f", "JASYNCIO_CPU %U %S"));
            }
            command.addAll(List.of(mvn, "-o", "-B"));
            if (clean) {
                command.add("clean");
            }
            command.add("process-classes");
            if (variant.property != null) {
                command.add(variant.property);
            }
            boolean plugin = variant != Variant.SKIPPED;
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).directory(module.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            int exit = p.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            String out = Files.readString(log, StandardCharsets.UTF_8);
            builds++;
            if (scenario != Scenario.CLEAN && !out.contains("Nothing to compile")) {
                throw new IllegalStateException("build " + builds + " compiled, and should not have; see " + log);
            }
            if (exit != 0 || !out.contains("BUILD SUCCESS")) {
                throw new IllegalStateException("build " + builds + " failed (" + String.join(" ", command)
                        + "); see " + log);
            }
            long goal = -1;
            if (plugin) {
                Matcher m = GOAL_TIME.matcher(out);
                if (!m.find()) {
                    throw new IllegalStateException("no summary line of the plugin in " + log);
                }
                goal = Long.parseLong(m.group(1));
            }
            double cpu = Double.NaN;
            Matcher c = CPU_TIME.matcher(out);
            if (c.find()) {
                cpu = Double.parseDouble(c.group(1)) + Double.parseDouble(c.group(2));
            }
            System.err.printf(Locale.ROOT, "build %d: %s %s %.2f s (CPU %.2f s)%s%n", builds,
                    scenario.label, variant, seconds, cpu, plugin ? ", goal " + goal + " ms" : "");
            return new Build(seconds, cpu, goal);
        }
    }
}
