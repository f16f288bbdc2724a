package dev.jasyncio.conformance;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Conformance tests: the CPython 3.13 programs the runtime is checked against
 * ({@code runtime/src/test/resources/cpython/<name>.py}), written the way a user writes them, with
 * {@code @Async} methods and {@code await}, built with the plugin, and compared line for line with what CPython
 * printed ({@code <name>.out} next to the program; one source of truth for both test suites).
 *
 * <p>Also kotlinx.coroutines' ordering checks: {@link #expect(int)} / {@link #finish(int)}.
 */
abstract class ConformanceBase {

    private int actionIndex;
    private boolean finished;
    private final List<String> output = new ArrayList<>();

    @BeforeEach
    void reset() {
        actionIndex = 0;
        finished = false;
        output.clear();
    }

    @AfterEach
    void checkFinished() {
        if (actionIndex != 0 && !finished) {
            fail("Expecting that 'finish(" + (actionIndex + 1) + ")' was invoked, but it was not");
        }
    }

    protected final void expect(int index) {
        int was = ++actionIndex;
        if (was != index) {
            fail("Expecting action index " + index + " but it is actually " + was);
        }
    }

    protected final void finish(int index) {
        expect(index);
        finished = true;
    }

    /**
     * {@code Asyncio.run} on a loop with virtual time ({@link EventLoop#withVirtualTime()}): the programs' output
     * depends on the order of their timers only, not on how busy the machine running the build is.
     */
    protected static <T> T run(Coroutine<T> main) {
        return Asyncio.run(main, EventLoop::withVirtualTime);
    }

    /** Python's {@code print(*parts)}: strings as they are, other values as Python prints them. */
    protected final void say(Object... parts) {
        StringBuilder line = new StringBuilder();
        for (Object p : parts) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(p instanceof String ? (String) p : repr(p));
        }
        output.add(line.toString());
    }

    /** Python's {@code repr}: {@code True}, {@code None}, {@code 'text'} in lists, {@code ValueError('x')}. */
    protected static String repr(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof Boolean) {
            return (Boolean) o ? "True" : "False";
        }
        if (o instanceof String) {
            return "'" + o + "'";
        }
        if (o instanceof dev.jasyncio.ExceptionGroup) {
            dev.jasyncio.ExceptionGroup g = (dev.jasyncio.ExceptionGroup) o;
            return "ExceptionGroup('" + g.message() + "', " + repr(g.exceptions()) + ")";
        }
        if (o instanceof Throwable) {
            String m = ((Throwable) o).getMessage();
            return o.getClass().getSimpleName() + (m == null ? "()" : "('" + m + "')");
        }
        if (o instanceof Collection) {
            StringBuilder s = new StringBuilder(o instanceof List ? "[" : "{");
            Iterator<?> it = ((Collection<?>) o).iterator();
            while (it.hasNext()) {
                s.append(repr(it.next()));
                if (it.hasNext()) {
                    s.append(", ");
                }
            }
            return s.append(o instanceof List ? "]" : "}").toString();
        }
        return String.valueOf(o);
    }

    /** Asserts the printed lines are CPython's for {@code cpython/<name>.py}. */
    protected final void assertOutput(String name) {
        Path out = Paths.get(System.getProperty("basedir", "."))
                .resolve("../runtime/src/test/resources/cpython/" + name + ".out").normalize();
        List<String> expected;
        try {
            expected = new ArrayList<>(List.of(new String(Files.readAllBytes(out), StandardCharsets.UTF_8)
                    .split("\n")));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + out, e);
        }
        assertEquals(expected, output, "output differs from CPython's for " + name + ".py");
    }

    /** Python's exceptions by name, so that {@link #repr} prints what CPython prints. */
    static final class ValueError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ValueError(String message) {
            super(message);
        }
    }

    static final class KeyError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KeyError(String message) {
            super(message);
        }
    }
}
