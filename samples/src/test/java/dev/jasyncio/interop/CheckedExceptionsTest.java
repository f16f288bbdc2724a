package dev.jasyncio.interop;

import dev.jasyncio.AsyncFunction;
import dev.jasyncio.AsyncSupplier;
import dev.jasyncio.Coroutine;
import dev.jasyncio.ExceptionGroup;
import dev.jasyncio.Future;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.streams.Server;
import dev.jasyncio.streams.StreamPair;
import dev.jasyncio.testing.AsyncTest;
import org.junit.jupiter.api.Test;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import static dev.jasyncio.Asyncio.*;
import static dev.jasyncio.testing.AsyncTesting.runTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Async lambdas await methods that declare checked exceptions, with no wrapping: {@code AsyncFunction},
 * {@code AsyncSupplier} and {@code ConnectionHandler} declare {@code throws Exception}, as {@code Callable} does, and
 * the awaiting side receives the very exception object that was thrown (a task group puts it in its
 * {@code ExceptionGroup}, as asyncio's does). Around {@code timeout}, which declares nothing, javac accepts
 * {@code catch (Exception e)} but not {@code catch (IOException e)}: the exception is there all the same.
 */
class CheckedExceptionsTest {

    /** What the methods below throw: one object, so the tests can check that it arrives unchanged. */
    private final IOException missing = new FileNotFoundException("config.yaml");

    @Async
    Coroutine<String> readConfig(boolean fail) throws IOException {
        await(sleep(1));
        if (fail) {
            throw missing;
        }
        return Coroutine.of("config");
    }

    @AsyncTest
    @Async
    Coroutine<Void> aTaskGroupBodyAwaitsAMethodThatThrowsIOException() {
        String read = await(taskGroup(tg -> Coroutine.of(await(readConfig(false)))));
        assertEquals("config", read);
        // As asyncio: what the body throws and what its children throw all arrive in an ExceptionGroup, unchanged.
        try {
            await(taskGroup(tg -> {
                String config = await(readConfig(true));
                return Coroutine.of(config.length());
            }));
            fail("no failure");
        } catch (ExceptionGroup g) {
            assertSame(missing, g.exceptions().get(0));
        }
        try {
            await(taskGroup(tg -> {
                tg.createTask(readConfig(true));
                return Coroutine.of(null);
            }));
            fail("no failure");
        } catch (ExceptionGroup g) {
            assertSame(missing, g.exceptions().get(0));
        }
        return Coroutine.of(null);
    }

    @AsyncTest
    @Async
    Coroutine<Void> aTimeoutBodyAwaitsAMethodThatThrowsIOException() {
        try {
            await(timeout(5, t -> Coroutine.of(await(readConfig(true)))));
            fail("no failure");
        } catch (Exception e) {
            assertSame(missing, e);
        }
        return Coroutine.of(null);
    }

    /** A body throwing before its first await (a lambda without awaits runs when called) fails the await too. */
    @AsyncTest
    @Async
    Coroutine<Void> aBodyThrowingAtOnceFailsTheAwaitNotTheLoop() {
        IOException now = new IOException("at once");
        try {
            await(taskGroup(tg -> {
                throw now;
            }));
            fail("no failure");
        } catch (ExceptionGroup g) {
            assertSame(now, g.exceptions().get(0));
        }
        try {
            await(timeout(5, t -> {
                throw now;
            }));
            fail("no failure");
        } catch (Exception e) {
            assertSame(now, e);
        }
        return Coroutine.of(null);
    }

    /** The user's own functional values: calling one declares Exception, as {@code Callable.call} does. */
    @AsyncTest
    @Async
    Coroutine<Void> userAsyncFunctionsAndSuppliersCarryCheckedExceptions() throws Exception {
        AsyncFunction<Boolean, String> load = fail -> Coroutine.of(await(readConfig(fail)).toUpperCase());
        AsyncSupplier<String> loadFailing = () -> load.apply(true);
        assertEquals("CONFIG", await(load.apply(false)));
        try {
            await(loadFailing.get());
            fail("no failure");
        } catch (FileNotFoundException e) {
            assertSame(missing, e);
        }
        List<Object> results = await(gather(List.of(createTask(load.apply(false)), createTask(loadFailing.get())),
                true));
        assertEquals("CONFIG", results.get(0));
        assertSame(missing, results.get(1));
        return Coroutine.of(null);
    }

    /** {@code runTest}'s {@code AsyncSupplier}: the checked exception reaches the plain test unchanged. */
    @Test
    void runTestRethrowsTheBodysCheckedException() {
        IOException thrown = assertThrows(IOException.class, () -> runTest(() -> {
            await(readConfig(true));
            return Coroutine.of(null);
        }));
        assertSame(missing, thrown);
    }

    /** A connection handler awaits a method declaring IOException; its failure reaches the exception handler as is. */
    @AsyncTest(virtualTime = false, timeout = 20)
    @Async
    Coroutine<Void> aConnectionHandlerAwaitsAMethodThatThrowsIOException() throws IOException {
        Future<Map<String, Object>> reported = getRunningLoop().createFuture();
        getRunningLoop().setExceptionHandler((loop, context) -> {
            if (!reported.done()) {
                reported.setResult(context);
            }
        });
        IOException refused = new IOException("refused by the handler");
        Server server = await(startServer((reader, writer) -> {
            byte[] line = await(reader.readline());
            if (line.length > 0) {
                await(reject(refused));
            }
            return Coroutine.of(null);
        }, "127.0.0.1", 0));
        int port = ((InetSocketAddress) server.sockets().get(0).getLocalAddress()).getPort();
        StreamPair client = await(openConnection("127.0.0.1", port));
        client.writer().write("hello\n".getBytes());
        await(client.writer().drain());
        Map<String, Object> context = await(waitFor(reported, 10));
        assertEquals("Unhandled exception in client_connected_cb", context.get("message"));
        assertSame(refused, context.get("exception"));
        client.writer().close();
        server.close();
        await(server.waitClosed());
        return Coroutine.of(null);
    }

    @Async
    static Coroutine<Void> reject(IOException e) throws IOException {
        await(sleep(0));
        throw e;
    }
}
