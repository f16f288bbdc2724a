package dev.jasyncio.maven;

import dev.jasyncio.transformer.Diagnostic;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DiagnosticLogTest {

    private static final Diagnostic AWAIT = Diagnostic.error("AWAIT_OUTSIDE_ASYNC", "/src/com/acme/Foo.java", 7, 9,
            "await outside an async body", null);
    private static final Diagnostic WARNING = new Diagnostic(Diagnostic.Severity.WARNING, "SLOW", "/src/Bar.java", 3, 1,
            "looks slow", null);

    /** Each of the transformer's findings ends with its rule's page; a foreign id has none. */
    private static final String SEE_PAGE = System.lineSeparator() + "    (see docs/diagnostics/AWAIT_OUTSIDE_ASYNC.md)";

    @Test
    void errorsAreLoggedAsErrorsInJavacFormWhenTheyFailTheBuild() {
        RecordingLog log = new RecordingLog();
        DiagnosticLog diagnostics = new DiagnosticLog(log, true);
        diagnostics.report(List.of(AWAIT, WARNING));
        assertEquals(List.of("error: /src/com/acme/Foo.java:[7,9] [AWAIT_OUTSIDE_ASYNC] await outside an async body"
                        + SEE_PAGE, "warn: /src/Bar.java:[3,1] [SLOW] looks slow"), log.lines);
        assertEquals(1, diagnostics.errors());
    }

    @Test
    void errorsAreWarningsWhenTheBuildMustNotFail() {
        RecordingLog log = new RecordingLog();
        DiagnosticLog diagnostics = new DiagnosticLog(log, false);
        diagnostics.report(List.of(AWAIT));
        assertEquals(List.of("warn: /src/com/acme/Foo.java:[7,9] [AWAIT_OUTSIDE_ASYNC] await outside an async body"
                + SEE_PAGE), log.lines);
        assertEquals(1, diagnostics.errors());
    }

    @Test
    void theSameFindingFromSourceAndBytecodeIsReportedOnce() {
        RecordingLog log = new RecordingLog();
        DiagnosticLog diagnostics = new DiagnosticLog(log, true);
        Diagnostic fromBytecode = Diagnostic.error("AWAIT_OUTSIDE_ASYNC", "/src/com/acme/Foo.java", 7, 0,
                "await outside an async body (bytecode)", null);
        diagnostics.report(List.of(AWAIT));
        diagnostics.report(List.of(fromBytecode));
        assertEquals(1, log.lines.size());
        assertEquals(1, diagnostics.errors());
    }

    /** Keeps what was logged, prefixed by its level. */
    private static final class RecordingLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void error(CharSequence content) {
            lines.add("error: " + content);
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("warn: " + content);
        }

        @Override
        public void info(CharSequence content) {
            lines.add("info: " + content);
        }
    }
}
