package dev.jasyncio.samples.io;

import com.sun.net.httpserver.HttpServer;
import dev.jasyncio.Asyncio;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The four I/O samples, run for real on loopback: pages, database rows, echoed lines, a child's lines. */
class IoSamplesTest {

    @Test
    void concurrentFetchGetsEveryPageAtOncePerClient() throws Exception {
        int pages = 30;
        HttpServer site = ConcurrentFetch.startSite(300);
        try {
            List<String> urls = ConcurrentFetch.urls(site, pages);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            ConcurrentFetch.Result viaClient = Asyncio.run(ConcurrentFetch.fetchAll(urls, client));
            ConcurrentFetch.Result viaStreams = Asyncio.run(ConcurrentFetch.fetchAll(urls, null));
            for (int i = 0; i < pages; i++) {
                assertEquals("<html>page " + (i + 1) + "</html>", viaStreams.bodies().get(i));
            }
            assertEquals(viaStreams.bodies(), viaClient.bodies());
            // One after the other, 30 pages of 0.3 s would take 9 s.
            assertTrue(viaStreams.seconds() < 3, "streams: " + viaStreams.seconds());
            assertTrue(viaClient.seconds() < 4.5, "HttpClient: " + viaClient.seconds());
        } finally {
            site.stop(0);
        }
    }

    @Test
    void miniHttpClientReadsChunkedBodies() throws Exception {
        HttpServer site = HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 10);
        site.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0); // length 0: chunked transfer coding
            try (java.io.OutputStream out = exchange.getResponseBody()) {
                out.write("first part, ".getBytes());
                out.flush();
                out.write("second part".getBytes());
            }
        });
        site.start();
        try {
            MiniHttpClient.Response r = Asyncio.run(MiniHttpClient.get(
                    "http://127.0.0.1:" + site.getAddress().getPort() + "/chunked"));
            assertEquals(200, r.status());
            assertEquals("chunked", r.headers().get("transfer-encoding"));
            assertEquals("first part, second part", r.text());
        } finally {
            site.stop(0);
        }
    }

    @Test
    void parallelQueriesReturnBothTables() {
        List<List<Map<String, Object>>> results = Asyncio.run(ParallelQueries.runQueries(
                List.of("SELECT * FROM table1 ORDER BY id", "SELECT * FROM table2 ORDER BY id")));
        assertEquals("[{id=1, name=alpha}, {id=2, name=beta}]", results.get(0).toString());
        assertEquals("[{id=1, city=Lisbon}, {id=2, city=Oslo}, {id=3, city=Quito}]", results.get(1).toString());
    }

    @Test
    void echoServerAnswersEveryLineOfEveryClient() throws Exception {
        assertEquals(100 * 10, (int) Asyncio.run(EchoServer.run(100, 10)));
    }

    @Test
    void datagramEchoAnswersEveryClientAndTheServerStopsWhenCancelled() throws Exception {
        DatagramEcho.Result r = Asyncio.run(DatagramEcho.run(10, 20));
        assertEquals(10 * 20, r.echoed());
        assertTrue(r.served() >= 10 * 20, "served " + r.served());
    }

    @Test
    void httpsGetFetchesThePageFromTheJdksHttpsServer() throws Exception {
        java.security.KeyStore keys = HttpsGet.selfSignedKeyStore();
        com.sun.net.httpserver.HttpsServer server = HttpsGet.startServer(HttpsGet.serverContext(keys));
        try {
            HttpsGet.Result r = Asyncio.run(HttpsGet.get("localhost", server.getAddress().getPort(), "/hello",
                    HttpsGet.clientContext(keys)));
            assertEquals(200, r.status());
            assertEquals("hello over TLS\n", r.body());
            assertTrue(r.protocol().startsWith("TLSv1."), r.protocol());
            assertEquals("CN=localhost", r.peer());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void subprocessLinesArriveWhileTheChildRuns() throws Exception {
        List<SubprocessLines.Line> lines = Asyncio.run(SubprocessLines.follow(4, 150));
        assertEquals(List.of("tick 1", "tick 2", "tick 3", "tick 4"), lines.stream().map(SubprocessLines.Line::text)
                .toList());
        double spread = lines.get(3).at() - lines.get(0).at();
        assertTrue(spread > 0.3, "lines came one by one, not all at the end: " + lines);
    }
}
