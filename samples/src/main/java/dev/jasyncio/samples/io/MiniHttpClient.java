package dev.jasyncio.samples.io;

import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.streams.StreamPair;
import dev.jasyncio.streams.StreamReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.openConnection;

/**
 * A small HTTP/1.1 client on jasyncio streams: {@code GET} over one connection ({@code Connection: close}), status
 * line, headers, then the body by {@code Content-Length}, chunked transfer coding, or to the end of the stream.
 * Plain {@code http://} only; enough to show what {@code openConnection}, {@code readline} and
 * {@code readexactly} are for.
 */
public final class MiniHttpClient {

    /** A response: status code, headers (lower-case names), body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        /** The body decoded as UTF-8. */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private MiniHttpClient() {
    }

    /** Fetches {@code url} ({@code http://host[:port]/path}). */
    @Async
    public static Coroutine<Response> get(String url) throws IOException {
        URI uri = URI.create(url);
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("only http:// URLs: " + url);
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        StreamPair connection = await(openConnection(uri.getHost(), port));
        try {
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + port
                    + "\r\nUser-Agent: jasyncio-mini\r\nConnection: close\r\n\r\n";
            connection.writer().write(request.getBytes(StandardCharsets.US_ASCII));
            await(connection.writer().drain());
            StreamReader in = connection.reader();
            String statusLine = line(await(in.readline()));
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP response: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            while (true) {
                String header = line(await(in.readline()));
                if (header.isEmpty()) {
                    break;
                }
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).trim());
            }
            byte[] body;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = await(readChunked(in));
            } else if (headers.containsKey("content-length")) {
                body = await(in.readexactly(Integer.parseInt(headers.get("content-length"))));
            } else {
                body = await(in.read());
            }
            return Coroutine.of(new Response(status, headers, body));
        } finally {
            connection.writer().close();
        }
    }

    /** The chunked transfer coding: hex size line, that many bytes, CRLF; a size of 0 ends it. */
    @Async
    private static Coroutine<byte[]> readChunked(StreamReader in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line(await(in.readline()));
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt(semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon), 16);
            if (size == 0) {
                while (!line(await(in.readline())).isEmpty()) {
                    // trailers, ignored
                }
                return Coroutine.of(body.toByteArray());
            }
            body.write(await(in.readexactly(size)));
            await(in.readexactly(2));
        }
    }

    /** A header line without its CRLF; an empty stream ends with an error rather than an endless loop. */
    private static String line(byte[] raw) throws IOException {
        if (raw.length == 0) {
            throw new IOException("connection closed in the middle of the response head");
        }
        int end = raw.length;
        while (end > 0 && (raw[end - 1] == '\n' || raw[end - 1] == '\r')) {
            end--;
        }
        return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
    }
}
