package dev.jasyncio.streams;

/** What a {@link StreamReader} asks of the transport feeding it: flow control (asyncio's {@code ReadTransport}). */
interface ReadTransport {

    /** Stop delivering data until {@link #resumeReading()}: the reader holds more than twice its limit. */
    void pauseReading();

    /** Deliver data again. */
    void resumeReading();
}
