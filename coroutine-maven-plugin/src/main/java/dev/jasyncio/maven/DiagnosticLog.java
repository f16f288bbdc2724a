package dev.jasyncio.maven;

import dev.jasyncio.transformer.Diagnostic;
import org.apache.maven.plugin.logging.Log;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes diagnostics to the build log in javac's {@code File.java:[line,col] [ID] message} form, once each
 * (a finding at the same line under the same id is one mistake), and counts the errors.
 */
final class DiagnosticLog {

    private final Log log;
    private final boolean errorsFail;
    private final Set<String> seen = new HashSet<>();
    private int errors;

    /** {@code errorsFail}: errors are logged as errors (the build will fail) rather than as warnings. */
    DiagnosticLog(Log log, boolean errorsFail) {
        this.log = log;
        this.errorsFail = errorsFail;
    }

    void report(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            if (!seen.add(d.file() + ':' + d.line() + ':' + d.id())) {
                continue;
            }
            if (d.isError()) {
                errors++;
                if (errorsFail) {
                    log.error(d.format());
                } else {
                    log.warn(d.format());
                }
            } else {
                log.warn(d.format());
            }
        }
    }

    /** Errors reported so far. */
    int errors() {
        return errors;
    }
}
