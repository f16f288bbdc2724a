package dev.jasyncio.transformer.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The first construct: an async method that sleeps, awaits another, and returns a value. */
class BasicsTest {

    @Test
    void awaitsSleepAndAnotherCoroutine() throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Basics", String.join("\n",
                "package t;",
                "import dev.jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import static dev.jasyncio.Asyncio.*;",
                "public class Basics {",
                "  @Async static Coroutine<Integer> twice(int x) {",
                "    await(sleep(0.001));",
                "    return Coroutine.of(x * 2);",
                "  }",
                "  @Async public static Coroutine<String> main() {",
                "    int a = await(twice(20));",
                "    long big = 1L << 40; double d = 0.5;",
                "    int b = await(twice(1));",
                "    return Coroutine.of(a + b + \":\" + big + \":\" + d);",
                "  }",
                "}"));
        assertEquals("42:1099511627776:0.5", l.run("t.Basics", "main"));
    }
}
