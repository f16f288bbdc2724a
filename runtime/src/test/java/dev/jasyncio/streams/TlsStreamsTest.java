package dev.jasyncio.streams;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.gather;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.Asyncio.toThread;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TLS on streams, proven against the JDK's own blocking {@code SSLSocket} / {@code SSLServerSocket} in both
 * directions, TLS 1.2 and 1.3, with certificates made at test time ({@link Pki}); and jasyncio against itself.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsStreamsTest extends TestBase {

    private static final String HOST = Net.HOST;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String str(Object b) {
        return new String((byte[]) b, StandardCharsets.UTF_8);
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLServerSocket jdkServer(SSLContext ctx, String version) throws IOException {
        SSLServerSocket ss = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 10,
                InetAddress.getByName(HOST));
        ss.setEnabledProtocols(new String[] {version});
        return ss;
    }

    private static Thread background(String name, ThrowingRunnable body, AtomicReference<Throwable> failed) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failed.set(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    // ---------------------------------------------------------------------------------------------------------
    // jasyncio client, JDK server

    /**
     * The JDK's server renegotiates (TLS 1.2) or updates its keys (TLS 1.3) mid-connection, then closes with
     * close_notify: the client sees every line, the SNI it sent is localhost, and the close is an end of stream.
     */
    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void clientAgainstTheJdkServer(String version) throws Exception {
        Pki pki = Pki.get();
        SSLServerSocket ss = jdkServer(pki.serverContext("TLS"), version);
        int port = ss.getLocalPort();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        AtomicInteger handshakes = new AtomicInteger();
        List<String> seen = new CopyOnWriteArrayList<>();
        Thread server = background("jdk-tls-server", () -> {
            try (SSLSocket s = (SSLSocket) ss.accept()) {
                s.addHandshakeCompletedListener(e -> handshakes.incrementAndGet());
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.UTF_8));
                OutputStream out = s.getOutputStream();
                seen.add(in.readLine());
                for (var n : ((ExtendedSSLSession) s.getSession()).getRequestedServerNames()) {
                    seen.add("sni " + ((SNIHostName) n).getAsciiName());
                }
                out.write(bytes("renegotiating\n"));
                out.flush();
                s.startHandshake(); // 1.2: a renegotiation; 1.3: a key update
                seen.add(in.readLine()); // read while the new handshake runs
                out.write(bytes("bye\n"));
                out.flush();
            } // close_notify
        }, failed);
        Object[] session = new Object[3];
        String r = Asyncio.run(coro("client",
                v -> awaiting(Streams.openConnection("localhost", port, pki.clientContext("TLS"))),
                v -> {
                    StreamPair c = (StreamPair) v;
                    SSLSession s = (SSLSession) c.writer().getExtraInfo("sslsession");
                    session[0] = s.getProtocol();
                    session[1] = c.writer().getExtraInfo("peercert");
                    session[2] = c.writer().getExtraInfo("cipher");
                    assertFalse(c.writer().canWriteEof());
                    assertThrows(UnsupportedOperationException.class, () -> c.writer().writeEof());
                    c.writer().write(bytes("hello\n"));
                    return awaiting(coro("rest",
                            w -> awaiting(c.reader().readline()),
                            w -> {
                                assertEquals("renegotiating\n", str(w));
                                return awaiting(sleep(0.2)); // the new handshake arrives meanwhile
                            },
                            w -> {
                                c.writer().write(bytes("second\n"));
                                return awaiting(c.reader().readline());
                            },
                            w -> {
                                assertEquals("bye\n", str(w));
                                return awaiting(c.reader().read());
                            },
                            w -> {
                                assertEquals(0, ((byte[]) w).length, "close_notify: end of stream");
                                c.writer().close();
                                return awaiting(c.writer().waitClosed());
                            },
                            w -> "done"));
                }));
        server.join(10_000);
        ss.close();
        if (failed.get() != null) {
            throw new AssertionError("server failed", failed.get());
        }
        assertEquals("done", r);
        assertEquals(version, session[0]);
        assertInstanceOf(X509Certificate.class, session[1]);
        assertEquals(pki.serverCert, session[1]);
        assertNotNull(session[2]);
        assertEquals(List.of("hello", "sni localhost", "second"), seen);
        if (version.equals("TLSv1.2")) {
            assertEquals(2, handshakes.get(), "the renegotiation happened");
        }
    }

    /** The JDK's server closes the TCP connection without close_notify: the reader sees its data, then an end. */
    @Test
    void aPeerClosingWithoutCloseNotifyIsAnEndOfStream() throws Exception {
        Pki pki = Pki.get();
        ServerSocket raw = new ServerSocket(0, 10, InetAddress.getByName(HOST));
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread server = background("truncating-server", () -> {
            try (Socket tcp = raw.accept()) {
                SSLSocket s = (SSLSocket) pki.serverContext("TLS").getSocketFactory().createSocket(tcp, null,
                        tcp.getPort(), false);
                s.setUseClientMode(false);
                s.getOutputStream().write(bytes("last words\n"));
                s.getOutputStream().flush();
                Thread.sleep(100);
            } // only the TCP socket closes: no close_notify
        }, failed);
        Object r = Asyncio.run(coro("client",
                v -> awaiting(Streams.openConnection(HOST, raw.getLocalPort(), pki.clientContext("TLS"))),
                v -> {
                    StreamPair c = (StreamPair) v;
                    return awaiting(coro("read", w -> awaiting(c.reader().readline()), w -> {
                        assertEquals("last words\n", str(w));
                        return awaiting(c.reader().read());
                    }, w -> {
                        assertEquals(0, ((byte[]) w).length);
                        assertTrue(c.reader().atEof());
                        return awaiting(c.writer().waitClosed());
                    }, w -> "eof"));
                }));
        server.join(10_000);
        raw.close();
        assertEquals("eof", r);
        if (failed.get() != null) {
            throw new AssertionError(failed.get());
        }
    }

    /**
     * A reader slower than its peer: the JDK's server sends 4 MiB and closes while the client's reader keeps
     * pausing the connection; every byte arrives, in order, before the end of stream.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aSlowReaderGetsEveryByteBeforeTheEnd(boolean closeNotify) throws Exception {
        Pki pki = Pki.get();
        byte[] data = random(4 * 1024 * 1024, 5);
        ServerSocket raw = new ServerSocket(0, 10, InetAddress.getByName(HOST));
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread server = background("bulk-server", () -> {
            try (Socket tcp = raw.accept()) {
                SSLSocket s = (SSLSocket) pki.serverContext("TLS").getSocketFactory().createSocket(tcp, null,
                        tcp.getPort(), false);
                s.setUseClientMode(false);
                s.getOutputStream().write(data);
                s.getOutputStream().flush();
                if (closeNotify) {
                    s.close();
                }
            }
        }, failed);
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        Asyncio.run(coro("client",
                v -> awaiting(Streams.openConnection(HOST, raw.getLocalPort(), pki.clientContext("TLS"))),
                v -> {
                    StreamPair c = (StreamPair) v;
                    return awaiting(coro("read", w -> awaiting(sleep(0.3)), w -> awaiting(c.reader().read(5000)),
                            w -> {
                                byte[] b = (byte[]) w;
                                if (b.length == 0) {
                                    return null;
                                }
                                got.write(b);
                                // Yield now and then: the reader fills up, pauses, resumes, over and over.
                                return awaiting(got.size() % 50_000 < 5000 ? sleep(0.001) : sleep(0), 1);
                            }));
                }));
        server.join(10_000);
        raw.close();
        if (failed.get() != null) {
            throw new AssertionError(failed.get());
        }
        assertEquals(data.length, got.size());
        assertArrayEquals(sha256(data), sha256(got.toByteArray()));
    }

    /** A server that accepts and never answers: the handshake timeout aborts, the await throws. */
    @Test
    void aStalledHandshakeTimesOut() throws Exception {
        ServerSocket silent = new ServerSocket(0, 10, InetAddress.getByName(HOST));
        Throwable[] got = new Throwable[1];
        double[] took = new double[1];
        Asyncio.run(coro("client",
                v -> {
                    took[0] = getRunningLoop().time();
                    return awaiting(Streams.openConnection(HOST, silent.getLocalPort(),
                            Pki.get().clientContext("TLS"), null, 0.3));
                },
                catching((v, e) -> {
                    got[0] = e;
                    took[0] = getRunningLoop().time() - took[0];
                    return null;
                })));
        silent.close();
        assertInstanceOf(SSLHandshakeException.class, got[0]);
        assertTrue(got[0].getMessage().contains("SSL handshake is taking longer than 0.3 seconds"),
                got[0].getMessage());
        assertTrue(took[0] >= 0.29 && took[0] < 5, "took " + took[0]);
    }

    // ---------------------------------------------------------------------------------------------------------
    // JDK client, jasyncio server

    /**
     * The JDK's client sends 256 KiB (renegotiating, or updating keys, half way) while it reads the echo: the
     * checksums match, on the version asked for.
     */
    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void jdkClientAgainstTheServer(String version) {
        Pki pki = Pki.get();
        byte[] data = random(256 * 1024, 7);
        String r = Asyncio.run(coro("main",
                v -> awaiting(Streams.startServer(Net.echo(), HOST, 0, pki.serverContext("TLS"))),
                v -> {
                    Server server = (Server) v;
                    int port = Net.port(server);
                    return awaiting(coro("client", w -> awaiting(toThread(() -> jdkEchoClient(pki, port, version,
                            data))), w -> {
                                server.close();
                                return awaiting(server.waitClosed());
                            }, w -> "closed"));
                }));
        assertEquals("closed", r);
    }

    private static String jdkEchoClient(Pki pki, int port, String version, byte[] data) throws Exception {
        try (SSLSocket s = (SSLSocket) pki.clientContext("TLS").getSocketFactory().createSocket(HOST, port)) {
            s.setEnabledProtocols(new String[] {version});
            s.startHandshake();
            assertEquals(version, s.getSession().getProtocol());
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread writer = background("jdk-tls-writer", () -> {
                OutputStream out = s.getOutputStream();
                int half = data.length / 2;
                for (int off = 0; off < half; off += 8192) {
                    out.write(data, off, Math.min(8192, half - off));
                }
                out.flush();
                s.startHandshake(); // renegotiation (1.2) or key update (1.3) with data in flight
                for (int off = half; off < data.length; off += 8192) {
                    out.write(data, off, Math.min(8192, data.length - off));
                }
                out.flush();
            }, failed);
            InputStream in = s.getInputStream();
            byte[] back = in.readNBytes(data.length);
            writer.join(10_000);
            if (failed.get() != null) {
                throw new AssertionError(failed.get());
            }
            assertArrayEquals(sha256(data), sha256(back));
        } // close_notify: the echo handler sees its end of stream and closes
        return "ok";
    }

    /** A TLS server aborts a client that connects and says nothing once the handshake timeout is over. */
    @Test
    void theServerDropsAClientThatStallsTheHandshake() {
        Pki pki = Pki.get();
        Object r = Asyncio.run(coro("main",
                v -> awaiting(Streams.startServer(Net.echo(), HOST, 0, pki.serverContext("TLS"), 0.3)),
                v -> {
                    Server server = (Server) v;
                    int port = Net.port(server);
                    return awaiting(coro("stall", w -> awaiting(toThread(() -> {
                        try (Socket s = new Socket(HOST, port)) {
                            s.setSoTimeout(10_000);
                            long t0 = System.nanoTime();
                            // Nothing sent: the server's timeout ends the connection (an alert may come first).
                            byte[] rest = s.getInputStream().readAllBytes();
                            return "closed after " + ((System.nanoTime() - t0) / 1_000_000_000.0) + " s, "
                                    + rest.length + " bytes";
                        }
                    })), w -> {
                        assertTrue(String.valueOf(w).startsWith("closed after 0."), String.valueOf(w));
                        // The server still serves.
                        return awaiting(echoClient(port, pki.clientContext("TLS"), random(10_000, 1), 1000));
                    }, w -> {
                        server.close();
                        return w;
                    }));
                }));
        assertEquals(true, r);
    }

    // ---------------------------------------------------------------------------------------------------------
    // jasyncio against itself

    /** One TLS client: writes {@code data} in chunks (with drain) while reading the echo; true if it matches. */
    private static Coroutine<Boolean> echoClient(int port, SSLContext ctx, byte[] data, int chunk) {
        StreamPair[] c = new StreamPair[1];
        return coro("tls-echo-client",
                v -> awaiting(Streams.openConnection("localhost", port, ctx)),
                v -> {
                    c[0] = (StreamPair) v;
                    createTask(writeAll(c[0].writer(), data, chunk));
                    return awaiting(c[0].reader().readexactly(data.length));
                },
                v -> {
                    boolean same = Arrays.equals(sha256(data), sha256((byte[]) v));
                    c[0].writer().close();
                    return awaiting(coro(w -> awaiting(c[0].writer().waitClosed()), w -> same));
                });
    }

    private static Coroutine<Void> writeAll(StreamWriter w, byte[] data, int chunk) {
        int[] off = new int[1];
        return coro("writer", v -> {
            if (off[0] >= data.length) {
                return null;
            }
            int n = Math.min(chunk, data.length - off[0]);
            w.write(data, off[0], n);
            off[0] += n;
            return awaiting(w.drain(), 0);
        });
    }

    /** Twenty clients at once, 200 KiB each through a TLS echo server: every checksum matches. */
    @Test
    void echoWithConcurrentClients() {
        Pki pki = Pki.get();
        SSLContext client = pki.clientContext("TLS");
        List<Object> problems = new ArrayList<>();
        Object r = Asyncio.run(coro("main",
                v -> {
                    getRunningLoop().setExceptionHandler((loop, ctx) -> problems.add(ctx));
                    return awaiting(Streams.startServer(Net.echo(), HOST, 0, pki.serverContext("TLS")));
                },
                v -> {
                    Server server = (Server) v;
                    int port = Net.port(server);
                    List<Coroutine<Boolean>> clients = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        clients.add(echoClient(port, client, random(200 * 1024 + i, i), 7000 + 1000 * i));
                    }
                    return awaiting(coro(w -> awaiting(gather(clients)), w -> {
                        server.close();
                        return awaiting(coro(x -> awaiting(server.waitClosed()), x -> w));
                    }));
                }));
        assertEquals(java.util.Collections.nCopies(20, true), r);
        assertEquals(List.of(), problems);
    }

    /**
     * A client that does not trust the server's certificate gets the JDK's SSLHandshakeException at the await;
     * the server is unharmed and serves the next client; nothing reaches the exception handler.
     */
    @Test
    void anUntrustedCertificateFailsAtTheAwaitAndTheServerGoesOn() {
        Pki pki = Pki.get();
        List<Map<String, Object>> problems = new ArrayList<>();
        Throwable[] got = new Throwable[1];
        Object r = Asyncio.run(coro("main",
                v -> {
                    getRunningLoop().setExceptionHandler((loop, ctx) -> problems.add(ctx));
                    return awaiting(Streams.startServer(Net.echo(), HOST, 0, pki.serverContext("TLS")));
                },
                v -> {
                    Server server = (Server) v;
                    int port = Net.port(server);
                    return awaiting(coro(
                            w -> awaiting(Streams.openConnection("localhost", port, pki.distrustingClientContext())),
                            catching((w, e) -> {
                                got[0] = e;
                                return awaiting(echoClient(port, pki.clientContext("TLS"), random(50_000, 3), 4096));
                            }),
                            w -> {
                                server.close();
                                return w;
                            }));
                }));
        assertEquals(true, r);
        assertInstanceOf(SSLHandshakeException.class, got[0]);
        assertEquals(List.of(), problems);
    }

    /**
     * Host name checking: the certificate names localhost and 127.0.0.1; another name fails at the await,
     * asyncio's {@code server_hostname} picks the name, and an empty one checks none.
     */
    @Test
    void theServerNameIsChecked() {
        Pki pki = Pki.get();
        SSLContext client = pki.clientContext("TLS");
        Throwable[] got = new Throwable[1];
        Object r = Asyncio.run(coro("main",
                v -> awaiting(Streams.startServer(Net.echo(), HOST, 0, pki.serverContext("TLS"))),
                v -> {
                    Server server = (Server) v;
                    int port = Net.port(server);
                    return awaiting(coro(
                            w -> awaiting(Streams.openConnection(HOST, port, client, "elsewhere.example")),
                            catching((w, e) -> {
                                got[0] = e;
                                return awaiting(Streams.openConnection(HOST, port, client)); // IP in the cert
                            }),
                            w -> {
                                ((StreamPair) w).writer().close();
                                return awaiting(Streams.openConnection(HOST, port, client, ""));
                            },
                            w -> {
                                StreamPair c = (StreamPair) w;
                                c.writer().write(bytes("x"));
                                return awaiting(coro(x -> awaiting(c.reader().readexactly(1)), x -> {
                                    c.writer().close();
                                    server.close();
                                    return str(x);
                                }));
                            }));
                }));
        assertEquals("x", r);
        assertInstanceOf(SSLHandshakeException.class, got[0]);
        assertTrue(String.valueOf(got[0].getMessage()).contains("elsewhere.example")
                || String.valueOf(got[0].getCause()).contains("elsewhere.example"), String.valueOf(got[0]));
    }

    /** A 16 MiB write is buffered (above the high-water mark) and drains as the peer reads: flow control holds. */
    @Test
    void writesWaitForTheHandshakeAndFlowControlHolds() {
        Pki pki = Pki.get();
        byte[] big = random(16 * 1024 * 1024, 11); // more than loopback's socket buffers take at once
        Object r = Asyncio.run(coro("main",
                v -> awaiting(Streams.startServer(Net.echo(), HOST, 0, pki.serverContext("TLS"))),
                v -> {
                    Server server = (Server) v;
                    return awaiting(coro(w -> awaiting(Streams.openConnection("localhost", Net.port(server),
                            pki.clientContext("TLS"))), w -> {
                                StreamPair c = (StreamPair) w;
                                c.writer().write(big); // nobody reading the echo yet
                                assertTrue(c.writer().getWriteBufferSize() > 64 * 1024,
                                        "buffered: " + c.writer().getWriteBufferSize());
                                return awaiting(coro(x -> awaiting(c.reader().readexactly(big.length)), x -> {
                                    assertArrayEquals(sha256(big), sha256((byte[]) x));
                                    return awaiting(c.writer().drain());
                                }, x -> {
                                    assertEquals(0, c.writer().getWriteBufferSize());
                                    c.writer().close();
                                    server.close();
                                    return "ok";
                                }));
                            }));
                }));
        assertEquals("ok", r);
    }
}
