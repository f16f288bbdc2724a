package dev.jasyncio;

/**
 * asyncio's {@code QueueFull}: raised by {@code putNowait()} on a full queue. Unchecked.
 */
public class QueueFull extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueueFull() {
        super();
    }

    public QueueFull(String message) {
        super(message);
    }
}
