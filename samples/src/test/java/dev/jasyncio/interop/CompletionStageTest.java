package dev.jasyncio.interop;

import com.sun.net.httpserver.HttpServer;
import dev.jasyncio.CancelledError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Future;
import dev.jasyncio.ReturnWhen;
import dev.jasyncio.TimeoutError;
import dev.jasyncio.WaitResult;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.testing.AsyncTest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.jasyncio.Asyncio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A {@code CompletionStage} wherever an awaitable goes, written as a user writes it: {@code wrapFuture} into
 * {@code gather}, {@code wait}, {@code shield} and {@code asCompleted}; {@code waitFor} over
 * {@code HttpClient.sendAsync} against a real local server; cancellation in both directions.
 */
class CompletionStageTest {

    /** A local server: {@code /fast} answers at once, {@code /slow} only when released (or after 10 s). */
    private static final class Site implements AutoCloseable {
        final HttpServer server;
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch slowEntered = new CountDownLatch(1);
        final CountDownLatch slowAborted = new CountDownLatch(1);

        Site() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
            server.createContext("/fast", exchange -> {
                byte[] body = "fast body".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.createContext("/slow", exchange -> {
                slowEntered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                // The client aborted: writing a long body to its closed connection fails.
                try {
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    byte[] chunk = new byte[64 * 1024];
                    for (int i = 0; i < 200; i++) {
                        out.write(chunk);
                        out.flush();
                    }
                    out.close();
                } catch (IOException aborted) {
                    slowAborted.countDown();
                }
            });
            server.start();
        }

        HttpRequest request(String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                    .build();
        }

        @Override
        public void close() {
            release.countDown();
            server.stop(0);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AsyncTest(virtualTime = false, timeout = 20)
    @Async
    Coroutine<Void> sendAsyncUnderWaitForGivesTheResponse() throws IOException {
        try (Site site = new Site()) {
            HttpResponse<String> r = await(waitFor(client.sendAsync(site.request("/fast"),
                    HttpResponse.BodyHandlers.ofString()), 5));
            assertEquals(200, r.statusCode());
            assertEquals("fast body", r.body());
        }
        return Coroutine.of(null);
    }

    /** On expiry the exchange is cancelled, and HttpClient aborts it: the server's write fails. */
    @AsyncTest(virtualTime = false, timeout = 20)
    @Async
    Coroutine<Void> sendAsyncTimingOutCancelsTheRequest() throws Exception {
        try (Site site = new Site()) {
            CompletableFuture<HttpResponse<String>> call = client.sendAsync(site.request("/slow"),
                    HttpResponse.BodyHandlers.ofString());
            // The exchange is under way (the server has the request) when the timeout starts: on a loaded machine
            // the request may take longer than the timeout to arrive.
            assertTrue(await(toThread(() -> site.slowEntered.await(5, TimeUnit.SECONDS))));
            double start = getRunningLoop().time();
            try {
                await(waitFor(call, 0.3));
                fail("no timeout");
            } catch (TimeoutError expected) {
                assertInstanceOf(CancelledError.class, expected.getCause());
            }
            double took = getRunningLoop().time() - start;
            assertTrue(took >= 0.3 && took < 3, "timed out after " + took + " s");
            // HttpClient's cancel(true) aborts the exchange, which may fail the future before it is marked cancelled.
            assertTrue(call.isCompletedExceptionally(), "the CompletableFuture was cancelled");
            site.release.countDown();
            assertTrue(await(toThread(() -> site.slowAborted.await(5, TimeUnit.SECONDS))),
                    "HttpClient closed the connection");
        }
        return Coroutine.of(null);
    }

    @AsyncTest(virtualTime = false, timeout = 20)
    @Async
    Coroutine<Void> wrappedStagesGoIntoGatherWaitShieldAndAsCompleted() throws IOException {
        try (Site site = new Site()) {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(wrapFuture(client.sendAsync(site.request("/fast"), HttpResponse.BodyHandlers.ofString())));
            }
            List<HttpResponse<String>> all = await(gather(calls));
            assertEquals(List.of("fast body", "fast body", "fast body"), all.stream().map(HttpResponse::body).toList());

            CompletableFuture<String> never = new CompletableFuture<>();
            CompletableFuture<String> soon = CompletableFuture.supplyAsync(() -> "soon");
            Future<String> wrappedNever = wrapFuture(never);
            Future<String> wrappedSoon = wrapFuture(soon);
            WaitResult<String> w = await(dev.jasyncio.Asyncio.wait(List.of(wrappedNever, wrappedSoon),
                    ReturnWhen.FIRST_COMPLETED));
            assertEquals(Set.of(wrappedSoon), w.done());
            assertEquals(Set.of(wrappedNever), w.pending());

            List<String> order = new ArrayList<>();
            CompletableFuture<String> later = new CompletableFuture<>();
            CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(() -> later.complete("later"));
            for (var next : asCompleted(List.of(wrapFuture(later), wrapFuture(CompletableFuture.completedFuture("now"))))) {
                order.add(await(next));
            }
            assertEquals(List.of("now", "later"), order);

            // shield: the task awaiting it is cancelled, the stage is not.
            CompletableFuture<String> guarded = new CompletableFuture<>();
            Future<String> shielded = shield(wrapFuture(guarded));
            var waiter = createTask(awaitIt(shielded));
            await(sleep(0.01));
            waiter.cancel();
            try {
                await(waiter);
                fail("not cancelled");
            } catch (CancelledError expected) {
                // the waiter only
            }
            assertFalse(guarded.isCancelled());
            guarded.complete("kept");
            wrappedNever.cancel();
            await(sleep(0.01));
            assertTrue(never.isCancelled(), "cancelling the wrapped future cancelled the CompletableFuture");
        }
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<String> awaitIt(Future<String> f) {
        return Coroutine.of(await(f));
    }

    /** The other way round: cancelling the CompletableFuture (from another thread) cancels the jasyncio side. */
    @AsyncTest(virtualTime = false, timeout = 10)
    @Async
    Coroutine<Void> cancellingTheStageCancelsTheWrappedFuture() {
        CompletableFuture<String> stage = new CompletableFuture<>();
        Future<String> wrapped = wrapFuture(stage);
        Thread canceller = new Thread(() -> stage.cancel(false));
        canceller.start();
        try {
            await(wrapped);
            fail("not cancelled");
        } catch (CancelledError expected) {
            assertTrue(wrapped.cancelled());
        }
        // A stage whose source was cancelled ends with a CompletionException: still a cancellation here.
        CompletableFuture<String> source = new CompletableFuture<>();
        Future<String> dependent = wrapFuture(source.thenApply(s -> s + "!"));
        source.cancel(false);
        try {
            await(dependent);
            fail("not cancelled");
        } catch (CancelledError expected) {
            assertTrue(dependent.cancelled());
        }
        return Coroutine.of(null);
    }

    /** As asyncio: a failure arrives unchanged, and a stage is wrapped as late as {@code waitFor} starts. */
    @AsyncTest(virtualTime = false, timeout = 10)
    @Async
    Coroutine<Void> failuresArriveUnchangedAndAZeroTimeoutExpiresAsInAsyncio() {
        IOException boom = new IOException("boom");
        try {
            await(waitFor(CompletableFuture.<String>failedFuture(boom), 5));
            fail("no failure");
        } catch (Exception e) {
            assertSame(boom, e);
        }
        // asyncio: wait_for(wrap_future(done_cf), 0) raises TimeoutError, the outcome arriving a loop turn later.
        CompletableFuture<String> done = CompletableFuture.completedFuture("done");
        try {
            await(waitFor(done, 0));
            fail("no timeout");
        } catch (TimeoutError expected) {
            assertInstanceOf(CancelledError.class, expected.getCause());
        }
        assertEquals("done", await(waitFor(done, 1)));
        return Coroutine.of(null);
    }
}
