package dev.jasyncio.interop;

import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.streams.Server;
import dev.jasyncio.streams.StreamPair;
import dev.jasyncio.streams.StreamReader;
import dev.jasyncio.streams.StreamWriter;
import dev.jasyncio.testing.AsyncTest;

import java.io.IOException;
import java.util.Locale;

import static dev.jasyncio.Asyncio.*;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What a chat server needs without ceremony: text lines over streams ({@code readline(charset)},
 * {@code write(String)}), a reader limit without choosing a backlog, the port chosen for port 0 without a cast.
 */
class StreamConveniencesTest {

    /** Shouts back each line; a line over the limit gets an answer instead of a dropped connection. */
    @Async
    static Coroutine<Void> shout(StreamReader reader, StreamWriter writer) throws IOException {
        while (true) {
            String line;
            try {
                line = await(reader.readline(UTF_8));
            } catch (IllegalArgumentException tooLong) {
                writer.write("line over the limit\n");
                continue;
            }
            if (line.isEmpty()) {
                break;
            }
            writer.write(line.toUpperCase(Locale.ROOT));
            await(writer.drain());
        }
        writer.close();
        return Coroutine.of(null);
    }

    @AsyncTest(virtualTime = false, timeout = 20)
    @Async
    Coroutine<Void> linesOfTextGoBothWaysOnAServerWithALimit() throws IOException {
        Server server = await(startServer(StreamConveniencesTest::shout, "127.0.0.1", 0, 32));
        int port = server.port();
        assertEquals(((java.net.InetSocketAddress) server.sockets().get(0).getLocalAddress()).getPort(), port);

        StreamPair client = await(openConnection("127.0.0.1", port));
        client.writer().write("grüße, señor ☃\n");
        assertEquals("GRÜSSE, SEÑOR ☃\n", await(client.reader().readline(UTF_8)));

        client.writer().write("x".repeat(100) + "\n");
        assertEquals("line over the limit\n", await(client.reader().readline(UTF_8)));

        client.writer().write("café\n", ISO_8859_1); // one byte for é: not UTF-8, so U+FFFD comes back
        assertEquals("CAF\uFFFD\n", await(client.reader().readline(UTF_8)));

        client.writer().writeEof();
        assertEquals("", await(client.reader().readline(UTF_8)), "the end of the stream is an empty string");
        client.writer().close();
        server.close();
        await(server.waitClosed());
        IllegalStateException closed = assertThrows(IllegalStateException.class, server::port);
        assertEquals("the server is closed: it listens on no port", closed.getMessage());
        return Coroutine.of(null);
    }
}
