package dev.jasyncio.transformer.diagnostics;

import dev.jasyncio.transformer.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code ASYNC_ABSTRACT} rule over {@code diagnostics/AsyncAbstractCases.java}: flagged and silent cases side by side. */
class AsyncAbstractTest {

    @Test
    void findsExactlyTheMarkedLines() {
        DiagnosticTestHelper.assertMarkedFindings("AsyncAbstractCases.java");
    }

    /** A declaration that already returns a coroutine keeps its type in the hint: it is not wrapped again. */
    @Test
    void hintKeepsACoroutineReturnTypeAsItIs() {
        List<Diagnostic> found = DiagnosticTestHelper.assertMarkedFindings("AsyncAbstractCases.java");
        Diagnostic fetch = found.stream().filter(d -> d.message().contains("abstract method fetch")).findFirst()
                .orElseThrow();
        assertTrue(fetch.hint().contains("returns Coroutine<String>"), fetch.hint());
        for (Diagnostic d : found) {
            assertTrue(d.hint() == null || !d.hint().contains("Coroutine<Coroutine"), d.format());
        }
        Diagnostic both = found.stream().filter(d -> d.id().equals("ASYNC_ABSTRACT")
                && d.message().contains("both")).findFirst().orElseThrow();
        assertTrue(both.hint().contains("returns Coroutine<String>"), both.hint());
        assertEquals("ASYNC_ABSTRACT", fetch.id());
    }
}
