package dev.jasyncio.transformer.diagnostics;

import dev.jasyncio.transformer.Diagnostic;
import dev.jasyncio.transformer.SourceDiagnostics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The exact text a user sees: Maven's {@code File.java:[line,col] [ID] message}, then the hint. */
class FormattingTest {

    private static final String NL = System.lineSeparator();

    @Test
    void awaitOutsideAsyncAsJavacWouldPrintIt() {
        String code = String.join("\n",
                "package demo;",
                "",
                "import dev.jasyncio.Coroutine;",
                "",
                "import static dev.jasyncio.Asyncio.*;",
                "",
                "/** Fetches. */",
                "class Foo {",
                "",
                "    // not async",
                "    static void fetch() {",
                "        await(sleep(1));",
                "    }",
                "}",
                "");
        List<Diagnostic> found = SourceDiagnostics.checkSource("Foo.java", code);
        assertEquals(1, found.size(), found::toString);
        assertEquals("Foo.java:[12,9] [AWAIT_OUTSIDE_ASYNC] await outside an async body: method fetch is not @Async"
                        + NL + "    did you mean @Async Coroutine<Void> fetch(...)? return Coroutine.of(null), and callers await it"
                        + NL + "    (see docs/diagnostics/AWAIT_OUTSIDE_ASYNC.md)",
                found.get(0).format());
        assertEquals(Diagnostic.Severity.ERROR, found.get(0).severity());
    }

    @Test
    void asyncNotCoroutineNamesTheTypeToUse() {
        String code = String.join("\n",
                "import dev.jasyncio.annotations.Async;",
                "class Bar {",
                "    @Async",
                "    long count() { return 1; }",
                "}");
        assertEquals(List.of("Bar.java:[3,5] [ASYNC_NOT_COROUTINE] @Async method count must return Coroutine<T> "
                        + "(or AsyncGenerator<T>), not long"
                        + NL + "    did you mean Coroutine<Long>? return Coroutine.of(value)"
                        + NL + "    (see docs/diagnostics/ASYNC_NOT_COROUTINE.md)"),
                formatted(SourceDiagnostics.checkSource("Bar.java", code)));
    }

    @Test
    void synchronizedAndLambdaMessagesSayWhy() {
        String code = String.join("\n",
                "import dev.jasyncio.Coroutine;",
                "import dev.jasyncio.annotations.Async;",
                "import static dev.jasyncio.Asyncio.*;",
                "class Baz {",
                "    @Async",
                "    Coroutine<Void> run(java.util.List<String> items) {",
                "        synchronized (this) { await(sleep(0)); }",
                "        items.forEach(i -> await(sleep(0)));",
                "        return Coroutine.of(null);",
                "    }",
                "}");
        assertEquals(List.of(
                "Baz.java:[7,31] [AWAIT_IN_SYNCHRONIZED] await inside a synchronized block: a coroutine cannot hold a "
                        + "monitor across a suspension; use dev.jasyncio.sync.Lock" + NL
                        + "    did you mean await(lock.acquire()); try { ... } finally { lock.release(); } with a "
                        + "dev.jasyncio.sync.Lock?" + NL + "    (see docs/diagnostics/AWAIT_IN_SYNCHRONIZED.md)",
                "Baz.java:[8,28] [AWAIT_IN_LAMBDA] await in a lambda that is not async; the lambda runs later, outside "
                        + "the coroutine" + NL
                        + "    did you mean a for loop? for (var item : items) { await(...); } suspends the coroutine "
                        + "at each item" + NL + "    (see docs/diagnostics/AWAIT_IN_LAMBDA.md)"),
                formatted(SourceDiagnostics.checkSource("Baz.java", code)));
    }

    @Test
    void tabsCountToTheNextMultipleOfEight() {
        String code = "import static dev.jasyncio.Asyncio.*;\nclass T {\n\tvoid f() {\n\t\tawait(x);\n  \t  await(y);\n\t}\n}\n";
        List<Diagnostic> found = SourceDiagnostics.checkSource("T.java", code);
        assertEquals(List.of("4:17", "5:11"), found.stream().map(d -> d.line() + ":" + d.column()).toList());
    }

    private static List<String> formatted(List<Diagnostic> found) {
        return found.stream().map(Diagnostic::format).toList();
    }
}
