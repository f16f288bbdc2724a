package dev.jasyncio.transformer.diagnostics;

import org.junit.jupiter.api.Test;

/** The {@code ASYNC_FOR_OUTSIDE_ASYNC} rule over {@code diagnostics/AsyncForOutsideAsyncCases.java}. */
class AsyncForOutsideAsyncTest {

    @Test
    void findsExactlyTheMarkedLines() {
        DiagnosticTestHelper.assertMarkedFindings("AsyncForOutsideAsyncCases.java");
    }
}
