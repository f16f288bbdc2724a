package dev.jasyncio.benchmarks.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small statistics over repetitions. */
public final class Stats {

    private Stats() {
    }

    /** The median of {@code values}, NaN if there are none. */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** The smallest of {@code values}, NaN if there are none. */
    static double min(List<Double> values) {
        return values.isEmpty() ? Double.NaN : Collections.min(values);
    }

    /** The largest of {@code values}, NaN if there are none. */
    static double max(List<Double> values) {
        return values.isEmpty() ? Double.NaN : Collections.max(values);
    }
}
