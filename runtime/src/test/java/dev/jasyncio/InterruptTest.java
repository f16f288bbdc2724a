package dev.jasyncio;

import dev.jasyncio.annotations.Async;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Ctrl-C for real: a child JVM runs {@link Probe} with {@code Asyncio.run}, the test sends it SIGINT or SIGTERM with
 * {@code kill}, and checks what asyncio.Runner would do: the main task's {@code finally} runs and awaits, then
 * {@code run} throws {@link KeyboardInterrupt} and the process exits with 130 (143 for SIGTERM); a second signal
 * during the clean-up ends it at once; the handlers in place before are back after the run. Every wait is bounded.
 */
class InterruptTest {

    private static final long WAIT_SECONDS = 30;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        for (Process p : started) {
            p.destroyForcibly();
        }
    }

    @Test
    void sigintCancelsTheMainTaskRunsItsAsyncCleanupAndExits130() throws Exception {
        Child c = start("cleanup", "hook");
        c.expect("ready");
        c.kill("INT");
        c.expect("cancelled: CancelledError");
        c.expect("cleanup done after awaiting");
        assertEquals(130, c.exitStatus());
        String err = c.stderr();
        assertTrue(err.contains("Exception in thread \"main\" dev.jasyncio.KeyboardInterrupt: interrupted by SIGINT"),
                err);
        assertEquals(List.of("jvm shutdown hook"), c.linesLeft(), "the exit ran the shutdown hooks");
    }

    @Test
    void sigtermDoesTheSameAndExits143() throws Exception {
        Child c = start("cleanup", "");
        c.expect("ready");
        c.kill("TERM");
        c.expect("cancelled: CancelledError");
        c.expect("cleanup done after awaiting");
        assertEquals(143, c.exitStatus());
        assertTrue(c.stderr().contains("KeyboardInterrupt: interrupted by SIGTERM"), c.stderr());
    }

    @Test
    void aSecondSigintDuringTheCleanupEndsTheProcessAtOnce() throws Exception {
        Child c = start("stuck", "hook");
        c.expect("ready");
        c.kill("INT");
        c.expect("cancelled: CancelledError");
        c.expect("cleanup waits 60 s");
        long t0 = System.nanoTime();
        c.kill("INT");
        assertEquals(130, c.exitStatus());
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "ended at once, not after the clean-up");
        List<String> left = c.linesLeft();
        assertEquals(List.of("jvm shutdown hook"), left, "no 'cleanup done'; the JVM's own exit ran the hooks");
    }

    /** As asyncio: a main task that swallows the cancellation ends normally, and run returns its value. */
    @Test
    void aMainTaskThatSwallowsTheCancellationReturnsNormally() throws Exception {
        Child c = start("swallow", "");
        c.expect("ready");
        c.kill("INT");
        c.expect("cancelled: CancelledError");
        c.expect("run returned: survived");
        assertEquals(0, c.exitStatus());
    }

    /** The handlers in place before the run are back after it: the program's own SIGINT handler gets the next one. */
    @Test
    void theHandlersInPlaceBeforeAreRestoredAfterTheRun() throws Exception {
        Child c = start("restore", "");
        c.expect("ready");
        c.kill("INT");
        c.expect("cancelled: CancelledError");
        c.expect("cleanup done after awaiting");
        c.expect("caught KeyboardInterrupt, exit status 130, signal INT");
        c.expect("ready again");
        c.kill("INT");
        c.expect("own handler: SIGINT");
        assertEquals(42, c.exitStatus());
    }

    /** Without sun.misc.Signal (forced here): a shutdown hook cancels the main task and waits for its clean-up. */
    @Test
    void theShutdownHookFallbackStillRunsTheAsyncCleanup() throws Exception {
        Child c = start("cleanup", "", "-Djasyncio.signals=hook");
        c.expect("ready");
        c.kill("INT");
        c.expect("cancelled: CancelledError");
        c.expect("cleanup done after awaiting");
        assertEquals(130, c.exitStatus());
    }

    // ---------------------------------------------------------------------------------------------------------

    /** {@code withHook}: "hook" to have the child add a shutdown hook that prints a line. */
    private Child start(String mode, String withHook, String... jvmOptions) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (envResetsSignals()) {
            // A child of a background job would inherit SIGINT ignored, and the JVM leaves an ignored signal alone.
            cmd.addAll(List.of("env", "--default-signal=INT,TERM"));
        }
        cmd.add(new File(System.getProperty("java.home"), "bin/java").getPath());
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Probe.class.getName(), mode, withHook));
        Process p = new ProcessBuilder(cmd).start();
        started.add(p);
        return new Child(p);
    }

    private static Boolean envResets;

    private static synchronized boolean envResetsSignals() {
        if (envResets == null) {
            try {
                Process p = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
                envResets = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException | InterruptedException e) {
                envResets = false;
            }
        }
        return envResets;
    }

    /** A running child: its output lines as they come, its stderr, bounded waits. */
    private static final class Child {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder err = new StringBuilder();
        private final Thread errReader;

        Child(Process process) {
            this.process = process;
            Thread out = new Thread(() -> pump(process.getInputStream(), null), "child-stdout");
            errReader = new Thread(() -> pump(process.getErrorStream(), err), "child-stderr");
            out.setDaemon(true);
            errReader.setDaemon(true);
            out.start();
            errReader.start();
        }

        private void pump(java.io.InputStream in, StringBuilder into) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (into == null) {
                        lines.add(line);
                    } else {
                        synchronized (into) {
                            into.append(line).append('\n');
                        }
                    }
                }
            } catch (IOException ended) {
                // the child is gone
            }
        }

        void expect(String line) throws InterruptedException {
            String got = lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(got, "no line '" + line + "' within " + WAIT_SECONDS + " s; stderr: " + stderr());
            assertEquals(line, got, "stderr: " + stderr());
        }

        void kill(String signal) throws IOException, InterruptedException {
            Process k = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
            assertTrue(k.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) && k.exitValue() == 0, "kill -" + signal);
        }

        int exitStatus() throws InterruptedException {
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("the child did not end within " + WAIT_SECONDS + " s; stderr: " + stderr());
            }
            errReader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            return process.exitValue();
        }

        /** The lines not read yet, once the child has ended. */
        List<String> linesLeft() throws InterruptedException {
            exitStatus();
            Thread.sleep(100); // the stdout pump may trail the exit by a moment
            List<String> left = new ArrayList<>();
            lines.drainTo(left);
            return left;
        }

        String stderr() {
            synchronized (err) {
                return err.toString();
            }
        }
    }

    /** The child program: an asyncio-style main whose {@code finally} awaits, run as a user's program runs it. */
    public static final class Probe {

        @Async
        static Coroutine<String> main(String mode) {
            try {
                System.out.println("ready");
                await(sleep(60));
                return Coroutine.of("slept");
            } catch (CancelledError e) {
                System.out.println("cancelled: " + e.getClass().getSimpleName());
                if (mode.equals("swallow")) {
                    return Coroutine.of("survived");
                }
                throw e;
            } finally {
                if (mode.equals("stuck")) {
                    System.out.println("cleanup waits 60 s");
                    await(sleep(60));
                    System.out.println("cleanup done");
                } else if (!mode.equals("swallow")) {
                    await(sleep(0.2));
                    System.out.println("cleanup done after awaiting");
                }
            }
        }

        public static void main(String[] args) throws Exception {
            String mode = args[0];
            if (args[1].equals("hook")) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("jvm shutdown hook")));
            }
            if (mode.equals("restore")) {
                restore();
                return;
            }
            System.out.println("run returned: " + Asyncio.run(main(mode)));
        }

        /** Installs its own SIGINT handler, is interrupted once inside a run, then once after it. */
        private static void restore() throws Exception {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handler = Class.forName("sun.misc.SignalHandler");
            Object own = java.lang.reflect.Proxy.newProxyInstance(Probe.class.getClassLoader(),
                    new Class<?>[] {handler}, (proxy, m, a) -> {
                        if (m.getName().equals("handle")) {
                            System.out.println("own handler: " + a[0]);
                            System.exit(42);
                        }
                        return m.getName().equals("hashCode") ? 0 : m.getName().equals("equals") ? proxy == a[0]
                                : "own";
                    });
            signal.getMethod("handle", signal, handler).invoke(null,
                    signal.getConstructor(String.class).newInstance("INT"), own);
            try {
                Asyncio.run(main("restore"));
            } catch (KeyboardInterrupt e) {
                System.out.println("caught KeyboardInterrupt, exit status " + e.exitStatus() + ", signal "
                        + e.signal());
            }
            System.out.println("ready again");
            Thread.sleep(WAIT_SECONDS * 1000);
        }
    }
}
