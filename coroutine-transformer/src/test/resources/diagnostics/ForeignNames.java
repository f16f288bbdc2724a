package demo;

import org.springframework.scheduling.annotation.Async;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;

/** Other libraries' @Async and await: none of this is jasyncio, so nothing is reported. */
class ForeignNames {

    @Async
    public CompletableFuture<String> springAsync() {
        return CompletableFuture.completedFuture("spring");
    }

    @Async
    public void springFireAndForget() {
    }

    void awaitility() {
        await().atMost(Duration.ofSeconds(1)).until(() -> true);
        await("alias").until(() -> true);
    }
}
