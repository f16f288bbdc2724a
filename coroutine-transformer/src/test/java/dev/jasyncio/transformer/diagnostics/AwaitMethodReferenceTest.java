package dev.jasyncio.transformer.diagnostics;

import org.junit.jupiter.api.Test;

/** The {@code AWAIT_METHOD_REFERENCE} rule over {@code diagnostics/AwaitMethodReferenceCases.java}: flagged and silent cases side by side. */
class AwaitMethodReferenceTest {

    @Test
    void findsExactlyTheMarkedLines() {
        DiagnosticTestHelper.assertMarkedFindings("AwaitMethodReferenceCases.java");
    }
}
