package dev.jasyncio.transformer.diagnostics;

import org.junit.jupiter.api.Test;

/** The {@code AWAIT_IN_SYNCHRONIZED} rule over {@code diagnostics/AwaitInSynchronizedCases.java}: flagged and silent cases side by side. */
class AwaitInSynchronizedTest {

    @Test
    void findsExactlyTheMarkedLines() {
        DiagnosticTestHelper.assertMarkedFindings("AwaitInSynchronizedCases.java");
    }
}
