package dev.jasyncio;

import dev.jasyncio.internal.TestAccess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link TestAccess}: the loop keeps the reports of its futures' failures (see {@link FailureReports}). */
final class FailureTracking implements TestAccess {

    @Override
    public void trackFailures(EventLoop loop) {
        // Every loop keeps its unreported failures (FailureReports): nothing to switch on.
    }

    @Override
    public List<Map<String, Object>> takeUnretrievedFailures(EventLoop loop) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FailureReport u : loop.failureReports().takeAll()) {
            Map<String, Object> context = u.takeIfUnreported();
            if (context != null) {
                out.add(context);
            }
        }
        return out;
    }
}
