package dev.jasyncio.streams;

import dev.jasyncio.EventLoop;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * asyncio's {@code _FlowControlMixin} for transports: pauses the protocol's writing when the write buffer grows
 * above the high-water mark (64 KiB by default) and resumes it once the buffer is back to the low one (a quarter of
 * the high one). {@link StreamWriter#drain()} waits while paused.
 */
abstract class FlowControlledTransport implements WriteTransport {

    static final int DEFAULT_HIGH_WATER = 64 * 1024;

    final EventLoop loop;
    Protocol protocol;
    private boolean protocolPaused;
    private int highWater = DEFAULT_HIGH_WATER;
    private int lowWater = DEFAULT_HIGH_WATER / 4;

    FlowControlledTransport(EventLoop loop, Protocol protocol) {
        this.loop = loop;
        this.protocol = protocol;
    }

    final void maybePauseProtocol() {
        if (getWriteBufferSize() <= highWater || protocolPaused) {
            return;
        }
        protocolPaused = true;
        try {
            protocol.pauseWriting();
        } catch (RuntimeException e) {
            reportProtocolFailure("protocol.pause_writing() failed", e);
        }
    }

    final void maybeResumeProtocol() {
        if (protocolPaused && getWriteBufferSize() <= lowWater) {
            protocolPaused = false;
            try {
                protocol.resumeWriting();
            } catch (RuntimeException e) {
                reportProtocolFailure("protocol.resume_writing() failed", e);
            }
        }
    }

    /**
     * asyncio's {@code set_write_buffer_limits}: a negative {@code high} means the default (or four times
     * {@code low} if that is given), a negative {@code low} a quarter of {@code high}.
     */
    @Override
    public final void setWriteBufferLimits(int high, int low) {
        if (high < 0) {
            high = low < 0 ? DEFAULT_HIGH_WATER : 4 * low;
        }
        if (low < 0) {
            low = high / 4;
        }
        if (!(high >= low && low >= 0)) {
            throw new IllegalArgumentException("high (" + high + ") must be >= low (" + low + ") must be >= 0");
        }
        highWater = high;
        lowWater = low;
        maybePauseProtocol();
    }

    private void reportProtocolFailure(String message, RuntimeException e) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("message", message);
        context.put("exception", e);
        context.put("transport", this);
        context.put("protocol", protocol);
        loop.callExceptionHandler(context);
    }
}
