package dev.jasyncio.transformer.diagnostics;

import dev.jasyncio.transformer.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code RETURN_NULL_IN_ASYNC} rule over {@code diagnostics/ReturnNullInAsyncCases.java}. */
class ReturnNullInAsyncTest {

    @Test
    void findsExactlyTheMarkedLines() {
        List<Diagnostic> found = DiagnosticTestHelper.assertMarkedFindings("ReturnNullInAsyncCases.java");
        for (Diagnostic d : found) {
            assertTrue(d.hint().contains("return Coroutine.of(null)"), d.format());
        }
    }
}
