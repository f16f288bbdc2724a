package demo;

import dev.jasyncio.AsyncGenerator;
import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;

import java.util.List;

import static dev.jasyncio.Asyncio.aiter;

public class AsyncForOutsideAsyncCases {

    static int plainMethod(AsyncGenerator<Integer> numbers) {
        int total = 0;
        // BUG: Diagnostic contains: ASYNC_FOR_OUTSIDE_ASYNC
        for (int n : aiter(numbers)) {
            total += n;
        }
        // BUG: Diagnostic contains: ASYNC_FOR_OUTSIDE_ASYNC
        for (int n : Asyncio.aiter(numbers)) {
            total -= n;
        }
        return total;
    }

    @Async
    static Coroutine<Integer> asyncMethod(AsyncGenerator<Integer> numbers) {
        int total = 0;
        for (int n : aiter(numbers)) {
            total += n;
        }
        for (int n : List.of(1, 2)) {
            total += n;
        }
        return Coroutine.of(total);
    }
}
