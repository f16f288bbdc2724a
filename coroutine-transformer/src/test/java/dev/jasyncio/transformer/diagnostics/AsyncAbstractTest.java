package dev.jasyncio.transformer.diagnostics;

import org.junit.jupiter.api.Test;

/** The {@code ASYNC_ABSTRACT} rule over {@code diagnostics/AsyncAbstractCases.java}: flagged and silent cases side by side. */
class AsyncAbstractTest {

    @Test
    void findsExactlyTheMarkedLines() {
        DiagnosticTestHelper.assertMarkedFindings("AsyncAbstractCases.java");
    }
}
