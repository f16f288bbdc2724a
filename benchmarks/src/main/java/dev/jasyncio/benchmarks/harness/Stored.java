package dev.jasyncio.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the {@code results.json} a run wrote (one object per line, as {@link Report#json} writes it), so
 * the table and the chart can be drawn again without measuring again ({@code --render}).
 */
final class Stored {

    private static final Pattern RAW = Pattern.compile("\\{\"metric\": \"([a-z0-9_]+)\", \"implementation\": "
            + "\"([a-z]+)\", \"process\": (\\d+), \"rep\": (\\d+), \"value\": ([^,]+), \"warm\": (true|false), "
            + "\"load1\": ([^}]+)\\}");
    private static final Pattern ERROR = Pattern.compile("\"metric\": \"([a-z0-9_]+)\".*\"implementation\": "
            + "\"([a-z]+)\".*\"error\": \"((?:[^\"\\\\]|\\\\.)*)\"");

    private Stored() {
    }

    static Results read(Path json) throws IOException {
        String text = Files.readString(json);
        Results r = new Results();
        Machine m = Machine.empty();
        m.cores = (int) number(text, "cores");
        m.cpu = string(text, "cpu");
        m.os = string(text, "os");
        m.memoryBytes = (long) number(text, "memoryBytes");
        m.jdk17 = string(text, "jdk17");
        m.jdk25 = string(text, "jdk25");
        m.commit = string(text, "commit");
        m.loadAtStart = number(text, "loadAtStart");
        r.machine = m;
        r.mode = string(text, "mode");
        r.started = string(text, "started");
        r.finished = string(text, "finished");
        r.elapsedSeconds = number(text, "seconds");
        r.loadAtEnd = number(text, "loadAtEnd");
        r.maxLoad = number(text, "maxLoad");
        Map<Metric, Map<Impl, Map<Integer, List<Double>>>> warm = new EnumMap<>(Metric.class);
        for (String line : text.split("\n")) {
            Matcher raw = RAW.matcher(line);
            if (raw.find()) {
                Metric metric = Metric.of(raw.group(1));
                Impl impl = Impl.of(raw.group(2));
                int process = Integer.parseInt(raw.group(3));
                double value = Double.parseDouble(raw.group(5));
                boolean isWarm = Boolean.parseBoolean(raw.group(6));
                double load = raw.group(7).equals("null") ? Double.NaN : Double.parseDouble(raw.group(7));
                r.raw.add(new Results.Row(metric, impl, process, Integer.parseInt(raw.group(4)), value, isWarm, load));
                if (isWarm) {
                    warm.computeIfAbsent(metric, k -> new EnumMap<>(Impl.class))
                            .computeIfAbsent(impl, k -> new java.util.TreeMap<>())
                            .computeIfAbsent(process, k -> new ArrayList<>()).add(value);
                }
                continue;
            }
            Matcher err = ERROR.matcher(line);
            if (err.find()) {
                r.errors.computeIfAbsent(Metric.of(err.group(1)), k -> new EnumMap<>(Impl.class))
                        .put(Impl.of(err.group(2)), err.group(3).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
        }
        for (Map.Entry<Metric, Map<Impl, Map<Integer, List<Double>>>> e : warm.entrySet()) {
            for (Map.Entry<Impl, Map<Integer, List<Double>>> i : e.getValue().entrySet()) {
                for (List<Double> values : i.getValue().values()) {
                    r.perProcess.computeIfAbsent(e.getKey(), k -> new EnumMap<>(Impl.class))
                            .computeIfAbsent(i.getKey(), k -> new ArrayList<>()).add(Stats.median(values));
                }
            }
        }
        return r;
    }

    private static String string(String text, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(text);
        return m.find() ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : null;
    }

    private static double number(String text, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.eE]+)").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
