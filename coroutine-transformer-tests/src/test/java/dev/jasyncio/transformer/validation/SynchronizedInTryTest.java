package dev.jasyncio.transformer.validation;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A synchronized block inside a try: the monitor is released by the block's own catch-any handler before an
 * exception reaches the enclosing handler, so an await in that handler holds no monitor and is allowed.
 */
class SynchronizedInTryTest {

    @Test
    void anAwaitInTheCatchOfATryAroundASynchronizedBlock() throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Sync", String.join("\n",
                "package t;",
                "import dev.jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import static dev.jasyncio.Asyncio.*;",
                "public class Sync {",
                "  @Async public static Coroutine<String> m(StringBuilder log) {",
                "    try {",
                "      synchronized (log) { log.append(1 / log.length()); }",
                "    } catch (ArithmeticException e) {",
                "      await(sleep(0));",
                "      log.append('c');",
                "    }",
                "    return Coroutine.of(log.toString());",
                "  }",
                "}"));
        assertEquals("c", l.run("t.Sync", "m", new StringBuilder()));
    }

    @Test
    void aSynchronizedBlockInATryInALoopIsInstrumentedInBoundedTime() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            ValidationSupport.Loaded l = ValidationSupport.load("t.SyncLoop", String.join("\n",
                    "package t;",
                    "import dev.jasyncio.*;",
                    "import dev.jasyncio.annotations.Async;",
                    "import static dev.jasyncio.Asyncio.*;",
                    "public class SyncLoop {",
                    "  @Async public static Coroutine<String> m(StringBuilder log) {",
                    "    for (int i = 0; i < 2; i++) {",
                    "      try {",
                    "        synchronized (log) { log.append(i); }",
                    "      } catch (RuntimeException e) {",
                    "        log.append('c');",
                    "      }",
                    "      await(sleep(0));",
                    "    }",
                    "    return Coroutine.of(log.toString());",
                    "  }",
                    "}"));
            assertEquals("01", l.run("t.SyncLoop", "m", new StringBuilder()));
        });
    }
}
