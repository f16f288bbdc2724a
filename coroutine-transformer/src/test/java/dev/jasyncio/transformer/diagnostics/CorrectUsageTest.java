package dev.jasyncio.transformer.diagnostics;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Correct code, and code using other libraries' {@code await} and {@code @Async}: no finding at all. */
class CorrectUsageTest {

    @ParameterizedTest
    @ValueSource(strings = {"CorrectUsage.java", "ForeignNames.java", "OtherAsyncio.java"})
    void reportsNothing(String resource) {
        DiagnosticTestHelper.assertMarkedFindings(resource);
    }
}
