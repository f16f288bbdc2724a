package dev.jasyncio.samples.io;

import com.sun.net.httpserver.HttpServer;
import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.jasyncio.Asyncio.await;
import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.gather;

/**
 * Seed 001's asynchronous web scraper ({@code aiohttp.ClientSession}, one task per URL, {@code gather}), on real
 * HTTP: the sample starts a local server whose pages each take {@value #PAGE_DELAY_MS} ms to answer (a slow site),
 * then fetches {@value #PAGES} of them concurrently twice: with the JDK's {@code HttpClient.sendAsync}, whose
 * {@code CompletableFuture} is awaited directly, and with {@link MiniHttpClient}, an HTTP/1.1 client written on
 * jasyncio streams. Either way the whole takes about one page's delay, not fifty.
 *
 * <p>Run: {@code mvn -q -pl samples exec:java -Dexec.mainClass=dev.jasyncio.samples.io.ConcurrentFetch}
 * (an optional argument: the number of pages).
 */
public final class ConcurrentFetch {

    static final int PAGES = 50;
    static final int PAGE_DELAY_MS = 200;

    private ConcurrentFetch() {
    }

    /** What one run fetched. */
    public record Result(List<String> bodies, double seconds) {
    }

    /** The local "site": {@code /page/N} answers {@code <html>page N</html>} after {@code delayMs}. */
    public static HttpServer startSite(int delayMs) throws IOException {
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        site.createContext("/page/", exchange -> {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String n = exchange.getRequestURI().getPath().substring("/page/".length());
            byte[] body = ("<html>page " + n + "</html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        // The server blocks a thread per request (the delay): enough of them for every page at once.
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "site");
            t.setDaemon(true);
            return t;
        });
        site.setExecutor(threads);
        site.start();
        return site;
    }

    /** The page URLs of {@code site}. */
    public static List<String> urls(HttpServer site, int pages) {
        List<String> urls = new ArrayList<>();
        for (int i = 1; i <= pages; i++) {
            urls.add("http://127.0.0.1:" + site.getAddress().getPort() + "/page/" + i);
        }
        return urls;
    }

    /** {@code fetch(session, url)} with the JDK's client: its {@code CompletableFuture}, awaited. */
    @Async
    static Coroutine<String> fetchWithHttpClient(HttpClient client, String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        HttpResponse<String> response = await(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        return Coroutine.of(response.body());
    }

    /** {@code fetch(session, url)} with the client on jasyncio streams. */
    @Async
    static Coroutine<String> fetchWithStreams(String url) throws IOException {
        MiniHttpClient.Response response = await(MiniHttpClient.get(url));
        return Coroutine.of(response.text());
    }

    /** One task per URL, then {@code gather}, as the seed's {@code main(urls)}; {@code client} null: streams. */
    @Async
    public static Coroutine<Result> fetchAll(List<String> urls, HttpClient client) throws IOException {
        long start = System.nanoTime();
        boolean withStreams = client == null;
        List<Task<String>> tasks = new ArrayList<>();
        for (String url : urls) {
            tasks.add(createTask(withStreams ? fetchWithStreams(url) : fetchWithHttpClient(client, url)));
        }
        List<String> results = await(gather(tasks));
        return Coroutine.of(new Result(results, (System.nanoTime() - start) / 1e9));
    }

    @Async
    static Coroutine<Void> main(List<String> urls) throws IOException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // One request first: the JDK client's first use loads and initialises much of java.net.http.
        await(fetchWithHttpClient(client, urls.get(0)));
        Result viaHttpClient = await(fetchAll(urls, client));
        System.out.println(viaHttpClient.bodies().get(0));
        System.out.println("...");
        System.out.println(viaHttpClient.bodies().get(urls.size() - 1));
        System.out.println(String.format(Locale.ROOT, "HttpClient.sendAsync: %d pages in %.2f s",
                urls.size(), viaHttpClient.seconds()));
        Result viaStreams = await(fetchAll(urls, null));
        System.out.println(String.format(Locale.ROOT, "jasyncio streams:     %d pages in %.2f s",
                urls.size(), viaStreams.seconds()));
        System.out.println("same pages: " + viaStreams.bodies().equals(viaHttpClient.bodies()));
        return Coroutine.of(null);
    }

    public static void main(String[] args) throws IOException {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : PAGES;
        HttpServer site = startSite(PAGE_DELAY_MS);
        try {
            System.out.println("each page takes " + PAGE_DELAY_MS + " ms to answer; fetching " + pages);
            Asyncio.run(main(urls(site, pages)));
        } finally {
            site.stop(0);
        }
    }
}
