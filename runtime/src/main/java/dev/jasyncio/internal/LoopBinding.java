package dev.jasyncio.internal;

import dev.jasyncio.Asyncio;
import dev.jasyncio.EventLoop;

/**
 * asyncio's {@code _LoopBoundMixin} for queues and synchronization primitives: such an object may be created
 * anywhere, and binds to the loop that first makes it wait; using it from another loop afterwards is an error.
 */
public final class LoopBinding {

    private EventLoop loop;

    /** The running loop, bound on first use; {@link IllegalStateException} if {@code owner} is bound elsewhere. */
    public EventLoop loop(Object owner) {
        EventLoop running = Asyncio.getRunningLoop();
        if (loop == null) {
            loop = running;
        } else if (loop != running) {
            throw new IllegalStateException(owner + " is bound to a different event loop");
        }
        return running;
    }
}
