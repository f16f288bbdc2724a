package dev.jasyncio;

import dev.jasyncio.internal.TestAccess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link TestAccess}: the loop keeps the watchers of its futures' failures (see {@link UnretrievedFailure}). */
final class FailureTracking implements TestAccess {

    @Override
    public void trackFailures(EventLoop loop) {
        loop.hooks().trackFailures();
    }

    @Override
    public List<Map<String, Object>> takeUnretrievedFailures(EventLoop loop) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (UnretrievedFailure u : loop.hooks().takeTrackedFailures()) {
            Map<String, Object> context = u.takeIfUnreported();
            if (context != null) {
                out.add(context);
            }
        }
        return out;
    }
}
