package dev.jasyncio.transformer.compilers;

import dev.jasyncio.transformer.validation.Twin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sources of {@link AsyncConstructsMatrixTest}: twins of {@code async with} blocks, in both await modes, where
 * the async twin's resource is an {@code AsyncCloseable} whose {@code aenter} / {@code aexit} suspend and the
 * synchronous twin's a plain {@code AutoCloseable} logging the same lines; twins of {@code async for} loops over an
 * async generator that suspends between elements, the synchronous twin looping over a list of the same elements.
 */
final class ConstructSources {

    /** Twin class name to the arguments it runs with. */
    static final Map<String, Object[]> TWINS = new LinkedHashMap<>();

    private static final String RESOURCES = String.join("\n",
            "  // resources",
            "  static final class ARes implements AsyncCloseable {",
            "    final StringBuilder log; final String name;",
            "    ARes(StringBuilder log, String name) { this.log = log; this.name = name; log.append(\"open \" + name + \";\"); }",
            "    @Async public Coroutine<Void> aenter() { await(sleep(0)); log.append(\"enter \" + name + \";\"); return Coroutine.of(null); }",
            "    @Async public Coroutine<Boolean> aexit(Throwable failure) {",
            "      await(sleep(0)); log.append(\"exit \" + name + \";\");",
            "      return Coroutine.of(false);",
            "    }",
            "  }",
            "  static final class SRes implements AutoCloseable {",
            "    final StringBuilder log; final String name; Throwable failure;",
            "    SRes(StringBuilder log, String name) { this.log = log; this.name = name; log.append(\"open \" + name + \";enter \" + name + \";\"); }",
            "    public void close() { log.append(\"exit \" + name + \";\"); }",
            "  }",
            "  @Async static AsyncGenerator<Integer> gen(int n) {",
            "    for (int i = 0; i < n; i++) { await(emit(i)); if (i % 2 == 0) await(sleep(0)); }",
            "    return AsyncGenerator.end();",
            "  }",
            "  static List<Integer> list(int n) { List<Integer> l = new ArrayList<>(); for (int i = 0; i < n; i++) l.add(i); return l; }");

    /** Blocks left by their end, continue, break, an exception, return; nested resources; locals used after. */
    private static final String WITH_BODY = String.join("\n",
            "StringBuilder log = new StringBuilder();",
            "int total = 0;",
            "for (int i = 0; i < n; i++) {",
            "  try (RES r = new RES(log, \"L\" + i)) {",
            "    if (i == 1) continue;",
            "    if (i == 3) break;",
            "    total += AWAIT(i);",
            "  }",
            "}",
            "String s;",
            "try (RES a = new RES(log, \"a\"); RES b = new RES(log, AWAIT(\"b\"))) {",
            "  s = AWAIT(\"in\") + total;",
            "  log.append(s).append(';');",
            "}",
            "try {",
            "  try (RES c = new RES(log, \"c\")) {",
            "    if (n > 2) throw new IllegalStateException(AWAIT(\"boom\"));",
            "  }",
            "} catch (IllegalStateException e) {",
            "  log.append(\"caught \").append(e.getMessage()).append(';');",
            "}",
            "try (RES e = new RES(log, \"empty\")) { }",
            "try (RES z = new RES(log, \"z\")) {",
            "  if (n > 0) RETURN(log.toString() + s);",
            "}",
            "RETURN(\"none\");");

    /** Loops over a source left by their end, continue, break, a caught exception, return; nested loops. */
    private static final String FOR_BODY = String.join("\n",
            "StringBuilder log = new StringBuilder();",
            "for (int v : SOURCE(n)) {",
            "  if (v == 1) continue;",
            "  log.append(AWAIT(v)).append(',');",
            "}",
            "outer:",
            "for (int v : SOURCE(n)) {",
            "  for (int w : SOURCE(v)) {",
            "    if (w == 2) continue outer;",
            "    if (v == 4) break outer;",
            "    log.append(v).append(AWAIT(w)).append(';');",
            "  }",
            "}",
            "try {",
            "  for (int v : SOURCE(n)) { if (v == 3) throw new IllegalStateException(\"at \" + AWAIT(v)); }",
            "} catch (IllegalStateException e) {",
            "  log.append(e.getMessage());",
            "}",
            "for (int v : SOURCE(n)) {",
            "  if (v == 2) RETURN(log.append(AWAIT(v)).toString());",
            "}",
            "RETURN(\"none\");");

    static {
        for (Twin.Mode mode : Twin.Mode.values()) {
            TWINS.put("t.With" + mode.name(), new Object[] {5});
            TWINS.put("t.For" + mode.name(), new Object[] {6});
        }
    }

    private ConstructSources() {
    }

    /** Fully qualified class name to source. */
    static Map<String, String> all() {
        Map<String, String> sources = new LinkedHashMap<>();
        for (Twin.Mode mode : Twin.Mode.values()) {
            String name = "t.With" + mode.name();
            sources.put(name, twin(name.substring(2), "int n", WITH_BODY, mode));
            String loops = "t.For" + mode.name();
            sources.put(loops, twin(loops.substring(2), "int n", FOR_BODY, mode));
        }
        return sources;
    }

    /** A twin whose {@code RES} is {@code ARes} in the async method and {@code SRes} in the synchronous one. */
    static String twin(String simpleName, String params, String body, Twin.Mode mode) {
        String source = Twin.source(simpleName, params, Twin.expand(body.replace("RES", "ARes"), "SOURCE", "aiter(gen(", "))"),
                mode, RESOURCES);
        int sync = source.indexOf("public static Object sync(");
        int members = source.indexOf("  // resources");
        String syncPart = source.substring(sync, members).replace("ARes", "SRes");
        return source.substring(0, sync) + syncPart.replace("aiter(gen(", "(list(") + source.substring(members);
    }

    static List<String> names() {
        return List.copyOf(TWINS.keySet());
    }
}
