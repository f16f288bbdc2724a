package dev.jasyncio.streams;

import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import dev.jasyncio.Future;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.internal.AsyncSupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.gather;

/**
 * asyncio's {@code asyncio.subprocess.Process}: a child process whose pipes are streams. {@link #stdin()} is a
 * {@link StreamWriter}, {@link #stdout()} and {@link #stderr()} are {@link StreamReader}s (null for a stream the
 * {@link ProcessBuilder} or {@link Stdio} did not pipe: inherited, by default, as in asyncio).
 *
 * <p>Java's process pipes block, so each one is served by a thread of its own (virtual when the JDK has them) that
 * hands data to and from the loop; reading pauses when a reader holds more than twice its limit, as asyncio's
 * pipe transports do, so a child that writes faster than it is read blocks instead of filling memory.
 *
 * <p>{@link #waitFor()} is Python's {@code wait()} ({@code Object.wait} is final; {@link Process#waitFor()} is the
 * JDK's name): like asyncio's, it returns once the child has exited and its output pipes are at their end, so a
 * child writing more than the readers' buffers hold must be read from while waiting, or use
 * {@link #communicate(byte[])}.
 */
public final class Subprocess {

    /** What {@link #communicate(byte[])} returns: Python's {@code (stdout_data, stderr_data)} tuple. */
    public record Output(byte[] stdout, byte[] stderr) {
    }

    private final EventLoop loop;
    private final Process process;
    private final StreamWriter stdin;
    private final PipeWriter stdinPipe;
    private final StreamReader stdout;
    private final PipeReader stdoutPipe;
    private final StreamReader stderr;
    private final PipeReader stderrPipe;
    private int openPipes;
    private Integer returncode;
    private boolean finished;
    private List<Future<Integer>> exitWaiters = new ArrayList<>();

    private Subprocess(EventLoop loop, Process process, ProcessBuilder pb, int limit) {
        this.loop = loop;
        this.process = process;
        String name = "asyncio-subprocess-" + process.pid() + "-";
        if (pb.redirectInput() == ProcessBuilder.Redirect.PIPE) {
            StreamProtocol protocol = new StreamProtocol(loop, null, null);
            stdinPipe = new PipeWriter(loop, process.getOutputStream(), protocol, name + "stdin", this::pipeClosed);
            stdinPipe.start();
            stdin = new StreamWriter(stdinPipe, protocol, null);
            openPipes++;
        } else {
            stdinPipe = null;
            stdin = null;
        }
        if (pb.redirectOutput() == ProcessBuilder.Redirect.PIPE) {
            stdout = new StreamReader(limit);
            stdoutPipe = new PipeReader(loop, process.getInputStream(), stdout, this::pipeClosed);
            stdoutPipe.start(name + "stdout");
            openPipes++;
        } else {
            stdout = null;
            stdoutPipe = null;
        }
        if (!pb.redirectErrorStream() && pb.redirectError() == ProcessBuilder.Redirect.PIPE) {
            stderr = new StreamReader(limit);
            stderrPipe = new PipeReader(loop, process.getErrorStream(), stderr, this::pipeClosed);
            stderrPipe.start(name + "stderr");
            openPipes++;
        } else {
            stderr = null;
            stderrPipe = null;
        }
        process.onExit().thenRun(() -> {
            if (!loop.isClosed()) {
                try {
                    loop.callSoonThreadsafe(() -> processExited(process.exitValue()));
                } catch (IllegalStateException closed) {
                    // the loop is gone
                }
            }
        });
    }

    /** Starts {@code pb}'s process on {@code loop} (used by {@code createSubprocessExec} and friends). */
    static Subprocess start(EventLoop loop, ProcessBuilder pb, int limit) throws IOException {
        return new Subprocess(loop, pb.start(), pb, limit);
    }

    /** The child's stdin, or null if not piped. */
    public StreamWriter stdin() {
        return stdin;
    }

    /** The child's stdout, or null if not piped. */
    public StreamReader stdout() {
        return stdout;
    }

    /** The child's stderr, or null if not piped (or merged into stdout). */
    public StreamReader stderr() {
        return stderr;
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /**
     * The exit code once the child has exited and the loop has heard of it, else null. A child killed by a signal
     * has Java's code {@code 128 + signal} where Python reports {@code -signal}.
     */
    public Integer returncode() {
        return returncode;
    }

    /** The {@link Process} itself, for what Java offers beyond asyncio (its {@code ProcessHandle}, say). */
    public Process process() {
        return process;
    }

    /** Asks the child to stop (SIGTERM on POSIX): asyncio's {@code terminate()}. */
    public void terminate() {
        process.destroy();
    }

    /** Stops the child at once (SIGKILL on POSIX): asyncio's {@code kill()}. */
    public void kill() {
        process.destroyForcibly();
    }

    /** Waits until the child has exited and its output pipes have ended; returns the exit code. */
    @Async
    public Coroutine<Integer> waitFor() {
        if (finished) {
            return Coroutine.of(returncode);
        }
        Future<Integer> w = loop.createFuture();
        exitWaiters.add(w);
        return Coroutine.of(await(w));
    }

    /**
     * Sends {@code input} (null: nothing) to stdin and closes it, reads stdout and stderr to their end, waits for the
     * child to exit, and returns what was read. As in asyncio, only piped streams take part: start the child with
     * {@link Stdio#pipe()} (or the streams wanted as {@link Stdio.Redirect#PIPE}); an output not piped reads as
     * null, input for a stdin not piped is dropped. A child that exits without reading its input is not an error
     * (the broken pipe is ignored, as asyncio does).
     */
    @Async
    public Coroutine<Output> communicate(byte[] input) {
        Coroutine<Object> feed = stdin != null ? feedStdin(input) : readAll(null, null);
        List<Object> outputs = await(gather(feed, readAll(stdout, stdoutPipe), readAll(stderr, stderrPipe)));
        await(waitFor());
        return Coroutine.of(new Output((byte[]) outputs.get(1), (byte[]) outputs.get(2)));
    }

    /** Feeds stdin and closes it; a broken pipe is ignored, as asyncio's {@code communicate} does. */
    @Async
    private Coroutine<Object> feedStdin(byte[] input) {
        try {
            if (input != null) {
                stdin.write(input);
            }
            await(stdin.drain());
        } catch (IOException brokenPipe) {
            // the child exited without reading all its input: not an error here
        }
        stdin.close();
        return Coroutine.of(null);
    }

    /** Reads one output stream to its end, then closes its pipe; nothing for a stream that is not piped. */
    @Async
    private static Coroutine<Object> readAll(StreamReader reader, PipeReader pipe) {
        if (reader == null) {
            return Coroutine.of(null);
        }
        byte[] output;
        try {
            output = await(reader.read());
        } catch (IOException e) {
            // The pipe failed: communicate raises it through gather, as asyncio does.
            throw AsyncSupport.<RuntimeException>sneaky(e);
        }
        pipe.close();
        return Coroutine.of(output);
    }

    private void processExited(int code) {
        returncode = code;
        if (stdinPipe != null) {
            stdinPipe.processExited();
        }
        tryFinish();
    }

    private void pipeClosed() {
        openPipes--;
        tryFinish();
    }

    private void tryFinish() {
        if (finished || returncode == null || openPipes > 0) {
            return;
        }
        finished = true;
        List<Future<Integer>> ws = exitWaiters;
        exitWaiters = null;
        for (Future<Integer> w : ws) {
            if (!w.cancelled()) {
                w.setResult(returncode);
            }
        }
    }

    @Override
    public String toString() {
        return "<Subprocess " + process.pid() + (returncode != null ? " returncode=" + returncode : "") + ">";
    }
}
