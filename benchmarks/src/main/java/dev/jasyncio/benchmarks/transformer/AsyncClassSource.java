package dev.jasyncio.benchmarks.transformer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The source of one generated async service: two small static async helpers every service has (the ones other
 * services await), then two to four instance methods drawn from shapes real async code has: awaits in loops,
 * retries with {@code try}/{@code catch}/{@code finally} around awaits, fan-out with tasks and {@code gather},
 * awaits inside ternaries, switches, string concatenation and other awaits, task groups with an async lambda.
 */
final class AsyncClassSource {

    /** One method shape: its text, given the method's number, the random source and the peers. */
    private interface Shape {
        String render(int n, Random r, ModuleGenerator.Peers p);
    }

    private static final List<Shape> SHAPES = List.of(
            AsyncClassSource::collect,
            AsyncClassSource::retry,
            AsyncClassSource::fanOut,
            AsyncClassSource::classify,
            AsyncClassSource::histogram,
            AsyncClassSource::grouped);

    private AsyncClassSource() {
    }

    static String render(String qualifiedName, Random r, ModuleGenerator.Peers p) {
        int dot = qualifiedName.lastIndexOf('.');
        String pkg = qualifiedName.substring(0, dot);
        String simple = qualifiedName.substring(dot + 1);
        StringBuilder s = new StringBuilder();
        s.append("""
                package %s;

                import dev.jasyncio.Coroutine;
                import dev.jasyncio.Task;
                import dev.jasyncio.annotations.Async;

                import java.util.ArrayList;
                import java.util.HashMap;
                import java.util.List;
                import java.util.Map;

                import static dev.jasyncio.Asyncio.await;
                import static dev.jasyncio.Asyncio.createTask;
                import static dev.jasyncio.Asyncio.gather;
                import static dev.jasyncio.Asyncio.sleep;
                import static dev.jasyncio.Asyncio.taskGroup;

                /** Generated async service. */
                public final class %s {

                    private final String name;
                    private final Map<String, Integer> cache = new HashMap<>();
                    private int calls;

                    public %s(String name) {
                        this.name = name;
                    }

                    public int calls() {
                        return calls;
                    }

                    public static int weigh(String s) {
                        int h = 0;
                        for (int i = 0; i < s.length(); i++) {
                            h = h * 31 + s.charAt(i);
                        }
                        return h & %d;
                    }

                    @Async
                    public static Coroutine<Integer> lookup(String key, int attempt) {
                        int h = key.hashCode() * 31 + attempt;
                        if (h %% %d == 0) {
                            await(sleep(0));
                        }
                        return Coroutine.of(h & 0xffff);
                    }

                    @Async
                    public static Coroutine<String> describe(String key) {
                        int v = await(lookup(key, %d));
                        return Coroutine.of(key + ":" + v);
                    }
                """.formatted(pkg, simple, simple, 0xff + r.nextInt(0xff00), 3 + r.nextInt(9), r.nextInt(100)));
        List<Shape> shapes = new ArrayList<>(SHAPES);
        int methods = 2 + r.nextInt(3);
        for (int m = 0; m < methods; m++) {
            // Repeats allowed: a service often has several methods of the same shape.
            Shape shape = shapes.get(r.nextInt(shapes.size()));
            s.append('\n').append(shape.render(m, r, p));
        }
        s.append("}\n");
        return s.toString();
    }

    private static String collect(int n, Random r, ModuleGenerator.Peers p) {
        return """
                    @Async
                    public Coroutine<List<String>> collect%d(List<String> keys) {
                        List<String> out = new ArrayList<>();
                        long started = System.nanoTime();
                        double weight = %d.5;
                        boolean sawOdd = false;
                        StringBuilder trail = new StringBuilder(name);
                        for (String key : keys) {
                            int value = await(lookup(key, calls));
                            Integer other = await(%s.lookup(key, %d));
                            String text = key + "=" + value + "/" + await(%s.describe(key)) + "@" + weight;
                            out.add(text);
                            trail.append(text.length()).append(',');
                            sawOdd |= (value & 1) == 1;
                            weight = weight * 1.01 + other;
                            await(sleep(0));
                        }
                        calls += out.size() + %s.weigh(trail.toString());
                        if (sawOdd && System.nanoTime() - started < 0) {
                            out.add(trail.toString());
                        }
                        return Coroutine.of(out);
                    }
                """.formatted(n, r.nextInt(10), p.service(), r.nextInt(50), p.service(), p.any());
    }

    private static String retry(int n, Random r, ModuleGenerator.Peers p) {
        return """
                    @Async
                    public Coroutine<Integer> retry%d(String key, int attempts) {
                        int tries = 0;
                        long backoff = %dL;
                        while (true) {
                            try {
                                tries++;
                                int v = await(%s.lookup(key, tries));
                                if (v %% %d == 0) {
                                    throw new IllegalStateException("unlucky " + key + " " + v + " after " + backoff);
                                }
                                return Coroutine.of(v + tries);
                            } catch (IllegalStateException e) {
                                if (tries >= attempts) {
                                    throw e;
                                }
                                backoff *= 2;
                                await(sleep(0));
                            } finally {
                                calls++;
                                cache.put(key, tries);
                            }
                        }
                    }
                """.formatted(n, 1 + r.nextInt(100), p.service(), 2 + r.nextInt(7));
    }

    private static String fanOut(int n, Random r, ModuleGenerator.Peers p) {
        return """
                    @Async
                    public Coroutine<Long> fanOut%d(int n) {
                        List<Task<Integer>> tasks = new ArrayList<>();
                        for (int i = 0; i < n; i++) {
                            tasks.add(createTask(%s.lookup(name + i, i)));
                        }
                        tasks.add(createTask(lookup(name, n + %d)));
                        List<Integer> results = await(gather(tasks));
                        long sum = 0;
                        for (int x : results) {
                            sum += x;
                        }
                        String summary = await(describe(name + sum));
                        return Coroutine.of(sum + summary.length() + %s.weigh(summary));
                    }
                """.formatted(n, p.service(), r.nextInt(20), p.any());
    }

    private static String classify(int n, Random r, ModuleGenerator.Peers p) {
        String peer = p.service();
        return """
                    @Async
                    public Coroutine<String> classify%d(String key, int mode) {
                        int score = await(lookup(key, mode));
                        String label = score > %d ? await(describe(key)) : "low:" + score;
                        switch (mode %% 3) {
                            case 0 -> label = label + await(%s.describe(label));
                            case 1 -> score += await(%s.lookup(label, score));
                            default -> await(sleep(0));
                        }
                        String nested = await(describe(await(lookup(label, score)) + "#" + key));
                        char first = nested.isEmpty() ? '-' : nested.charAt(0);
                        cache.merge(label, score, Integer::sum);
                        return Coroutine.of(first + label + score);
                    }
                """.formatted(n, r.nextInt(0xffff), peer, peer);
    }

    private static String histogram(int n, Random r, ModuleGenerator.Peers p) {
        return """
                    @Async
                    public Coroutine<int[]> histogram%d(String[] keys, int buckets) {
                        int[] counts = new int[buckets];
                        float scale = %d.25f;
                        for (int i = 0; i < keys.length; i++) {
                            counts[i %% buckets] += await(%s.lookup(keys[i], i));
                            if (i %% %d == 0) {
                                await(sleep(0));
                            }
                        }
                        short checks = 0;
                        for (int c : counts) {
                            checks += (short) (c * scale);
                        }
                        cache.put("checks", (int) checks);
                        return Coroutine.of(counts);
                    }
                """.formatted(n, r.nextInt(5), p.service(), 2 + r.nextInt(10));
    }

    private static String grouped(int n, Random r, ModuleGenerator.Peers p) {
        return """
                    @Async
                    public Coroutine<Integer> grouped%d(List<String> keys) {
                        List<Task<Integer>> tasks = await(taskGroup(tg -> {
                            await(sleep(0));
                            List<Task<Integer>> started = new ArrayList<>();
                            for (String key : keys) {
                                started.add(tg.createTask(%s.lookup(key, %d)));
                            }
                            return Coroutine.of(started);
                        }));
                        int total = 0;
                        for (Task<Integer> t : tasks) {
                            total += t.result();
                        }
                        calls += total;
                        return Coroutine.of(total);
                    }
                """.formatted(n, p.service(), r.nextInt(10));
    }
}
