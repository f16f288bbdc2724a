package dev.jasyncio.transformer.validation;

import dev.jasyncio.transformer.Diagnostic;
import dev.jasyncio.transformer.InstrumentResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A method close to the JVM's 64 KB limit that would not fit once transformed is refused with a clear error. */
class MethodSizeTest {

    @Test
    void aBodyThatWouldOutgrowTheCodeLimitIsRefusedNotBroken() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            body.append("    long a").append(i).append(" = seed * ").append(i).append(";\n");
        }
        for (int i = 0; i < 600; i++) {
            body.append("    a").append(i % 40).append(" += await(one()) + a").append((i + 1) % 40).append(";\n");
        }
        StringBuilder sum = new StringBuilder("0");
        for (int i = 0; i < 40; i++) {
            sum.append(" + a").append(i);
        }
        String source = String.join("\n",
                "package t;",
                "import dev.jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import static dev.jasyncio.Asyncio.*;",
                "public class Big {",
                "  @Async static Coroutine<Long> one() { return Coroutine.of(1L); }",
                "  @Async public static Coroutine<Long> big(long seed) {",
                body.toString(),
                "    return Coroutine.of(" + sum + ");",
                "  }",
                "}");
        Map<String, byte[]> compiled = ValidationSupport.compile("t.Big", source);
        List<InstrumentResult> results = new ArrayList<>();
        Map<String, byte[]> classes = ValidationSupport.instrument(compiled, results);
        ValidationSupport.assertVerified(classes, ValidationSupport.loader(classes));
        InstrumentResult big = results.stream().filter(r -> r.className().equals("t/Big")).findFirst().orElseThrow();
        assertEquals(InstrumentResult.Status.FAILED, big.status());
        Diagnostic d = big.diagnostics().get(0);
        assertEquals("METHOD_TOO_LARGE", d.id());
        assertEquals("t/Big.java", d.file());
        assertTrue(d.message().contains("too large once transformed"), d.message());
        assertTrue(d.message().contains("65535"), d.message());
    }
}
