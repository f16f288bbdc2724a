package dev.jasyncio.samples.seed004;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import java.util.ArrayList;
import java.util.List;

import static dev.jasyncio.Asyncio.*;

/**
 * Ten coroutines gathered at once, each sleeping 1 to 5 s: they finish in order of their delays, within 5 s.
 *
 * <p>Seed 004, the {@code random.randint} example. The random delays are replaced, here and in the Python
 * reference, by {@link #randint} over fixed values (those of the run the seed shows), so every run prints the
 * same lines.
 */
public final class GatherRandom {

    /** The values {@link #randint} returns, in call order, as in the Python reference. */
    private static final int[] RAND_TIMES = {5, 3, 2, 2, 4, 5, 4, 3, 1, 2};
    private static int calls;

    private GatherRandom() {
    }

    /** Deterministic stand-in for {@code random.randint(a, b)}: the next fixed value. */
    static int randint(int a, int b) {
        int value = RAND_TIMES[calls % RAND_TIMES.length];
        calls++;
        if (value < a || value > b) {
            throw new IllegalArgumentException(value + " is not in [" + a + ", " + b + "]");
        }
        return value;
    }

    @Async
    static Coroutine<Void> coro(int number) {
        int randTime = randint(1, 5);
        await(sleep(randTime));
        System.out.println("номер выполнения: " + number + ", время выполнения: " + randTime + " сек");
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> main() {
        List<Coroutine<Void>> coros = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            coros.add(coro(i));
        }
        await(gather(coros));
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        calls = 0;
        Asyncio.run(main());
    }
}
