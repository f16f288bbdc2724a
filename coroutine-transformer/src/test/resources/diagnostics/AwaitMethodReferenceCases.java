package demo;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.sync.Condition;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.jasyncio.Asyncio.*;

class AwaitMethodReferenceCases {

    @Async
    static Coroutine<List<String>> all(List<Task<String>> tasks) {
        // BUG: Diagnostic contains: AWAIT_METHOD_REFERENCE
        List<String> results = tasks.stream().map(Asyncio::await).collect(Collectors.toList());
        // BUG: Diagnostic contains: AWAIT_METHOD_REFERENCE
        Function<Task<String>, String> f = dev.jasyncio.Asyncio::await;
        // BUG: Diagnostic contains: AWAIT_METHOD_REFERENCE
        Function<Task<String>, String> g = Asyncio::<String>await;
        // What to write instead.
        List<String> gathered = await(gather(tasks));
        return Coroutine.of(gathered);
    }

    static void others(Condition condition, CountDownLatch latch) {
        // Other classes' await methods are not jasyncio's.
        Runnable a = condition::await;
        Interruptible b = latch::await;
        Runnable c = Other::await;
    }

    interface Interruptible {
        void run() throws InterruptedException;
    }

    static final class Other {
        static void await() {
        }
    }
}
