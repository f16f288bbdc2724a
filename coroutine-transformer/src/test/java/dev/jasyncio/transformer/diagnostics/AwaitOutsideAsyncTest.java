package dev.jasyncio.transformer.diagnostics;

import org.junit.jupiter.api.Test;

/** The {@code AWAIT_OUTSIDE_ASYNC} rule over {@code diagnostics/AwaitOutsideAsyncCases.java}: flagged and silent cases side by side. */
class AwaitOutsideAsyncTest {

    @Test
    void findsExactlyTheMarkedLines() {
        DiagnosticTestHelper.assertMarkedFindings("AwaitOutsideAsyncCases.java");
    }
}
