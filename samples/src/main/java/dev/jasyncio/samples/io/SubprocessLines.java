package dev.jasyncio.samples.io;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.streams.Stdio;
import dev.jasyncio.streams.Subprocess;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.createSubprocessExec;
import static dev.jasyncio.streams.Stdio.Redirect.PIPE;

/**
 * A child process's output read line by line as it is printed: the child ({@link Ticker}, another JVM) prints a
 * line every {@value #INTERVAL_MS} ms, and each line is shown with the time it arrived, well before the child
 * ends. asyncio's {@code create_subprocess_exec} + {@code await proc.stdout.readline()}.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.jasyncio.samples.io.SubprocessLines}
 */
public final class SubprocessLines {

    static final int TICKS = 5;
    static final int INTERVAL_MS = 200;

    private SubprocessLines() {
    }

    /** A line and when it arrived, in seconds from the start. */
    public record Line(double at, String text) {
    }

    /** Starts the ticker and collects its lines as they come; the exit code is checked. */
    @Async
    public static Coroutine<List<Line>> follow(int ticks, int intervalMs) throws IOException {
        long start = System.nanoTime();
        Subprocess child = await(createSubprocessExec(Stdio.inherit().stdout(PIPE), javaCommand(), "-cp",
                classesOf(Ticker.class),
                Ticker.class.getName(), String.valueOf(ticks), String.valueOf(intervalMs)));
        List<Line> lines = new ArrayList<>();
        while (true) {
            byte[] line = await(child.stdout().readline());
            if (line.length == 0) {
                break;
            }
            Line l = new Line((System.nanoTime() - start) / 1e9, new String(line, StandardCharsets.UTF_8).trim());
            System.out.println(String.format(Locale.ROOT, "%5.2f s  %s", l.at(), l.text()));
            lines.add(l);
        }
        int code = await(child.waitFor());
        if (code != 0) {
            throw new IOException("the ticker exited with " + code);
        }
        return Coroutine.of(lines);
    }

    /** The {@code java} launcher of this JVM. */
    static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }

    /** Where a class was loaded from: the child needs nothing else. */
    static String classesOf(Class<?> c) {
        try {
            return new File(c.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        System.out.println("child prints a line every " + INTERVAL_MS + " ms:");
        Asyncio.run(follow(TICKS, INTERVAL_MS));
    }
}
