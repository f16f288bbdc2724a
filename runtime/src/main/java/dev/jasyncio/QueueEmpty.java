package dev.jasyncio;

/**
 * asyncio's {@code QueueEmpty}: raised by {@code getNowait()} on an empty queue. Unchecked.
 */
public class QueueEmpty extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueueEmpty() {
        super();
    }

    public QueueEmpty(String message) {
        super(message);
    }
}
