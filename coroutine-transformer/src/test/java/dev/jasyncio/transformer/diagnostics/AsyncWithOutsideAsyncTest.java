package dev.jasyncio.transformer.diagnostics;

import org.junit.jupiter.api.Test;

/** The {@code ASYNC_WITH_OUTSIDE_ASYNC} rule over {@code diagnostics/AsyncWithOutsideAsyncCases.java}. */
class AsyncWithOutsideAsyncTest {

    @Test
    void findsExactlyTheMarkedLines() {
        DiagnosticTestHelper.assertMarkedFindings("AsyncWithOutsideAsyncCases.java");
    }
}
