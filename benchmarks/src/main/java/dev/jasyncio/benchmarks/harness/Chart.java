package dev.jasyncio.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.jasyncio.benchmarks.harness.Impl.KOTLIN;
import static dev.jasyncio.benchmarks.harness.Impl.PLAIN;

/**
 * Draws the results as an SVG bar chart, written by hand: one group per workload, one bar per implementation,
 * the length being the figure relative to Kotlin coroutines on a logarithmic axis (shorter is better), the
 * absolute figure printed beside each bar, and the target for jasyncio as a red mark.
 */
final class Chart {

    private static final int WIDTH = 1000;
    private static final int LABEL_WIDTH = 250;
    private static final int PLOT_LEFT = LABEL_WIDTH + 10;
    private static final int PLOT_RIGHT = WIDTH - 170;
    private static final int BAR = 13;
    private static final int GAP = 3;
    private static final String[] COLORS = {"#1f6fd1", "#8e44ad", "#27ae60", "#e67e22", "#8d6e63", "#9e9e9e"};
    private static final Metric[] ROWS = {Metric.W1, Metric.W2, Metric.W3A, Metric.W3B, Metric.W4, Metric.W5,
        Metric.TIMERS, Metric.TIMERS_RETAINED};

    private Chart() {
    }

    /** The chart for {@code r}. */
    static String svg(Results r) {
        double lo = 1;
        double hi = 1;
        for (Metric m : ROWS) {
            double k = r.median(m, KOTLIN);
            for (Impl i : Impl.values()) {
                double v = r.median(m, i) / k;
                if (v > 0 && !Double.isInfinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        int loExp = (int) Math.floor(Math.log10(lo) - 0.3);
        int hiExp = Math.max(loExp + 1, (int) Math.ceil(Math.log10(hi)));
        loExp = Math.max(loExp, -4);
        hiExp = Math.min(hiExp, 4);

        StringBuilder body = new StringBuilder();
        int y = 96;
        for (Metric m : ROWS) {
            double k = r.median(m, KOTLIN);
            if (Double.isNaN(k)) {
                continue;
            }
            List<Impl> shown = new ArrayList<>();
            for (Impl i : Impl.values()) {
                if (!Double.isNaN(r.median(m, i))) {
                    shown.add(i);
                }
            }
            int groupHeight = shown.size() * (BAR + GAP) + 10;
            body.append(text(8, y + 12, m.shortTitle, "start", 12, "bold"));
            body.append(text(8, y + 28, "(" + m.unit + per(m) + ")", "start", 11, "normal"));
            int by = y;
            StringBuilder labels = new StringBuilder();
            for (Impl i : shown) {
                double v = r.median(m, i);
                double ratio = v / k;
                double x1 = x(ratio, loExp, hiExp);
                body.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %s %s</title></rect>%n",
                        PLOT_LEFT, by, Math.max(1, x1 - PLOT_LEFT), BAR, COLORS[i.ordinal()], esc(i.title),
                        Report.number(v), m.unit));
                String label = Report.number(v) + " " + m.unit + (i == KOTLIN ? "" : "  " + Report.ratio(ratio));
                if (m == Metric.W5 && i != PLAIN && !Double.isNaN(r.median(m, PLAIN))) {
                    label += " (" + Report.ratio(v / r.median(m, PLAIN)) + " plain)";
                }
                labels.append(halo(text(Math.min(x1, PLOT_RIGHT) + 4, by + BAR - 2, label, "start", 10, "normal")));
                by += BAR + GAP;
            }
            double target = targetRatio(r, m);
            if (!Double.isNaN(target)) {
                double tx = x(target, loExp, hiExp);
                body.append(String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d62728\" stroke-width=\"2\" "
                                + "stroke-dasharray=\"4,2\"><title>target for jasyncio</title></line>%n",
                        tx, y - 2, tx, y + BAR + 2));
            }
            body.append(labels);
            y += Math.max(groupHeight, 40) + 8;
            body.append(String.format(Locale.ROOT,
                    "<line x1=\"8\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eeeeee\"/>%n", y - 6, WIDTH - 8, y - 6));
        }
        int height = y + 40;

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"Helvetica, Arial, sans-serif\">%n", WIDTH, height, WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, height));
        svg.append(text(8, 20, "jasyncio vs Kotlin coroutines, virtual threads, EA Async, CompletableFuture",
                "start", 16, "bold"));
        Machine mc = r.machine;
        svg.append(text(8, 38, String.format(Locale.ROOT,
                "Relative to Kotlin coroutines = 1 (log scale, shorter is better); warm medians; %d cores, %s; "
                        + "load average %.1f-%.1f", mc.cores, mc.cpu, minLoad(r), r.maxLoad), "start", 11, "normal"));
        int lx = 8;
        for (Impl i : Impl.values()) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"50\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    lx, COLORS[i.ordinal()]));
            svg.append(text(lx + 16, 60, i.title, "start", 11, "normal"));
            lx += 30 + (int) (i.title.length() * 5.8);
        }
        svg.append("<line x1=\"12\" y1=\"68\" x2=\"12\" y2=\"80\" stroke=\"#d62728\" stroke-width=\"2\" "
                + "stroke-dasharray=\"4,2\"/>\n");
        svg.append(text(24, 78, "target for jasyncio", "start", 11, "normal"));
        for (int e = loExp; e <= hiExp; e++) {
            double gx = x(Math.pow(10, e), loExp, hiExp);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"86\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"%s\"/>%n",
                    gx, gx, height - 30, e == 0 ? "#444444" : "#dddddd", e == 0 ? "1.5" : "1"));
            svg.append(text(gx, height - 16, e == 0 ? "1 = Kotlin" : fmtPow(e), "middle", 11, "normal"));
        }
        svg.append(body);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double minLoad(Results r) {
        double min = Math.min(r.machine.loadAtStart, r.loadAtEnd);
        for (Results.Row row : r.raw) {
            if (!Double.isNaN(row.load)) {
                min = Math.min(min, row.load);
            }
        }
        return min;
    }

    private static String per(Metric m) {
        int i = m.title.indexOf(", per ");
        return i < 0 ? "" : " " + m.title.substring(i + 2);
    }

    /** The target for jasyncio as a ratio to Kotlin, NaN if the target is not such a ratio. */
    private static double targetRatio(Results r, Metric m) {
        double k = r.median(m, KOTLIN);
        switch (m) {
            case W1:
            case W3A:
                return 0.6;
            case W4:
                return 0.5;
            case W3B:
                return 1.0;
            case W2:
                return 120 / k;
            case W5:
                return 2 * r.median(m, PLAIN) / k;
            default:
                return Double.NaN;
        }
    }

    private static double x(double ratio, int loExp, int hiExp) {
        double l = Math.log10(Math.max(ratio, Math.pow(10, loExp)));
        double f = (l - loExp) / (hiExp - loExp);
        return PLOT_LEFT + Math.min(1, Math.max(0, f)) * (PLOT_RIGHT - PLOT_LEFT);
    }

    private static String fmtPow(int e) {
        return e < 0 ? String.format(Locale.ROOT, "%." + (-e) + "f", Math.pow(10, e))
                : String.format(Locale.ROOT, "%.0f", Math.pow(10, e));
    }

    private static String text(double x, double y, String s, String anchor, int size, String weight) {
        return String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" font-weight=\"%s\" fill=\"#222222\">%s</text>%n",
                x, y, anchor, size, weight, esc(s));
    }

    /** A white outline under the letters, so labels stay legible over grid lines. */
    private static String halo(String textElement) {
        return textElement.replace("<text ", "<text stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\" ");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
