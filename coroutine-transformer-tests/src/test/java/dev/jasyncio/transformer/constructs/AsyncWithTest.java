package dev.jasyncio.transformer.constructs;

import dev.jasyncio.transformer.validation.Twin;
import dev.jasyncio.transformer.validation.ValidationSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code async with}: try-with-resources over an {@code AsyncCloseable} in an async body awaits {@code aenter()} on
 * entry and {@code aexit(failure)} however the block is left; checked against CPython and against the synchronous
 * twin of the same block over a plain {@code AutoCloseable}.
 */
class AsyncWithTest {

    /** cpython/async_with.py */
    @Test
    void taskGroupTimeoutLockAndSuppressingOrReplacingResourcesBehaveAsInCpython() throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.With", String.join("\n",
                "package t;",
                "import dev.jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import dev.jasyncio.sync.Lock;",
                "import java.util.*;",
                "import static dev.jasyncio.Asyncio.*;",
                "public class With {",
                "  static final List<String> out = new ArrayList<>();",
                "  static void print(Object... parts) { StringJoiner j = new StringJoiner(\" \"); for (Object p : parts) j.add(String.valueOf(p)); out.add(j.toString()); }",
                "  static String repr(Throwable e) { return e == null ? \"None\" : e.getClass().getSimpleName() + \"('\" + e.getMessage() + \"')\"; }",
                "  static final class ValueError extends RuntimeException { ValueError(String m) { super(m); } }",
                "  static final class KeyError extends RuntimeException { KeyError(String m) { super(m); } }",
                "  @Async static Coroutine<String> child(String name, double delay, boolean fail) {",
                "    try { await(sleep(delay)); } catch (CancelledError e) { print(name, \"cancelled\"); throw e; }",
                "    if (fail) throw new ValueError(name);",
                "    print(name, \"done\");",
                "    return Coroutine.of(name);",
                "  }",
                "  static final class Res implements AsyncCloseable {",
                "    final String name; final boolean answer; final boolean replace;",
                "    Res(String name, boolean answer, boolean replace) { this.name = name; this.answer = answer; this.replace = replace; }",
                "    @Async public Coroutine<Void> aenter() { await(sleep(0)); print(\"enter\", name); return Coroutine.of(null); }",
                "    @Async public Coroutine<Boolean> aexit(Throwable e) {",
                "      await(sleep(0)); print(\"exit\", name, repr(e));",
                "      if (replace && e != null) throw new KeyError(name);",
                "      return Coroutine.of(answer);",
                "    }",
                "  }",
                "  @Async static Coroutine<List<String>> main() throws Exception {",
                "    Task<String> a;",
                "    try (TaskGroup tg = taskGroup()) {",
                "      a = tg.createTask(child(\"a\", 0.02, false));",
                "      tg.createTask(child(\"b\", 0.01, false));",
                "    }",
                "    print(\"after group\", a.result());",
                "    try {",
                "      try (TaskGroup tg = taskGroup()) {",
                "        tg.createTask(child(\"c\", 0.01, true));",
                "        tg.createTask(child(\"d\", 1, false));",
                "        await(sleep(1));",
                "        print(\"never\");",
                "      }",
                "    } catch (ExceptionGroup eg) {",
                "      StringJoiner j = new StringJoiner(\", \", \"[\", \"]\"); for (Throwable e : eg.exceptions()) j.add(repr(e));",
                "      print(\"group failed\", j);",
                "    }",
                "    Timeout t = null;",
                "    try {",
                "      try (Timeout scope = timeout(0.01)) { t = scope; await(sleep(1)); }",
                "    } catch (TimeoutError e) {",
                "      print(\"timed out\", t.expired() ? \"True\" : \"False\", e.getCause().getClass().getSimpleName());",
                "    }",
                "    Lock lock = new Lock();",
                "    try {",
                "      try (lock) { print(\"locked\", lock.locked() ? \"True\" : \"False\"); throw new ValueError(\"in lock\"); }",
                "    } catch (ValueError e) {",
                "      print(\"released\", lock.locked() ? \"True\" : \"False\", repr(e));",
                "    }",
                "    int x = 0;",
                "    try (Res r = new Res(\"s\", true, false)) {",
                "      x = 1;",
                "      if (x > 0) throw new ValueError(\"suppressed\");",
                "    }",
                "    print(\"after suppress\", x);",
                "    try {",
                "      try (Res r = new Res(\"r\", false, true)) { if (x > 0) throw new ValueError(\"replaced\"); }",
                "    } catch (KeyError e) {",
                "      print(\"replaced by\", repr(e));",
                "    }",
                "    try (Res r = new Res(\"n\", true, false)) { }",
                "    print(\"end\");",
                "    return Coroutine.of(out);",
                "  }",
                "}"));
        assertEquals(Cpython.output("async_with"), l.run("t.With", "main"));
    }
}
