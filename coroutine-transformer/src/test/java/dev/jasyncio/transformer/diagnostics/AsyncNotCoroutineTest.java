package dev.jasyncio.transformer.diagnostics;

import org.junit.jupiter.api.Test;

/** The {@code ASYNC_NOT_COROUTINE} rule over {@code diagnostics/AsyncNotCoroutineCases.java}: flagged and silent cases side by side. */
class AsyncNotCoroutineTest {

    @Test
    void findsExactlyTheMarkedLines() {
        DiagnosticTestHelper.assertMarkedFindings("AsyncNotCoroutineCases.java");
    }
}
