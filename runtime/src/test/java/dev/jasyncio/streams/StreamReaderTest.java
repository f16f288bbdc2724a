package dev.jasyncio.streams;

import dev.jasyncio.IncompleteReadError;
import dev.jasyncio.LimitOverrunError;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The reader's semantics without a network: fed by hand, checked against CPython's {@code streams.py}. */
class StreamReaderTest extends TestBase {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static StreamReader fed(int limit, String data, boolean eof) {
        StreamReader r = new StreamReader(limit);
        r.feedData(b(data));
        if (eof) {
            r.feedEof();
        }
        return r;
    }

    /** cpython/stream_reader_eof.py */
    @Test
    void readsAtAndPastTheEndAndTheErrorsOfReaduntil() {
        StreamReader[] r = new StreamReader[1];
        Object[] k = new Object[3];
        run(coro("main",
                v -> {
                    r[0] = fed(StreamReader.DEFAULT_LIMIT, "ab\ncd", true);
                    return awaiting(r[0].readline());
                },
                v -> {
                    say(v, r[0].atEof());
                    return awaiting(r[0].readline());
                },
                v -> {
                    say(v, r[0].atEof());
                    return awaiting(r[0].readline());
                },
                v -> {
                    k[0] = v;
                    return awaiting(r[0].read(10));
                },
                v -> {
                    k[1] = v;
                    return awaiting(r[0].read());
                },
                v -> {
                    say(k[0], k[1], v, r[0].atEof());
                    r[0] = fed(StreamReader.DEFAULT_LIMIT, "abc", true);
                    return awaiting(r[0].readexactly(5));
                },
                catching((v, e) -> {
                    IncompleteReadError ire = (IncompleteReadError) e;
                    say("incomplete", ire.partial(), ire.expected(), ire);
                    return awaiting(r[0].readexactly(0));
                }),
                v -> {
                    k[0] = v;
                    return awaiting(r[0].read(0));
                },
                v -> {
                    say(k[0], v, r[0].atEof());
                    r[0] = fed(StreamReader.DEFAULT_LIMIT, "xyz-", true);
                    return awaiting(r[0].readuntil(b("--")));
                },
                catching((v, e) -> {
                    IncompleteReadError ire = (IncompleteReadError) e;
                    say("incomplete", ire.partial(), ire.expected(), ire);
                    r[0] = fed(4, "abcdefgh\nrest", false);
                    return awaiting(r[0].readuntil(b("\n")));
                }),
                catching((v, e) -> {
                    LimitOverrunError loe = (LimitOverrunError) e;
                    say("overrun", loe.consumed(), loe);
                    return awaiting(r[0].readuntil(b("!")));
                }),
                catching((v, e) -> {
                    LimitOverrunError loe = (LimitOverrunError) e;
                    say("overrun", loe.consumed(), loe);
                    return awaiting(r[0].read(100));
                }),
                v -> {
                    say(v);
                    r[0] = fed(4, "abcdefgh\nxy\n", false);
                    return awaiting(r[0].readline());
                },
                catching((v, e) -> {
                    say("ValueError", (IllegalArgumentException) e);
                    return awaiting(r[0].readline());
                }),
                v -> {
                    say(v);
                    r[0] = fed(StreamReader.DEFAULT_LIMIT, "a==b--c", false);
                    return awaiting(r[0].readuntil(b("--"), b("==")));
                },
                v -> {
                    k[0] = v;
                    return awaiting(r[0].readuntil(b("c"), b("b--")));
                },
                v -> {
                    say(k[0], v);
                    r[0].feedData(b("tail"));
                    r[0].feedEof();
                    return awaiting(r[0].read());
                },
                v -> {
                    say(v, r[0].atEof());
                    return null;
                }));
        assertOutput("stream_reader_eof");
    }

    @Test
    void feedingAfterTheEndAndALimitOfZeroAreRefused() {
        StreamReader r = fed(StreamReader.DEFAULT_LIMIT, "x", true);
        assertThrows(IllegalStateException.class, () -> r.feedData(b("more")));
        assertThrows(IllegalArgumentException.class, () -> new StreamReader(0));
    }
}
