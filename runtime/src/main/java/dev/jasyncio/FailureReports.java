package dev.jasyncio;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A loop's unreported failures (see {@link FailureReport}): reported when the loop closes if their futures are
 * still around then, and the bound on how many of them are held strongly.
 *
 * <p>Most failures are retrieved at once (an awaiter wakes up with them), so the set stays small; only failures
 * nobody looks at stay, until their futures are collected. The {@link #STRONG_LIMIT} most recent ones keep their
 * exception strongly (a report with the very exception object); older ones are loosened, so that a failure whose
 * exception references its own future cannot keep it alive: memory stays bounded however many such failures a
 * long-running loop sees. Touched by the loop's thread and the cleaner's: every method is synchronized.
 */
final class FailureReports {

    /** How many unretrieved failures are held strongly at most. */
    static final int STRONG_LIMIT = 1024;

    /** Not reported, not retrieved, future not collected yet: in failure order. */
    private final Set<FailureReport> unreported = new LinkedHashSet<>();
    /** The most recent reports, oldest first; retrieved ones are dropped as they come to the head. */
    private final ArrayDeque<FailureReport> recent = new ArrayDeque<>();

    synchronized void add(FailureReport report) {
        unreported.add(report);
        recent.add(report);
        while (recent.size() > STRONG_LIMIT) {
            recent.poll().loosen();
        }
    }

    synchronized void remove(FailureReport report) {
        unreported.remove(report);
    }

    /** The failures not reported nor retrieved yet, in failure order; none afterwards. */
    synchronized List<FailureReport> takeAll() {
        List<FailureReport> all = new ArrayList<>(unreported);
        unreported.clear();
        recent.clear();
        return all;
    }

    /** How many failures are held strongly now (tests). */
    synchronized int stronglyHeld() {
        int n = 0;
        for (FailureReport r : recent) {
            if (r.holdsFailure()) {
                n++;
            }
        }
        return n;
    }
}
