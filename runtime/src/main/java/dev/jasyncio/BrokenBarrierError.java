package dev.jasyncio;

/**
 * asyncio's {@code BrokenBarrierError}: raised by {@code Barrier.await()} when the barrier is aborted or reset
 * while a task waits at it, or is broken already. Unchecked.
 */
public class BrokenBarrierError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrokenBarrierError() {
        super();
    }

    public BrokenBarrierError(String message) {
        super(message);
    }
}
