package dev.jasyncio.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the figures were measured on: cores, CPU, memory, JDKs, load. */
final class Machine {

    int cores;
    String cpu;
    String os;
    long memoryBytes;
    String jdk17;
    String jdk25;
    double loadAtStart;
    String commit;

    private Machine() {
    }

    /** A description to be filled in from stored results. */
    static Machine empty() {
        return new Machine();
    }

    static Machine describe(Path jdk17, Path jdk25) {
        Machine m = new Machine();
        m.cores = Runtime.getRuntime().availableProcessors();
        m.cpu = cpuModel();
        m.os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        m.memoryBytes = memTotal();
        m.jdk17 = javaVersion(jdk17);
        m.jdk25 = javaVersion(jdk25);
        m.loadAtStart = loadAverage();
        m.commit = firstLine(List.of("git", "rev-parse", "--short", "HEAD"));
        return m;
    }

    /** The one-minute load average, NaN where /proc is not available. */
    static double loadAverage() {
        try {
            String s = Files.readString(Paths.get("/proc/loadavg"));
            return Double.parseDouble(s.split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static long memTotal() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }

    private static String javaVersion(Path home) {
        String v = firstLine(List.of(home.resolve("bin").resolve("java").toString(), "-XshowSettings:properties",
                "-version"), "java.runtime.version");
        String vm = firstLine(List.of(home.resolve("bin").resolve("java").toString(), "-XshowSettings:properties",
                "-version"), "java.vm.name");
        return v == null ? "unavailable" : v + " (" + (vm == null ? "?" : vm) + ")";
    }

    private static String firstLine(List<String> cmd) {
        return firstLine(cmd, null);
    }

    /** The first output line of {@code cmd}, or the value of the first {@code key = value} line. */
    private static String firstLine(List<String> cmd, String key) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            for (String line : out.split("\n")) {
                String t = line.trim();
                if (key == null) {
                    return t.isEmpty() ? null : t;
                }
                if (t.startsWith(key + " = ")) {
                    return t.substring(key.length() + 3);
                }
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
