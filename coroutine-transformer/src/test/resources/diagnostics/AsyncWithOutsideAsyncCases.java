package demo;

import dev.jasyncio.Coroutine;
import dev.jasyncio.TaskGroup;
import dev.jasyncio.Timeout;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.sync.Lock;

import static dev.jasyncio.Asyncio.taskGroup;
import static dev.jasyncio.Asyncio.timeout;

public class AsyncWithOutsideAsyncCases {

    private final Lock lock = new Lock();

    void plainMethod(StringBuilder out) {
        // BUG: Diagnostic contains: ASYNC_WITH_OUTSIDE_ASYNC
        try (TaskGroup tg = taskGroup()) {
            out.append(tg);
        }
        // BUG: Diagnostic contains: ASYNC_WITH_OUTSIDE_ASYNC
        try (lock) {
            out.append("locked");
        }
    }

    static void withTimeout(StringBuilder out) {
        // BUG: Diagnostic contains: ASYNC_WITH_OUTSIDE_ASYNC
        try (var t = timeout(1.0)) {
            out.append(t);
        }
    }

    @Async
    Coroutine<Void> asyncMethod(StringBuilder out) {
        try (TaskGroup tg = taskGroup(); Timeout t = timeout(2.0)) {
            out.append(tg).append(t);
        }
        try (lock) {
            out.append("locked");
        }
        try (java.io.StringWriter w = new java.io.StringWriter()) {
            out.append(w);
        } catch (java.io.IOException e) {
            out.append(e);
        }
        return Coroutine.of(null);
    }
}
