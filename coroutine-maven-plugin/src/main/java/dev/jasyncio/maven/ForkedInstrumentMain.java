package dev.jasyncio.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The entry point of a forked instrumenter: {@code ForkedInstrumentMain REQUEST_FILE OUTCOME_FILE} runs the request
 * and writes its outcome. Problems in user code are part of the outcome; the exit status is not 0 only when the run
 * itself failed, with the reason on standard error.
 */
public final class ForkedInstrumentMain {

    /** The run failed reading or writing files. */
    static final int IO_FAILURE = 2;
    /** The transformer failed: a bug of ours. */
    static final int INTERNAL_ERROR = 3;

    private ForkedInstrumentMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: ForkedInstrumentMain REQUEST_FILE OUTCOME_FILE");
            System.exit(IO_FAILURE);
        }
        try {
            InstrumentRequest.read(Path.of(args[0])).run().write(Path.of(args[1]));
        } catch (IOException | UncheckedIOException e) {
            System.err.println(e);
            System.exit(IO_FAILURE);
        } catch (RuntimeException e) {
            // InstrumentationException among them: a transformer bug, which names the class and version.
            e.printStackTrace();
            System.exit(INTERNAL_ERROR);
        }
    }
}
