package dev.jasyncio;

import dev.jasyncio.testing.PyErrors.KeyError;
import dev.jasyncio.testing.PyErrors.TypeError;
import dev.jasyncio.testing.PyErrors.ValueError;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.jasyncio.testing.Py.repr;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link ExceptionGroup}, against Python's. */
class ExceptionGroupTest extends TestBase {

    /** cpython/exception_group.py */
    @Test
    void splitAndSubgroupKeepTheNesting() {
        ExceptionGroup eg = new ExceptionGroup("outer", List.of(new ValueError("a"),
                new ExceptionGroup("inner", List.of(new TypeError("b"), new ValueError("c"))), new KeyError("d")));
        say(eg.getMessage());
        say(repr(eg));
        say(eg.message());
        ExceptionGroup.Split s = eg.split(ValueError.class);
        say(repr(s.matched()));
        say(repr(s.rest()));
        say(repr(eg.subgroup(TypeError.class)));
        say(repr(eg.subgroup(java.io.UncheckedIOException.class)));
        say(eg.split(RuntimeException.class).matched() == eg, repr(eg.split(RuntimeException.class).rest()));
        say(repr(eg.subgroup(e -> e instanceof ExceptionGroup && ((ExceptionGroup) e).message().equals("inner"))));
        say(new ExceptionGroup("x", List.of(new ValueError(null))).getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ExceptionGroup("x", List.of()));
        say("ValueError('" + e.getMessage() + "')");
        assertOutput("exception_group");
    }

    @Test
    void membersAreSuppressedSoAStackTraceShowsThem() {
        ValueError a = new ValueError("a");
        ExceptionGroup eg = new ExceptionGroup("g", List.of(a));
        assertArrayEquals(new Throwable[] {a}, eg.getSuppressed());
    }
}
