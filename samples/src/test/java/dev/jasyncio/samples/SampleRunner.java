package dev.jasyncio.samples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs a sample's {@code main} in-process with {@link System#out} captured and compares what it printed with the
 * output of its Python original ({@code golden/seedNNN/<Example>.txt}), line by line:
 * <ul>
 *   <li>a golden line listed in samples/README.md's table of differences for the example is replaced by the
 *       Java line given there (every listed line must occur);</li>
 *   <li>in lines matching a {@link #timing} pattern, each decimal number must be within a band of the golden
 *       one ({@link #withinBand}), the rest of the line equal;</li>
 *   <li>a run of consecutive lines matching an {@link #unordered} pattern (Python iterating over a set) must hold
 *       the same lines in any order.</li>
 * </ul>
 */
final class SampleRunner {

    private static final String PACKAGE = "dev.jasyncio.samples.";
    private static final Pattern DECIMAL = Pattern.compile("\\d+\\.\\d+");

    private final Class<?> sample;
    private final String golden;
    private final List<Pattern> timing = new ArrayList<>();
    private final List<Pattern> unordered = new ArrayList<>();
    private Class<? extends Throwable> expectedFailure;
    private String expectedMessage;
    private long timeoutSeconds = 90;

    private SampleRunner(Class<?> sample, String golden) {
        this.sample = sample;
        this.golden = golden;
    }

    /** The sample {@code dev.jasyncio.samples.seedNNN.<Example>}, compared with {@code golden/seedNNN/<Example>}. */
    static SampleRunner sample(Class<?> sample) {
        return new SampleRunner(sample, exampleName(sample).replace('.', '/'));
    }

    /** A sample compared with the golden output {@code golden/<golden>.txt}. */
    static SampleRunner sample(Class<?> sample, String golden) {
        return new SampleRunner(sample, golden);
    }

    /** The sample's name in README's table: its class name below {@code dev.jasyncio.samples}. */
    static String exampleName(Class<?> sample) {
        String name = sample.getName();
        if (!name.startsWith(PACKAGE)) {
            throw new IllegalArgumentException(name + " is not a sample");
        }
        return name.substring(PACKAGE.length());
    }

    /** Lines matching {@code regex} (searched in the golden line) print a time: numbers are compared in a band. */
    SampleRunner timing(String regex) {
        timing.add(Pattern.compile(regex));
        return this;
    }

    /** Consecutive lines matching {@code regex} come from iterating a set: their order is not compared. */
    SampleRunner unordered(String regex) {
        unordered.add(Pattern.compile(regex));
        return this;
    }

    /** {@code main} must end by throwing {@code type} with {@code message}. */
    SampleRunner failsWith(Class<? extends Throwable> type, String message) {
        this.expectedFailure = type;
        this.expectedMessage = message;
        return this;
    }

    /** How long the sample may run (default 90 s). */
    SampleRunner timeoutSeconds(long seconds) {
        this.timeoutSeconds = seconds;
        return this;
    }

    /** The golden text, as CPython printed it. */
    String goldenText() {
        return resource("/golden/" + golden + ".txt");
    }

    /**
     * Runs the sample and compares its output with the golden one; returns what it printed. The examples sleep in
     * real time, so a pause of a few milliseconds on a busy machine (a collection, another build) between tasks
     * started together can split timers that CPython fires in one iteration: a mismatch is run again, up to
     * {@link #ATTEMPTS} times in all. A wrong program prints the wrong lines every time.
     */
    String verify() {
        AssertionError first = null;
        for (int attempt = 1; ; attempt++) {
            try {
                return verifyOnce();
            } catch (AssertionError e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
                if (attempt == ATTEMPTS) {
                    throw first;
                }
            }
        }
    }

    /** Runs of a sample before a mismatch fails the test. */
    private static final int ATTEMPTS = 3;

    private String verifyOnce() {
        Run run = run(sample, timeoutSeconds);
        if (expectedFailure == null) {
            if (run.failure != null) {
                throw new AssertionError(sample.getSimpleName() + ".main failed; it printed:\n" + run.stdout,
                        run.failure);
            }
        } else {
            assertNotNull(run.failure, sample.getSimpleName() + ".main should have thrown " + expectedFailure);
            if (!expectedFailure.isInstance(run.failure)) {
                throw new AssertionError("expected " + expectedFailure.getName() + ", got " + run.failure,
                        run.failure);
            }
            assertEquals(expectedMessage, run.failure.getMessage());
        }
        compare(expected(), lines(run.stdout), run.stdout);
        return run.stdout;
    }

    /** The golden lines with README's documented differences applied. */
    private List<String> expected() {
        Map<String, String> differences = DocumentedDifferences.of(exampleName(sample));
        Map<String, Integer> used = new HashMap<>();
        List<String> expected = new ArrayList<>();
        for (String line : lines(goldenText())) {
            String java = differences.get(line);
            if (java != null) {
                used.merge(line, 1, Integer::sum);
                expected.add(java);
            } else {
                expected.add(line);
            }
        }
        for (String python : differences.keySet()) {
            assertTrue(used.containsKey(python), "README lists a difference for " + exampleName(sample)
                    + " whose Python line is not in " + golden + ".txt: " + python);
        }
        return expected;
    }

    private void compare(List<String> expected, List<String> actual, String printed) {
        String context = "\n--- expected (CPython, with README's differences) ---\n" + String.join("\n", expected)
                + "\n--- printed by " + sample.getSimpleName() + " ---\n" + printed;
        assertEquals(expected.size(), actual.size(), "number of lines" + context);
        int i = 0;
        while (i < expected.size()) {
            Pattern any = unorderedPattern(expected.get(i));
            if (any != null) {
                int end = i;
                while (end < expected.size() && any.matcher(expected.get(end)).find()) {
                    end++;
                }
                List<String> want = new ArrayList<>(expected.subList(i, end));
                List<String> got = new ArrayList<>(actual.subList(i, end));
                want.sort(null);
                got.sort(null);
                assertEquals(want, got, "lines " + (i + 1) + ".." + end + " in any order" + context);
                i = end;
                continue;
            }
            String want = expected.get(i);
            String got = actual.get(i);
            if (isTiming(want)) {
                assertTrue(timingMatches(want, got), "line " + (i + 1) + ": '" + got + "' is not within the time"
                        + " band of '" + want + "'" + context);
            } else {
                assertEquals(want, got, "line " + (i + 1) + context);
            }
            i++;
        }
    }

    private Pattern unorderedPattern(String line) {
        for (Pattern p : unordered) {
            if (p.matcher(line).find()) {
                return p;
            }
        }
        return null;
    }

    private boolean isTiming(String line) {
        return timing.stream().anyMatch(p -> p.matcher(line).find());
    }

    /** Same text around the numbers, and each number of {@code actual} within the band of the golden one. */
    static boolean timingMatches(String golden, String actual) {
        Matcher g = DECIMAL.matcher(golden);
        Matcher a = DECIMAL.matcher(actual);
        if (!g.replaceAll("#").equals(a.replaceAll("#"))) {
            return false;
        }
        g.reset();
        a.reset();
        while (g.find()) {
            if (!a.find() || !withinBand(Double.parseDouble(g.group()), Double.parseDouble(a.group()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A time printed by Java is accepted from 5 % (and 0.02 s) below CPython's to 25 % (and 0.1 s) above it: a
     * printed 2.00 passes from 1.88 to 2.60, 0.20 from 0.17 to 0.35 (so a sequential 0.40 is still refused).
     */
    static boolean withinBand(double golden, double actual) {
        return actual >= golden * 0.95 - 0.02 && actual <= golden * 1.25 + 0.1;
    }

    // ---------------------------------------------------------------------------------------------------------

    /** What a run of {@code main} printed, and what it threw (null if it returned). */
    record Run(String stdout, Throwable failure) {
    }

    /** Runs {@code sample.main(new String[0])} on a thread of its own, capturing what it prints. */
    static Run run(Class<?> sample, long timeoutSeconds) {
        Method main;
        try {
            main = sample.getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(sample.getName() + " has no main(String[])", e);
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            CapturedStdout.start(buffer);
            try {
                main.invoke(null, (Object) new String[0]);
            } catch (InvocationTargetException e) {
                failure.set(e.getCause());
            } catch (ReflectiveOperationException | RuntimeException | Error e) {
                failure.set(e);
            } finally {
                CapturedStdout.stop();
            }
        }, "sample-" + sample.getSimpleName());
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join(timeoutSeconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);
        if (thread.isAlive()) {
            thread.interrupt();
            fail(sample.getSimpleName() + ".main did not end within " + timeoutSeconds + " s; it printed:\n"
                    + printed);
        }
        return new Run(printed, failure.get());
    }

    static String resource(String path) {
        try (InputStream in = SampleRunner.class.getResourceAsStream(path)) {
            assertNotNull(in, "missing test resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines of {@code text}; a final line break ends the last line rather than starting an empty one. */
    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\\R", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    @Override
    public String toString() {
        return sample.getName() + " vs golden/" + golden;
    }
}
