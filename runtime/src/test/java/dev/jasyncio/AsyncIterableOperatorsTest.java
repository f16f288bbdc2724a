package dev.jasyncio;

import dev.jasyncio.annotations.Async;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.jasyncio.Asyncio.aiter;
import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.emit;
import static dev.jasyncio.Asyncio.generate;
import static dev.jasyncio.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lazy operators of {@link AsyncIterable} over async generators, on virtual time. */
class AsyncIterableOperatorsTest extends TestBase {

    private final List<String> log = new ArrayList<>();

    @Async
    AsyncGenerator<Integer> numbers(int to, double delay) {
        try {
            for (int i = 0; i < to; i++) {
                log.add("pull " + i);
                await(emit(i));
                if (delay > 0) {
                    await(sleep(delay));
                }
            }
        } finally {
            log.add("source closed");
        }
        return AsyncGenerator.end();
    }

    @Test
    void mapFilterTakeAreLazyAndTakeClosesTheSource() {
        List<Integer> r = run(numbers(100, 0).filter(i -> i % 2 == 1).map(i -> i * 10).take(2).toList());
        assertEquals(List.of(10, 30), r);
        assertEquals(List.of("pull 0", "pull 1", "pull 2", "pull 3", "source closed"), log);
    }

    @Test
    void chunkedBySizeKeepsTheShortLastChunk() {
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4)), run(numbers(5, 0).chunked(3).toList()));
    }

    @Async
    Coroutine<List<String>> timedChunks() {
        List<String> out = new ArrayList<>();
        AsyncGenerator<Integer> bursts = generate(e -> {
            await(e.emit(1));
            await(e.emit(2));
            await(sleep(0.5));
            await(e.emit(3));
            await(sleep(2));
            await(e.emit(4));
            await(e.emit(5));
            await(e.emit(6));
            await(e.emit(7));
            await(sleep(5));
            return Coroutine.of(null);
        });
        double start = Asyncio.getRunningLoop().time();
        for (List<Integer> chunk : aiter(bursts.chunked(3, 1.0))) {
            out.add(chunk + " at " + Math.round(10 * (Asyncio.getRunningLoop().time() - start)));
        }
        return Coroutine.of(out);
    }

    @Test
    void chunkedByTimeEmitsWhenFullOrWhenTheTimeIsUp() {
        // Full at 0.5 s and at 2.5 s; 7 alone, a second after it came, long before the source ends at 7.5 s.
        assertEquals(List.of("[1, 2, 3] at 5", "[4, 5, 6] at 25", "[7] at 35"), run(timedChunks()));
    }
}
