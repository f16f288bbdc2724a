package dev.jasyncio.streams;

import java.io.File;
import java.util.Objects;

/**
 * Where a child's stdin, stdout and stderr go: asyncio's {@code stdin=}, {@code stdout=}, {@code stderr=} arguments
 * of {@code create_subprocess_exec}. Each is inherited unless asked otherwise, as in asyncio: a stream nobody reads
 * is then never piped, so a child cannot block on a full pipe.
 *
 * <pre>{@code
 * import static dev.jasyncio.streams.Stdio.Redirect.PIPE;
 * Subprocess p = await(createSubprocessExec(Stdio.inherit().stdout(PIPE), "ls", "-l"));   // stdout=PIPE
 * Subprocess q = await(createSubprocessExec(Stdio.pipe(), "sort"));   // all three piped, for communicate(input)
 * }</pre>
 *
 * Immutable: each method returns a new value.
 */
public final class Stdio {

    /** What one stream becomes: asyncio's {@code None}, {@code PIPE}, {@code DEVNULL}, {@code STDOUT}. */
    public enum Redirect {
        /** The child shares the stream of this JVM (asyncio's {@code None}, the default). */
        INHERIT,
        /** A pipe: the {@link Subprocess}'s {@code stdin()}, {@code stdout()} or {@code stderr()}. */
        PIPE,
        /** The null device: input at its end at once, output discarded. */
        DEVNULL,
        /** For stderr only: into the same place as stdout (piped with it when stdout is a pipe). */
        STDOUT
    }

    private static final Stdio INHERIT = new Stdio(Redirect.INHERIT, Redirect.INHERIT, Redirect.INHERIT);
    private static final Stdio PIPE = new Stdio(Redirect.PIPE, Redirect.PIPE, Redirect.PIPE);

    private final Redirect stdin;
    private final Redirect stdout;
    private final Redirect stderr;

    private Stdio(Redirect stdin, Redirect stdout, Redirect stderr) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** All three inherited: asyncio's defaults, and what {@code createSubprocessExec(args)} uses. */
    public static Stdio inherit() {
        return INHERIT;
    }

    /** All three piped (Java's {@link ProcessBuilder} default). */
    public static Stdio pipe() {
        return PIPE;
    }

    /** The same, with stdin {@code r} ({@link Redirect#STDOUT} is refused: it is for stderr). */
    public Stdio stdin(Redirect r) {
        return new Stdio(notStdout(r, "stdin"), stdout, stderr);
    }

    /** The same, with stdout {@code r} ({@link Redirect#STDOUT} is refused: it is for stderr). */
    public Stdio stdout(Redirect r) {
        return new Stdio(stdin, notStdout(r, "stdout"), stderr);
    }

    /** The same, with stderr {@code r}. */
    public Stdio stderr(Redirect r) {
        return new Stdio(stdin, stdout, Objects.requireNonNull(r, "stderr"));
    }

    private static Redirect notStdout(Redirect r, String stream) {
        if (Objects.requireNonNull(r, stream) == Redirect.STDOUT) {
            throw new IllegalArgumentException("STDOUT can be used only for stderr, not for " + stream);
        }
        return r;
    }

    /** Sets {@code pb}'s redirections to these; returns {@code pb}. */
    ProcessBuilder applyTo(ProcessBuilder pb) {
        pb.redirectInput(stdin == Redirect.DEVNULL ? ProcessBuilder.Redirect.from(nullFile()) : java(stdin));
        pb.redirectOutput(java(stdout));
        if (stderr == Redirect.STDOUT) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectErrorStream(false);
            pb.redirectError(java(stderr));
        }
        return pb;
    }

    private static ProcessBuilder.Redirect java(Redirect r) {
        switch (r) {
            case PIPE:
                return ProcessBuilder.Redirect.PIPE;
            case DEVNULL:
                return ProcessBuilder.Redirect.DISCARD;
            default:
                return ProcessBuilder.Redirect.INHERIT;
        }
    }

    private static File nullFile() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        return new File(windows ? "NUL" : "/dev/null");
    }

    @Override
    public String toString() {
        return "Stdio[stdin=" + stdin + ", stdout=" + stdout + ", stderr=" + stderr + "]";
    }
}
