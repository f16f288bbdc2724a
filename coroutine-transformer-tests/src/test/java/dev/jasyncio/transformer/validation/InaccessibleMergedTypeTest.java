package dev.jasyncio.transformer.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A local whose value comes from two branches, a StringBuilder or a StringBuffer: the verifier's merged type is
 * their common superclass, the package-private java.lang.AbstractStringBuilder. Restored after an await, the value
 * must not be cast to a class the method cannot access (found by the differential fuzzer).
 */
class InaccessibleMergedTypeTest {

    private static final String SOURCE = String.join("\n",
            "package t;",
            "import dev.jasyncio.*;",
            "import dev.jasyncio.annotations.Async;",
            "import static dev.jasyncio.Asyncio.*;",
            "public class Merged {",
            "  @Async public static Coroutine<String> local(boolean b) {",
            "    CharSequence cs = b ? new StringBuilder(\"x\") : new StringBuffer(\"yy\");",
            "    await(sleep(0));",
            "    return Coroutine.of(cs.toString() + cs.length());",
            "  }",
            "  @Async public static Coroutine<String> onTheStack(boolean b) {",
            "    return Coroutine.of(String.join(b ? new StringBuilder(\"-\") : new StringBuffer(\"+\"), \"a\",",
            "        await(sleep(0, \"z\"))));",
            "  }",
            "}");

    @Test
    void aLocalOfAnInaccessibleMergedTypeSurvivesAnAwait() throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Merged", SOURCE);
        assertEquals("x1", l.run("t.Merged", "local", true));
        assertEquals("yy2", l.run("t.Merged", "local", false));
    }

    @Test
    void aStackValueOfAnInaccessibleMergedTypeSurvivesAnAwait() throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Merged", SOURCE);
        assertEquals("a-z", l.run("t.Merged", "onTheStack", true));
    }
}
