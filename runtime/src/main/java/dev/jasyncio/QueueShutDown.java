package dev.jasyncio;

/**
 * asyncio's {@code QueueShutDown}: raised by {@code put} and {@code putNowait} on a queue that was shut down, and
 * by {@code get} and {@code getNowait} once it is empty too (at once after {@code shutdown(true)}). Unchecked.
 */
public class QueueShutDown extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueueShutDown() {
        super();
    }

    public QueueShutDown(String message) {
        super(message);
    }
}
