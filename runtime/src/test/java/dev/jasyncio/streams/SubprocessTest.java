package dev.jasyncio.streams;

import dev.jasyncio.Asyncio;
import dev.jasyncio.TimeoutError;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.Asyncio.waitFor;
import static dev.jasyncio.streams.Stdio.Redirect.PIPE;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Child processes with piped streams (POSIX shell commands). */
class SubprocessTest extends TestBase {

    private static String str(Object b) {
        return new String((byte[]) b, StandardCharsets.UTF_8);
    }

    @Test
    void outputIsReadLineByLineAsItArrives() {
        List<String> lines = new ArrayList<>();
        Integer[] returncodeAtFirstLine = {-1};
        Subprocess[] p = new Subprocess[1];
        Object code = Asyncio.run(coro("main",
                v -> awaiting(Streams.createSubprocessExec(Stdio.inherit().stdout(PIPE), "sh", "-c",
                        "for i in 1 2 3; do echo line $i; sleep 0.1; done")),
                v -> {
                    p[0] = (Subprocess) v;
                    assertTrue(p[0].pid() > 0);
                    return awaiting(p[0].stdout().readline());
                },
                v -> {
                    if (lines.isEmpty()) {
                        returncodeAtFirstLine[0] = p[0].returncode();
                    }
                    if (((byte[]) v).length == 0) {
                        return awaiting(p[0].waitFor());
                    }
                    lines.add(str(v));
                    return awaiting(p[0].stdout().readline(), 2);
                },
                v -> v));
        assertEquals(List.of("line 1\n", "line 2\n", "line 3\n"), lines);
        assertNull(returncodeAtFirstLine[0], "the first line came while the child was still running");
        assertEquals(0, code);
        assertEquals(0, p[0].returncode());
    }

    @Test
    void communicateFeedsStdinAndCollectsBothOutputs() {
        Subprocess.Output[] out = new Subprocess.Output[1];
        Subprocess[] p = new Subprocess[1];
        Asyncio.run(coro("main",
                v -> awaiting(Streams.createSubprocessExec(Stdio.pipe(), "sh", "-c", "cat; echo err >&2; exit 4")),
                v -> {
                    p[0] = (Subprocess) v;
                    return awaiting(p[0].communicate("hello\n".getBytes(StandardCharsets.UTF_8)));
                },
                v -> {
                    out[0] = (Subprocess.Output) v;
                    return null;
                }));
        assertEquals("hello\n", str(out[0].stdout()));
        assertEquals("err\n", str(out[0].stderr()));
        assertEquals(4, p[0].returncode());
    }

    /** The child leaves without reading what it is sent: the broken pipe is not an error for communicate. */
    @Test
    void aChildThatExitsEarly() {
        byte[] input = new byte[8 << 20];
        Subprocess.Output[] out = new Subprocess.Output[1];
        Subprocess[] p = new Subprocess[2];
        Throwable[] drainSaw = new Throwable[1];
        Asyncio.run(coro("main",
                v -> awaiting(Streams.createSubprocessExec(Stdio.pipe(), "head", "-c", "10")),
                v -> {
                    p[0] = (Subprocess) v;
                    return awaiting(p[0].communicate(input));
                },
                v -> {
                    out[0] = (Subprocess.Output) v;
                    return awaiting(Streams.createSubprocessShell(Stdio.pipe(), "exit 3"));
                },
                v -> {
                    p[1] = (Subprocess) v;
                    return awaiting(p[1].waitFor());
                },
                v -> {
                    // Writing to the child that is gone: drain fails with the pipe's error, nothing hangs.
                    p[1].stdin().write(input);
                    return awaiting(p[1].stdin().drain());
                },
                catching((v, e) -> {
                    drainSaw[0] = e;
                    return awaiting(p[1].stdout().read());
                }),
                v -> {
                    assertEquals(0, ((byte[]) v).length);
                    return null;
                }));
        assertEquals(10, out[0].stdout().length);
        assertEquals(0, p[0].returncode());
        assertEquals(3, p[1].returncode());
        assertInstanceOf(java.io.IOException.class, drainSaw[0], String.valueOf(drainSaw[0]));
    }

    @Test
    void killAndTerminateAndWaitingUnderATimeout() {
        Subprocess[] p = new Subprocess[2];
        Object[] codes = new Object[2];
        Asyncio.run(coro("main",
                v -> awaiting(Streams.createSubprocessExec("sleep", "30")),
                v -> {
                    p[0] = (Subprocess) v;
                    return awaiting(waitFor(p[0].waitFor(), 0.05));
                },
                catching((v, e) -> {
                    assertInstanceOf(TimeoutError.class, e);
                    p[0].kill();
                    return awaiting(p[0].waitFor());
                }),
                v -> {
                    codes[0] = v;
                    return awaiting(Streams.createSubprocessExec("sleep", "30"));
                },
                v -> {
                    p[1] = (Subprocess) v;
                    p[1].terminate();
                    return awaiting(p[1].waitFor());
                },
                v -> {
                    codes[1] = v;
                    return null;
                }));
        assertEquals(128 + 9, codes[0]);
        assertEquals(128 + 15, codes[1]);
    }

    /** A child writing far faster than it is read: the reader's buffer stays bounded, and every byte arrives. */
    @Test
    void aFastProducerCannotFillMemory() {
        int total = 64 << 20;
        Subprocess[] p = new Subprocess[1];
        long[] got = {0};
        int[] bufferedWhileNotReading = {0};
        Asyncio.run(coro("main",
                v -> awaiting(Streams.createSubprocessExec(Stdio.inherit().stdout(PIPE), "head", "-c",
                        String.valueOf(total), "/dev/zero")),
                v -> {
                    p[0] = (Subprocess) v;
                    return awaiting(sleep(0.5));
                },
                v -> {
                    bufferedWhileNotReading[0] = p[0].stdout().buffered();
                    return awaiting(p[0].stdout().read(1 << 20));
                },
                v -> {
                    int n = ((byte[]) v).length;
                    got[0] += n;
                    return n == 0 ? awaiting(p[0].waitFor()) : awaiting(p[0].stdout().read(1 << 20), 3);
                }));
        assertEquals(total, got[0]);
        int limit = StreamReader.DEFAULT_LIMIT;
        // Reading pauses above twice the limit; a few 64 KiB chunks already read by the pump still arrive.
        assertTrue(bufferedWhileNotReading[0] > 0 && bufferedWhileNotReading[0] <= 2 * limit + 4 * 64 * 1024,
                "buffered while nobody read: " + bufferedWhileNotReading[0]);
        assertEquals(0, p[0].returncode());
    }

    @Test
    void shellCommandsAndRedirections() {
        Object[] r = new Object[2];
        Asyncio.run(coro("main",
                v -> awaiting(Asyncio.createSubprocessShell(Stdio.inherit().stdout(PIPE), "echo $((1 + 2))")),
                v -> awaiting(((Subprocess) v).communicate(null)),
                v -> {
                    r[0] = str(((Subprocess.Output) v).stdout());
                    ProcessBuilder pb = new ProcessBuilder("sh", "-c", "echo to-err >&2").redirectErrorStream(true);
                    return awaiting(Streams.createSubprocessExec(pb));
                },
                v -> {
                    Subprocess s = (Subprocess) v;
                    assertNull(s.stderr(), "merged into stdout");
                    return awaiting(s.communicate(null));
                },
                v -> {
                    r[1] = str(((Subprocess.Output) v).stdout());
                    return null;
                }));
        assertEquals("3\n", r[0]);
        assertEquals("to-err\n", r[1]);
    }

    @Test
    void theStandardStreamsAreInheritedUnlessPipedAsInAsyncio() {
        Subprocess[] p = new Subprocess[4];
        Asyncio.run(coro("main",
                v -> awaiting(Streams.createSubprocessExec("true")),
                v -> {
                    p[0] = (Subprocess) v;
                    return awaiting(Asyncio.createSubprocessShell("exit 0"));
                },
                v -> {
                    p[1] = (Subprocess) v;
                    return awaiting(Streams.createSubprocessExec(Stdio.inherit().stderr(PIPE), "true"));
                },
                v -> {
                    p[2] = (Subprocess) v;
                    return awaiting(Streams.createSubprocessExec(
                            Stdio.inherit().stdin(Stdio.Redirect.DEVNULL).stdout(PIPE).stderr(Stdio.Redirect.STDOUT),
                            "sh", "-c", "cat; echo out; echo err >&2"));
                },
                v -> {
                    p[3] = (Subprocess) v;
                    return awaiting(p[3].communicate(null));
                },
                v -> {
                    Subprocess.Output out = (Subprocess.Output) v;
                    // stdin at its end at once (cat copies nothing), stderr into the stdout pipe.
                    assertEquals("out\nerr\n", str(out.stdout()));
                    assertNull(out.stderr());
                    return awaiting(p[0].waitFor());
                },
                v -> awaiting(p[1].waitFor()),
                v -> awaiting(p[2].waitFor())));
        for (int i = 0; i < 2; i++) {
            assertNull(p[i].stdin(), "stdin of " + i);
            assertNull(p[i].stdout(), "stdout of " + i);
            assertNull(p[i].stderr(), "stderr of " + i);
        }
        assertNull(p[2].stdin());
        assertNull(p[2].stdout());
        assertTrue(p[2].stderr() != null);
        assertNull(p[3].stdin());
        assertNull(p[3].stderr());
        assertEquals(0, p[3].returncode());
    }

    @Test
    void stdoutIsTheOnlyPlaceStdoutCanGo() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Stdio.inherit().stdout(Stdio.Redirect.STDOUT));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Stdio.inherit().stdin(Stdio.Redirect.STDOUT));
    }

    /**
     * A child writing more than a pipe holds to stderr while the caller only waits for its exit: with stderr piped
     * nobody reads it and both wait for ever; inherited, as asyncio's default, it just exits. (So as not to spill
     * onto the test's own stderr, the child discards the bytes when its stderr is this JVM's.)
     */
    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    @org.junit.jupiter.api.Timeout(value = 30, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aChildWritingMuchToStderrExitsWhileOnlyItsExitIsAwaited() {
        String script = "if [ /proc/self/fd/2 -ef /proc/$PPID/fd/2 ]; then exec 2>/dev/null; fi; "
                + "head -c 1000000 /dev/zero >&2; exit 5";
        Object code = Asyncio.run(coro("main",
                v -> awaiting(Streams.createSubprocessExec("sh", "-c", script)),
                v -> awaiting(((Subprocess) v).waitFor())));
        assertEquals(5, code);
    }
}
