package dev.jasyncio.transformer.diagnostics;

import org.junit.jupiter.api.Test;

/** The {@code ASYNC_CONSTRUCTOR} rule over {@code diagnostics/AsyncConstructorCases.java}: flagged and silent cases side by side. */
class AsyncConstructorTest {

    @Test
    void findsExactlyTheMarkedLines() {
        DiagnosticTestHelper.assertMarkedFindings("AsyncConstructorCases.java");
    }
}
