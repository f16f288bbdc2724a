package demo;

import dev.jasyncio.AsyncFunction;
import dev.jasyncio.AsyncRunnable;
import dev.jasyncio.AsyncSupplier;
import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.sync.Barrier;
import dev.jasyncio.sync.Condition;
import dev.jasyncio.sync.Event;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static dev.jasyncio.Asyncio.*;

/** Correct jasyncio code: not one finding. Mentions of await( in comments and "await(x)" strings do not count. */
class CorrectUsage {

    static final AsyncSupplier<String> GREETING = () -> {
        await(sleep(0));
        return Coroutine.of("hello");
    };

    private AsyncFunction<String, Integer> parser;

    @Async
    static Coroutine<String> fetchData(String source, double delaySeconds) {
        await(sleep(delaySeconds));
        return Coroutine.of("data from " + source);
    }

    @Async
    static Coroutine<Void> main() {
        Task<String> a = createTask(fetchData("API", 2), "api");
        String ra = await(a);
        String rb = Asyncio.await(fetchData("x", 0.1));
        String rc = dev.jasyncio.Asyncio.<String>await(fetchData("y", 0.1));
        List<String> all = await(gather(fetchData("x", 0.5), fetchData("y", 0.1)));
        for (String item : all) {
            await(sleep(0));
        }
        String joined = ra + rb + rc + "await(x)";
        await(taskGroup(tg -> {
            tg.createTask(fetchData("child", 0));
            await(sleep(1));
            return Coroutine.of(null);
        }));
        String late = await(timeout(2.0, t -> {
            await(sleep(1));
            return fetchData("late", 0);
        }));
        await(timeoutAt(10.0, t -> fetchData(await(fetchData("inner", 0)), 0)));
        return Coroutine.of(null);
    }

    @Async
    Coroutine<Integer> lambdasWithAsyncTargets() {
        AsyncFunction<String, Integer> length = s -> Coroutine.of(await(fetchData(s, 0)).length());
        AsyncRunnable tick = () -> {
            await(sleep(0));
            return Coroutine.of(null);
        };
        parser = s -> {
            String d = await(fetchData(s, 0));
            return parse(d);
        };
        Object cast = (AsyncSupplier<String>) () -> {
            await(sleep(0));
            return fetchData("cast", 0);
        };
        Supplier<Coroutine<String>> supplier = () -> {
            await(sleep(0));
            return fetchData("supplied", 0);
        };
        Object unknownTarget = retry(3, () -> {
            await(sleep(0));
            return Coroutine.of("retried");
        });
        return Coroutine.of(await(length.apply("abc")));
    }

    static AsyncFunction<String, String> factory() {
        return s -> {
            await(sleep(0));
            return fetchData(s, 0);
        };
    }

    static Coroutine<Integer> parse(String s) {
        return Coroutine.of(s.length());
    }

    static <T> Object retry(int times, Callable<Coroutine<T>> body) {
        return body;
    }

    static void nestedAsyncMethods() {
        class Local {
            @Async
            Coroutine<String> inner() {
                return Coroutine.of(await(fetchData("local", 0)));
            }
        }
        Object anonymous = new Object() {
            @Async
            Coroutine<String> inner() {
                return Coroutine.of(await(fetchData("anonymous", 0)));
            }
        };
        Asyncio.run(new Local().inner());
    }

    @Async
    static Coroutine<Void> otherAwaitMethods(Condition condition, Event event, Barrier barrier,
                                             CountDownLatch latch, Waiter waiter) throws Exception {
        await(condition.await());
        await(event.await());
        await(barrier.await());
        latch.await(1, TimeUnit.SECONDS);
        waiter.await(latch);
        new Waiter().await("x");
        return Coroutine.of(null);
    }

    static void blockingCode(Condition condition, CountDownLatch latch, Waiter waiter) throws Exception {
        condition.await();
        latch.await();
        latch.await(1, TimeUnit.SECONDS);
        waiter.await(latch);
        List<Runnable> later = new ArrayList<>();
        later.add(() -> waiter.await("in a lambda"));
    }

    /** Its own await shadows the static import inside this class. */
    static final class Waiter {
        void await(Object o) {
        }

        void useOwn(Object o) {
            await(o);
        }
    }

    interface Repository {
        @Async
        default Coroutine<String> load(String id) {
            await(sleep(0));
            return Coroutine.of(id);
        }
    }

    sealed interface Shape permits Circle, Square {
    }

    record Circle(double r) implements Shape {
    }

    record Square(double side) implements Shape {
    }

    @Async
    static Coroutine<Double> modernSyntax(Shape shape) {
        double area = switch (shape) {
            case Circle c when c.r() > 10 -> await(big(c));
            case Circle(double r) -> Math.PI * r * r;
            case Square s -> {
                await(sleep(0));
                yield s.side() * s.side();
            }
        };
        if (shape instanceof Square(var side) && side > 1) {
            await(sleep(0));
        }
        var text = """
                await(text blocks are not code)
                """;
        return Coroutine.of(area);
    }

    @Async
    static Coroutine<Double> big(Circle c) {
        return Coroutine.of(0.0);
    }
}
