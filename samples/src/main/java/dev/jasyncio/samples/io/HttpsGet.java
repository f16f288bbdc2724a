package dev.jasyncio.samples.io;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.annotations.Async;
import dev.jasyncio.streams.StreamPair;
import dev.jasyncio.streams.StreamReader;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.openConnection;

/**
 * An HTTPS {@code GET} on jasyncio streams: {@code openConnection(host, port, sslContext)} does the TLS handshake
 * (SNI, the server's certificate checked against the host name), then the request and response are plain
 * {@code write} / {@code readline} / {@code readexactly}, as asyncio's {@code open_connection(..., ssl=ctx)}.
 *
 * <p>The server is the JDK's own {@code com.sun.net.httpserver.HttpsServer} on 127.0.0.1, with a key and a
 * self-signed certificate for {@code localhost} made at start-up by the JDK's {@code keytool}; the client trusts
 * exactly that certificate. Nothing leaves the machine.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.jasyncio.samples.io.HttpsGet}
 */
public final class HttpsGet {

    private static final char[] PASSWORD = "changeit".toCharArray();

    /** The response, and what the TLS connection was. */
    public record Result(int status, Map<String, String> headers, String body, String protocol, String cipher,
                         String peer) {
    }

    private HttpsGet() {
    }

    /** GETs {@code path} from {@code https://host:port} over jasyncio streams, trusting what {@code ssl} trusts. */
    @Async
    public static Coroutine<Result> get(String host, int port, String path, SSLContext ssl) throws IOException {
        StreamPair connection = await(openConnection(host, port, ssl)); // the handshake is done here
        try {
            SSLSession session = (SSLSession) connection.writer().getExtraInfo("sslsession");
            X509Certificate peer = (X509Certificate) connection.writer().getExtraInfo("peercert");
            connection.writer().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            await(connection.writer().drain());
            StreamReader in = connection.reader();
            String status = line(await(in.readline()));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(await(in.readline())); !h.isEmpty(); h = line(await(in.readline()))) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
            byte[] body = headers.containsKey("content-length")
                    ? await(in.readexactly(Integer.parseInt(headers.get("content-length"))))
                    : await(in.read(-1));
            return Coroutine.of(new Result(Integer.parseInt(status.split(" ")[1]), headers,
                    new String(body, StandardCharsets.UTF_8), session.getProtocol(), session.getCipherSuite(),
                    peer.getSubjectX500Principal().getName()));
        } finally {
            connection.writer().close();
        }
    }

    private static String line(byte[] raw) {
        return new String(raw, StandardCharsets.ISO_8859_1).stripTrailing();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The local HTTPS server and its certificate

    /** A key and self-signed certificate for localhost and 127.0.0.1, made by the running JDK's keytool. */
    public static KeyStore selfSignedKeyStore() throws IOException, GeneralSecurityException, InterruptedException {
        Path dir = Files.createTempDirectory("jasyncio-https");
        Path store = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1",
                "-validity", "1", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + out);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD);
        }
        Files.delete(store);
        Files.delete(dir);
        return ks;
    }

    /** The server's context: its key and certificate. */
    public static SSLContext serverContext(KeyStore keys) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    /** The client's context: trusts the server's certificate and nothing else. */
    public static SSLContext clientContext(KeyStore keys) throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", keys.getCertificate("server"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** The JDK's HttpsServer on 127.0.0.1 (any free port), answering {@code /hello}. */
    public static HttpsServer startServer(SSLContext ctx) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/hello", exchange -> {
            byte[] body = "hello over TLS\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    public static void main(String[] args) throws Exception {
        KeyStore keys = selfSignedKeyStore();
        HttpsServer server = startServer(serverContext(keys));
        try {
            int port = server.getAddress().getPort();
            Result r = Asyncio.run(get("localhost", port, "/hello", clientContext(keys)));
            System.out.println("GET https://localhost:" + port + "/hello -> " + r.status());
            System.out.println("TLS: " + r.protocol() + ", " + r.cipher() + ", server certificate " + r.peer());
            System.out.println("content-type: " + r.headers().get("content-type"));
            System.out.print("body: " + r.body());
        } finally {
            server.stop(0);
        }
    }
}
