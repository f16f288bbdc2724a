package dev.jasyncio.transformer.diagnostics;

import org.junit.jupiter.api.Test;

/** The {@code AWAIT_IN_LAMBDA} rule over {@code diagnostics/AwaitInLambdaCases.java}: flagged and silent cases side by side. */
class AwaitInLambdaTest {

    @Test
    void findsExactlyTheMarkedLines() {
        DiagnosticTestHelper.assertMarkedFindings("AwaitInLambdaCases.java");
    }
}
