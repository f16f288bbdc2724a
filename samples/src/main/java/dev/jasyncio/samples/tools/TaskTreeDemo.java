package dev.jasyncio.samples.tools;

import dev.jasyncio.Asyncio;
import dev.jasyncio.CancelledError;
import dev.jasyncio.Coroutine;
import dev.jasyncio.EventLoop;
import dev.jasyncio.Task;
import dev.jasyncio.annotations.Async;

import java.util.List;

import static dev.jasyncio.Asyncio.*;

/**
 * Prints the task tree of a small crawler one second into its run: which task awaits which, and the file and line
 * each one is suspended at. On virtual time, so it ends at once.
 */
public final class TaskTreeDemo {

    private TaskTreeDemo() {
    }

    @Async
    static Coroutine<String> fetch(String url, double seconds) {
        await(sleep(seconds));
        return Coroutine.of(url);
    }

    @Async
    static Coroutine<List<String>> crawl() {
        Task<String> a = createTask(fetch("/a", 5), "fetch /a");
        Task<String> b = createTask(fetch("/b", 9), "fetch /b");
        List<String> pages = await(gather(a, b));
        return Coroutine.of(pages);
    }

    @Async
    static Coroutine<String> main() {
        Task<List<String>> crawler = createTask(crawl(), "crawler");
        await(sleep(1));
        String tree = taskTree().format();
        crawler.cancel();
        try {
            await(crawler);
        } catch (CancelledError expected) {
            // the crawl was only there to be looked at
        }
        return Coroutine.of(tree);
    }

    /** The tree, as {@link #main} prints it. */
    public static String snapshot() {
        return Asyncio.run(main(), EventLoop::withVirtualTime);
    }

    public static void main(String[] args) {
        System.out.print(snapshot());
    }
}
