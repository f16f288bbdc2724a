package dev.jasyncio.transformer.diagnostics;

import org.junit.jupiter.api.Test;

/**
 * {@code diagnostics/SeveralMisusesCases.java}: misuses of different rules in one file are all found at once (the
 * build's side of it is in {@link BytecodeAgreesWithSourcesTest}).
 */
class SeveralMisusesTest {

    @Test
    void findsExactlyTheMarkedLines() {
        DiagnosticTestHelper.assertMarkedFindings("SeveralMisusesCases.java");
    }
}
