package dev.jasyncio.testing;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * kotlinx.coroutines' TestBase for jasyncio: {@link #expect(int)} / {@link #finish(int)} check that steps run in
 * the order the test states, and {@link #say(Object...)} records lines compared by {@link #assertOutput(String)}
 * with what CPython 3.13 printed for the same program ({@code src/test/resources/cpython/<name>.py}, its output
 * in {@code <name>.out}; {@code regen.sh} there re-runs them).
 */
public abstract class TestBase {

    private final AtomicInteger actionIndex = new AtomicInteger();
    private volatile boolean finished;
    private final List<String> output = new ArrayList<>();

    @BeforeEach
    void resetOrdering() {
        actionIndex.set(0);
        finished = false;
        output.clear();
    }

    @AfterEach
    void checkFinished() {
        if (actionIndex.get() != 0 && !finished) {
            fail("Expecting that 'finish(" + (actionIndex.get() + 1) + ")' was invoked, but it was not");
        }
    }

    /** Asserts this is the {@code index}-th step of the test. */
    protected final void expect(int index) {
        int was = actionIndex.incrementAndGet();
        if (was != index) {
            fail("Expecting action index " + index + " but it is actually " + was);
        }
    }

    /** The last step: {@link #expect(int)} and marks the test finished. */
    protected final void finish(int index) {
        expect(index);
        finished = true;
    }

    /**
     * {@code Asyncio.run} on a loop with virtual time ({@link EventLoop#withVirtualTime()}): the orders the tests
     * check depend on timers' deadlines only, never on how busy the machine is. Tests of real timing call
     * {@code Asyncio.run} themselves.
     */
    protected static <T> T run(Coroutine<T> main) {
        return Asyncio.run(main, EventLoop::withVirtualTime);
    }

    /** A point the test must not reach. */
    protected static AssertionError expectUnreached() {
        return new AssertionError("This line should not be reached");
    }

    /** Records one line of output, as Python's {@code print(*parts)} would write it ({@link Py#str}). */
    protected final void say(Object... parts) {
        StringBuilder line = new StringBuilder();
        for (Object p : parts) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(Py.str(p));
        }
        synchronized (output) {
            output.add(line.toString());
        }
    }

    /** The lines recorded so far. */
    protected final List<String> output() {
        synchronized (output) {
            return new ArrayList<>(output);
        }
    }

    /** Asserts the recorded lines are exactly CPython's output for {@code cpython/<name>.py}. */
    protected final void assertOutput(String name) {
        assertEquals(cpythonOutput(name), output(), "output differs from CPython's for " + name + ".py");
    }

    /** The output CPython 3.13 printed for {@code cpython/<name>.py}. */
    public static List<String> cpythonOutput(String name) {
        String path = "/cpython/" + name + ".out";
        try (InputStream in = TestBase.class.getResourceAsStream(path)) {
            assertNotNull(in, "missing " + path + ": write " + name + ".py and run regen.sh");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
