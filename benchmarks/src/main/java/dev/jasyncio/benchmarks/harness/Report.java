package dev.jasyncio.benchmarks.harness;

import java.util.List;
import java.util.Locale;

import static dev.jasyncio.benchmarks.harness.Impl.JASYNCIO;
import static dev.jasyncio.benchmarks.harness.Impl.KOTLIN;
import static dev.jasyncio.benchmarks.harness.Impl.PLAIN;

/** Renders {@link Results} as a markdown table, CSV and JSON. */
final class Report {

    private static final List<Impl> COLUMNS = List.of(Impl.values());

    private Report() {
    }

    /** A figure with three significant digits at most, thousands grouped. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    static String ratio(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return "–";
        }
        return (r >= 10 ? String.format(Locale.ROOT, "%.0f", r)
                : r >= 1 ? String.format(Locale.ROOT, "%.2f", r) : String.format(Locale.ROOT, "%.2g", r)) + "x";
    }

    /** True for rows whose cells carry a ratio to Kotlin. */
    static boolean comparesToKotlin(Metric m) {
        return m != Metric.W2_10M && m != Metric.W1_X2 && m != Metric.W4_X2 && m != Metric.CPU_X2
                && m != Metric.ALLOC_X2;
    }

    static String cell(Results r, Metric m, Impl impl) {
        String why = Harness.missing(m, impl);
        if (why != null) {
            return why;
        }
        double v = r.median(m, impl);
        String err = r.error(m, impl);
        if (Double.isNaN(v)) {
            return err != null ? "failed: " + err : "not run";
        }
        StringBuilder b = new StringBuilder(number(v)).append(' ').append(m.unit);
        double kotlin = r.median(m, KOTLIN);
        double plain = r.median(m, PLAIN);
        if (comparesToKotlin(m) && impl != KOTLIN && !Double.isNaN(kotlin)) {
            b.append(" (").append(ratio(v / kotlin));
            if (m == Metric.W5 && impl != PLAIN && !Double.isNaN(plain)) {
                b.append("; ").append(ratio(v / plain)).append(" plain");
            }
            b.append(')');
        } else if (m == Metric.W5 && impl == KOTLIN && !Double.isNaN(plain)) {
            b.append(" (").append(ratio(v / plain)).append(" plain)");
        }
        if (err != null) {
            b.append(" (some processes failed: ").append(err).append(')');
        }
        return b.toString();
    }

    /** Whether jasyncio meets the target on {@code m}, and by how much. */
    static String status(Results r, Metric m) {
        double j = r.median(m, JASYNCIO);
        if (Double.isNaN(j)) {
            String err = r.error(m, JASYNCIO);
            if (m == Metric.W2_10M && err != null) {
                return "**not met** (" + err + ")";
            }
            return "not measured";
        }
        double k = r.median(m, KOTLIN);
        switch (m) {
            case W1:
            case W3A:
                return against(j / k, 0.6, "Kotlin");
            case W4:
                return against(j / k, 0.5, "Kotlin");
            case W3A_PAIR:
                return ratio(j / k) + " Kotlin (no target: shows a switch that goes round the loop)";
            case W3B:
                return against(j / k, 1.1, "Kotlin");
            case W5:
                return against(j / r.median(m, PLAIN), 2.0, "plain");
            case W2_10M:
                return "met (fits: " + number(j) + " B per task)";
            case W2:
                return j <= 120 ? "met (" + number(j) + " B)"
                        : "**not met** (" + number(j) + " B, " + ratio(j / 120) + " the 120 B budget)";
            case TIMERS:
                return ratio(j / k) + " Kotlin; O(log n): see JMH";
            case TIMERS_RETAINED:
                return j < 16 ? "met (no cancelled timer kept)" : "**not met** (" + number(j) + " B kept)";
            case W1_X2:
            case W4_X2:
                double load = maxLoad(r, m);
                if (load > r.machine.cores) {
                    return "inconclusive (" + number(j) + "x, but load " + number(load) + " on "
                            + r.machine.cores + " cores left no idle core)";
                }
                return j >= 1.8 ? "met (" + number(j) + "x)" : "**not met** (" + number(j) + "x of 2x" + control(r) + ")";
            case CPU_X2:
            case ALLOC_X2:
                return "what this machine gives without a runtime (" + number(j) + "x)";
            default:
                return "";
        }
    }

    /** The controls' speed-ups, which bound what a runtime can show on this machine. */
    private static String control(Results r) {
        double cpu = r.median(Metric.CPU_X2, JASYNCIO);
        double alloc = r.median(Metric.ALLOC_X2, JASYNCIO);
        return Double.isNaN(cpu) ? "" : "; the machine itself gives " + number(cpu) + "x to plain CPU work and "
                + number(alloc) + "x to plain allocation";
    }

    private static double maxLoad(Results r, Metric m) {
        double max = 0;
        for (Results.Row row : r.raw) {
            if (row.metric == m && !Double.isNaN(row.load)) {
                max = Math.max(max, row.load);
            }
        }
        return max;
    }

    private static String against(double ratio, double limit, String base) {
        if (Double.isNaN(ratio)) {
            return "no " + base + " figure";
        }
        String r = ratio(ratio) + " " + base;
        return ratio <= limit ? "met (" + r + ")" : "**not met** (" + r + ", target " + ratio(limit) + ", "
                + String.format(Locale.ROOT, "%.1fx", ratio / limit) + " over)";
    }

    /** The comparison table. */
    static String markdownTable(Results r) {
        StringBuilder b = new StringBuilder("| workload |");
        for (Impl i : COLUMNS) {
            b.append(' ').append(i.title).append(" |");
        }
        b.append(" target (jasyncio) | jasyncio vs target |\n|");
        for (int i = 0; i < COLUMNS.size() + 3; i++) {
            b.append(" --- |");
        }
        b.append('\n');
        for (Metric m : Metric.values()) {
            if (!r.perProcess.containsKey(m) && !r.errors.containsKey(m)) {
                continue;
            }
            b.append("| ").append(m.title).append(" |");
            for (Impl i : COLUMNS) {
                String c = cell(r, m, i);
                b.append(' ').append(i == JASYNCIO && !c.startsWith("n/a") && !c.equals("–")
                        ? "**" + c + "**" : c).append(" |");
            }
            b.append(' ').append(m.target).append(" | ").append(status(r, m)).append(" |\n");
        }
        return b.toString();
    }

    /** How the table was obtained. */
    static String footer(Results r) {
        Machine m = r.machine;
        return String.format(Locale.ROOT,
                "Warm medians: per process the median of the repetitions after the warm-up ones, then the median "
                        + "over processes (%s). Ratios are to Kotlin coroutines (and to plain calls for W5). "
                        + "Machine: %d cores, %s, %.1f GiB; JDK %s, virtual threads on JDK %s; commit %s. "
                        + "Load average (1 min): %.2f at start, %.2f at end, %.2f at most; run took %.0f s (%s to %s).",
                r.mode, m.cores, m.cpu, m.memoryBytes / (1024.0 * 1024 * 1024), m.jdk17, m.jdk25, m.commit,
                m.loadAtStart, r.loadAtEnd, r.maxLoad, r.elapsedSeconds, r.started, r.finished);
    }

    /** Medians per combination, with the spread over processes and the ratios. */
    static String csv(Results r) {
        StringBuilder b = new StringBuilder(
                "metric,unit,implementation,median,min_process,max_process,processes,ratio_vs_kotlin,ratio_vs_plain\n");
        for (Metric m : Metric.values()) {
            for (Impl i : Impl.values()) {
                List<Double> p = r.processes(m, i);
                if (p.isEmpty()) {
                    continue;
                }
                double v = Stats.median(p);
                b.append(m.id).append(',').append(m.unit).append(',').append(i.id).append(',')
                        .append(v).append(',').append(Stats.min(p)).append(',').append(Stats.max(p)).append(',')
                        .append(p.size()).append(',').append(csvNum(v / r.median(m, KOTLIN))).append(',')
                        .append(csvNum(v / r.median(m, PLAIN))).append('\n');
            }
        }
        b.append("\n# raw repetitions\nmetric,implementation,process,repetition,value,warm,load1\n");
        for (Results.Row row : r.raw) {
            b.append(row.metric.id).append(',').append(row.impl.id).append(',').append(row.process).append(',')
                    .append(row.rep).append(',').append(row.value).append(',').append(row.warm).append(',')
                    .append(row.load).append('\n');
        }
        return b.toString();
    }

    /** Everything as JSON: machine, summary, raw repetitions, failures. */
    static String json(Results r) {
        Machine m = r.machine;
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"machine\": {\"cores\": ").append(m.cores).append(", \"cpu\": ").append(q(m.cpu))
                .append(", \"os\": ").append(q(m.os)).append(", \"memoryBytes\": ").append(m.memoryBytes)
                .append(", \"jdk17\": ").append(q(m.jdk17)).append(", \"jdk25\": ").append(q(m.jdk25))
                .append(", \"commit\": ").append(q(m.commit)).append("},\n");
        b.append("  \"run\": {\"mode\": ").append(q(r.mode)).append(", \"started\": ").append(q(r.started))
                .append(", \"finished\": ").append(q(r.finished)).append(", \"seconds\": ").append(num(r.elapsedSeconds))
                .append(", \"loadAtStart\": ").append(num(m.loadAtStart)).append(", \"loadAtEnd\": ")
                .append(num(r.loadAtEnd)).append(", \"maxLoad\": ").append(num(r.maxLoad)).append("},\n");
        b.append("  \"summary\": [\n");
        boolean first = true;
        for (Metric met : Metric.values()) {
            for (Impl i : Impl.values()) {
                List<Double> p = r.processes(met, i);
                String err = r.error(met, i);
                if (p.isEmpty() && err == null) {
                    continue;
                }
                b.append(first ? "" : ",\n").append("    {\"metric\": ").append(q(met.id)).append(", \"unit\": ")
                        .append(q(met.unit)).append(", \"implementation\": ").append(q(i.id))
                        .append(", \"median\": ").append(num(Stats.median(p))).append(", \"processes\": [");
                for (int k = 0; k < p.size(); k++) {
                    b.append(k == 0 ? "" : ", ").append(num(p.get(k)));
                }
                b.append("], \"ratioVsKotlin\": ").append(num(Stats.median(p) / r.median(met, KOTLIN)));
                if (err != null) {
                    b.append(", \"error\": ").append(q(err));
                }
                b.append('}');
                first = false;
            }
        }
        b.append("\n  ],\n  \"raw\": [\n");
        for (int k = 0; k < r.raw.size(); k++) {
            Results.Row row = r.raw.get(k);
            b.append("    {\"metric\": ").append(q(row.metric.id)).append(", \"implementation\": ")
                    .append(q(row.impl.id)).append(", \"process\": ").append(row.process).append(", \"rep\": ")
                    .append(row.rep).append(", \"value\": ").append(num(row.value)).append(", \"warm\": ")
                    .append(row.warm).append(", \"load1\": ").append(num(row.load)).append('}')
                    .append(k + 1 < r.raw.size() ? ",\n" : "\n");
        }
        b.append("  ]\n}\n");
        return b.toString();
    }

    private static String csvNum(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "" : Double.toString(v);
    }

    private static String num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "null" : Double.toString(v);
    }

    private static String q(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
