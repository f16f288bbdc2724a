package dev.jasyncio.samples.seed003;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.sync.Semaphore;

import java.util.ArrayList;
import java.util.List;

import static dev.jasyncio.Asyncio.*;

/**
 * A semaphore of three lets at most three fetches run at once.
 *
 * <p>Seed 003, "Practical Pattern: Semaphore for Rate Limiting" (the seed's snippet, with the
 * {@code asyncio.run(main())} it leaves out). Python's {@code async with sem} is {@code try (sem)}.
 */
public final class SemaphoreRateLimit {

    private SemaphoreRateLimit() {
    }

    @Async
    static Coroutine<String> rateLimitedFetch(Semaphore sem, String url) {
        try (sem) { // Only N tasks can be inside this block at once
            System.out.println("Fetching " + url);
            await(sleep(0.1)); // Simulate network request
            return Coroutine.of("Data from " + url);
        }
    }

    @Async
    static Coroutine<Void> main() {
        Semaphore sem = new Semaphore(3); // Max 3 concurrent requests
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            urls.add("https://api.example.com/" + i);
        }

        List<Coroutine<String>> tasks = new ArrayList<>();
        for (String url : urls) {
            tasks.add(rateLimitedFetch(sem, url));
        }
        List<String> results = await(gather(tasks));
        return Coroutine.of(null);
    }

    /** Runs the example. */
    public static void main(String[] args) {
        Asyncio.run(main());
    }
}
