package dev.jasyncio;

import dev.jasyncio.testing.PyErrors.ValueError;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.jasyncio.Asyncio.asCompleted;
import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static dev.jasyncio.testing.Py.repr;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code Asyncio.wait} and {@code asCompleted}, against asyncio. */
class WaitTest extends TestBase {

    private static Coroutine<String> work(String name, double delay, boolean fail) {
        return coro("work", v -> awaiting(sleep(delay)), v -> {
            if (fail) {
                throw new ValueError(name);
            }
            return name;
        });
    }

    private static List<String> names(Set<? extends Future<?>> fs, Map<String, Task<String>> tasks) {
        TreeSet<String> out = new TreeSet<>();
        tasks.forEach((n, t) -> {
            if (fs.contains(t)) {
                out.add(n);
            }
        });
        return new ArrayList<>(out);
    }

    /** cpython/wait_modes.py */
    @Test
    void returnWhenModesTimeoutAndTheVeryFutures() {
        Map<String, Task<String>> tasks = new LinkedHashMap<>();
        run(coro("main", v -> {
            tasks.put("a", createTask(work("a", 0.01, false)));
            tasks.put("b", createTask(work("b", 0.02, true)));
            tasks.put("c", createTask(work("c", 0.2, false)));
            return awaiting(Asyncio.wait(tasks.values(), ReturnWhen.FIRST_COMPLETED));
        }, v -> {
            WaitResult<?> r = (WaitResult<?>) v;
            say("FIRST_COMPLETED", names(r.done(), tasks), names(r.pending(), tasks));
            return awaiting(Asyncio.wait(tasks.values(), ReturnWhen.FIRST_EXCEPTION));
        }, v -> {
            WaitResult<?> r = (WaitResult<?>) v;
            say("FIRST_EXCEPTION", names(r.done(), tasks), names(r.pending(), tasks));
            return awaiting(Asyncio.wait(tasks.values(), 0.005));
        }, v -> {
            WaitResult<?> r = (WaitResult<?>) v;
            say("timeout", names(r.done(), tasks), names(r.pending(), tasks), tasks.get("c").cancelled());
            return awaiting(Asyncio.wait(tasks.values()));
        }, v -> {
            @SuppressWarnings("unchecked")
            WaitResult<String> r = (WaitResult<String>) v;
            say("ALL_COMPLETED", names(r.done(), tasks), names(r.pending(), tasks));
            say(tasks.values().stream().allMatch(t -> r.done().stream().anyMatch(d -> d == t)));
            say(repr(tasks.get("b").exception()));
            Task<String> x = createTask(work("x", 0.01, false));
            return awaiting(Asyncio.wait(List.of(x), ReturnWhen.FIRST_EXCEPTION));
        }, v -> {
            WaitResult<?> r = (WaitResult<?>) v;
            say("no exception: waits for all", r.done().size(), r.pending().size());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Asyncio.wait(List.<Future<String>>of()));
            say("ValueError('" + e.getMessage() + "')");
            return null;
        }));
        assertOutput("wait_modes");
    }

    /** cpython/as_completed.py */
    @Test
    void asCompletedYieldsInCompletionOrderAndTimesOut() {
        List<Awaitable<String>> order = new ArrayList<>();
        run(coro("main", v -> {
            for (Awaitable<String> next : asCompleted(List.of(work("slow", 0.03, false), work("fast", 0.01, false),
                    work("mid", 0.02, false)))) {
                order.add(next);
            }
            for (Awaitable<String> next : asCompleted(List.of(work("quick", 0.01, false), work("late", 0.5, false)),
                    0.03)) {
                order.add(next);
            }
            return awaiting(order.get(0));
        }, catching((v, e) -> {
            say(e != null ? "timeout " + repr(e) : v);
            order.remove(0);
            if (order.isEmpty()) {
                return null;
            }
            return awaiting(order.get(0), 1);
        })));
        assertOutput("as_completed");
    }
}
