package dev.jasyncio.benchmarks.transformer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes the sources of a synthetic application module: {@code classes} top-level classes spread over packages
 * of 50, a share of them services with {@code @Async} methods, the rest models, records, enums and helpers with
 * no await at all. The same seed gives the same sources, byte for byte.
 *
 * <p>The classes refer to each other the way a real module's do: async methods await the async methods of other
 * services, and every class has a static {@code weigh(String)} that others call, so the transformer resolves
 * types across the whole module.
 */
public final class ModuleGenerator {

    /** Classes per package. */
    private static final int PACKAGE_SIZE = 50;

    private final int classes;
    private final double asyncShare;
    private final long seed;

    /** A module of {@code classes} classes, {@code asyncShare} (0 to 1) of them async. */
    public ModuleGenerator(int classes, double asyncShare, long seed) {
        if (classes < 1 || asyncShare < 0 || asyncShare > 1) {
            throw new IllegalArgumentException("classes >= 1 and 0 <= asyncShare <= 1");
        }
        this.classes = classes;
        this.asyncShare = asyncShare;
        this.seed = seed;
    }

    /** How many of the classes are async: at least one unless the share is 0. */
    public int asyncClasses() {
        return asyncShare == 0 ? 0 : Math.max(1, (int) Math.round(classes * asyncShare));
    }

    /** Source path relative to a source root (e.g. {@code bench/gen/p0/Service3.java}) to source text. */
    public Map<String, String> sources() {
        Random random = new Random(seed);
        boolean[] async = new boolean[classes];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            order.add(i);
        }
        // Async classes scattered over the module rather than bunched in the first packages.
        Collections.shuffle(order, random);
        for (int i = 0; i < asyncClasses(); i++) {
            async[order.get(i)] = true;
        }
        List<String> names = new ArrayList<>();
        List<String> asyncNames = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            String name = "bench.gen.p" + (i / PACKAGE_SIZE) + "." + simpleName(i, async[i]);
            names.add(name);
            if (async[i]) {
                asyncNames.add(name);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < classes; i++) {
            String name = names.get(i);
            Peers peers = new Peers(random, asyncNames, names);
            String source = async[i] ? AsyncClassSource.render(name, random, peers)
                    : PlainClassSource.render(name, i, random, peers);
            out.put(name.replace('.', '/') + ".java", source);
        }
        return out;
    }

    /** Writes {@link #sources()} under {@code root}; returns the files written. */
    public List<Path> writeTo(Path root) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> e : sources().entrySet()) {
            Path file = root.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    private static String simpleName(int i, boolean async) {
        if (async) {
            return "Service" + i;
        }
        return PlainClassSource.kindOf(i).prefix + i;
    }

    /** Picks the classes a generated class refers to. */
    static final class Peers {
        private final Random random;
        private final List<String> async;
        private final List<String> all;

        Peers(Random random, List<String> async, List<String> all) {
            this.random = random;
            this.async = async;
            this.all = all;
        }

        /** Any async service (the class itself included when it is the only one). */
        String service() {
            return async.get(random.nextInt(async.size()));
        }

        /** Any class of the module: every one has a static {@code weigh(String)}. */
        String any() {
            return all.get(random.nextInt(all.size()));
        }
    }
}
