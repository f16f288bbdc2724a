package dev.jasyncio.benchmarks.harness;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Everything one harness run measured: raw repetitions, per-process warm medians, failures. */
final class Results {

    /** One repetition as a measuring process reported it. */
    static final class Row {
        final Metric metric;
        final Impl impl;
        final int process;
        final int rep;
        final double value;
        final boolean warm;
        final double load;

        Row(Metric metric, Impl impl, int process, int rep, double value, boolean warm, double load) {
            this.metric = metric;
            this.impl = impl;
            this.process = process;
            this.rep = rep;
            this.value = value;
            this.warm = warm;
            this.load = load;
        }
    }

    Machine machine;
    String started;
    String finished;
    String mode;
    double elapsedSeconds;
    double loadAtEnd;
    double maxLoad;
    final List<Row> raw = new ArrayList<>();
    final Map<Metric, Map<Impl, List<Double>>> perProcess = new EnumMap<>(Metric.class);
    final Map<Metric, Map<Impl, String>> errors = new EnumMap<>(Metric.class);

    void record(Job job, Impl impl, int process, int warmups, Harness.RunOutput out, double load) {
        maxLoad = Math.max(maxLoad, load);
        for (Metric m : job.metrics) {
            List<Double> v = out.values.getOrDefault(m, List.of());
            for (int i = 0; i < v.size(); i++) {
                raw.add(new Row(m, impl, process, i, v.get(i), i >= warmups, load));
            }
            List<Double> warm = v.size() > warmups ? v.subList(warmups, v.size()) : List.of();
            if (!warm.isEmpty()) {
                perProcess.computeIfAbsent(m, k -> new EnumMap<>(Impl.class))
                        .computeIfAbsent(impl, k -> new ArrayList<>()).add(Stats.median(warm));
            }
            if (out.error != null) {
                errors.computeIfAbsent(m, k -> new EnumMap<>(Impl.class)).put(impl, out.error);
            }
        }
    }

    /** The median over processes of the warm medians, NaN if nothing was measured. */
    double median(Metric m, Impl impl) {
        List<Double> v = processes(m, impl);
        return Stats.median(v);
    }

    /** The warm median of each process. */
    List<Double> processes(Metric m, Impl impl) {
        return perProcess.getOrDefault(m, Map.of()).getOrDefault(impl, List.of());
    }

    /** The failure of a combination, or null. */
    String error(Metric m, Impl impl) {
        return errors.getOrDefault(m, Map.of()).get(impl);
    }
}
