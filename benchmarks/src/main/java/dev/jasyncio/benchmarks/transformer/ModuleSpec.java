package dev.jasyncio.benchmarks.transformer;

import java.util.Map;

/**
 * The generated module both measurements use, from {@code --classes N} (default 500), {@code --share S} (the async
 * share of the typical module, default 0.2) and {@code --seed N} (default 1).
 */
record ModuleSpec(int classes, double share, long seed) {

    static ModuleSpec of(Map<String, String> opts) {
        return new ModuleSpec(Integer.parseInt(opts.getOrDefault("classes", "500")),
                Double.parseDouble(opts.getOrDefault("share", "0.2")),
                Long.parseLong(opts.getOrDefault("seed", "1")));
    }
}
