package dev.jasyncio.benchmarks.echo;

/** Round-trip times at microsecond resolution up to ten seconds (beyond: counted at ten seconds). */
final class LatencyHistogram {

    private static final int MAX_MICROS = 10_000_000;

    private final int[] counts = new int[MAX_MICROS + 1];
    private long total;

    void record(long nanos) {
        int micros = (int) Math.min(MAX_MICROS, nanos / 1000);
        counts[micros]++;
        total++;
    }

    long count() {
        return total;
    }

    /** The smallest time, in microseconds, that {@code q} (0..1) of the samples do not exceed. */
    int percentile(double q) {
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i;
            }
        }
        return MAX_MICROS;
    }
}
