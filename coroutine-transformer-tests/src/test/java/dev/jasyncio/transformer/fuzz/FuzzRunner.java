package dev.jasyncio.transformer.fuzz;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The differential oracle. Compiles programs many to a class and several classes per javac run, instruments,
 * checks with ASM's verifier, loads with the JVM's verifier, then runs each program's async method in the three
 * modes and compares each outcome (returned value or thrown exception, and the whole trace) with its synchronous
 * twin. A failure at the level of a class is narrowed down to the programs that cause it by redoing them alone.
 */
final class FuzzRunner {

    /** The time limit of one run of one program. */
    private static final long TIMEOUT_SECONDS = 10;
    private static final Class<?>[] PARAMS = {StringBuilder.class, int.class, long.class, double.class, String.class};

    private final int perClass;
    private final int classesPerCompile;
    private final List<FuzzFailure> failures = new ArrayList<>();
    private ExecutorService worker = newWorker();
    private int classCounter;
    private int programsRun;
    /** Programs javac itself compiled to classes the JVM refuses: not run, not counted as failures. */
    private final List<FuzzProgram> miscompiledByJavac = new ArrayList<>();
    /** Awaits executed by the async programs, all modes together. */
    private long awaits;

    private final java.util.function.Consumer<FuzzFailure> onFailure;

    FuzzRunner(int perClass, int classesPerCompile, java.util.function.Consumer<FuzzFailure> onFailure) {
        this.perClass = perClass;
        this.classesPerCompile = classesPerCompile;
        this.onFailure = onFailure;
    }

    private void fail(FuzzFailure f) {
        failures.add(f);
        onFailure.accept(f);
    }

    List<FuzzFailure> failures() {
        return failures;
    }

    long awaits() {
        return awaits;
    }

    List<FuzzProgram> miscompiledByJavac() {
        return miscompiledByJavac;
    }

    /** Programs that went through every stage and ran in every mode. */
    int programsRun() {
        return programsRun;
    }

    /**
     * Past this many failures a run stops ({@code -Djasyncio.fuzz.maxFailures}): narrowing a failure down to its
     * program costs a compilation per program.
     */
    static final int MAX_FAILURES = Integer.getInteger("jasyncio.fuzz.maxFailures", 25);

    /** Runs the given programs, in batches of one javac invocation each; {@code progress} hears of each batch. */
    void run(List<FuzzProgram> programs, java.util.function.Consumer<String> progress) {
        int batch = perClass * classesPerCompile;
        for (int i = 0; i < programs.size() && failures.size() < MAX_FAILURES; i += batch) {
            process(programs.subList(i, Math.min(programs.size(), i + batch)));
            progress.accept(Math.min(programs.size(), i + batch) + "/" + programs.size() + " programs, "
                    + failures.size() + " failures");
        }
    }

    void close() {
        worker.shutdownNow();
    }

    /** Compiles, instruments, verifies and loads {@code group}; on a class-level failure splits it up. */
    private void process(List<FuzzProgram> group) {
        Map<String, List<FuzzProgram>> byClass = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < group.size(); i += perClass) {
            String simple = "F" + (++classCounter);
            List<FuzzProgram> members = group.subList(i, Math.min(group.size(), i + perClass));
            byClass.put("t." + simple, members);
            sources.put("t." + simple, FuzzClass.source(simple, members));
        }
        long limit = TIMEOUT_SECONDS + group.size() / 8;
        FuzzBuild.Result built = timed(() -> FuzzBuild.build(sources), limit);
        if (built == null) {
            FuzzBuild.stopBusyThreads();
            built = new FuzzBuild.Result(FuzzFailure.Kind.INSTRUMENT, "compiling, instrumenting or loading ran over "
                    + limit + " s (the instrumenter hangs?)", null);
        }
        if (built.failed != null) {
            split(group, byClass, built.failed, built.problem);
            return;
        }
        long t = System.nanoTime();
        for (Map.Entry<String, List<FuzzProgram>> e : byClass.entrySet()) {
            runClass(built.loader, e.getKey(), e.getValue());
        }
        FuzzBuild.lap(4, t);
    }

    private void split(List<FuzzProgram> group, Map<String, List<FuzzProgram>> byClass, FuzzFailure.Kind kind,
                       String problem) {
        if (group.size() == 1) {
            String name = byClass.keySet().iterator().next();
            if (kind == FuzzFailure.Kind.LOAD && !FuzzBuild.javacOutputLoads(
                    Map.of(name, FuzzClass.source(name.substring("t.".length()), group)))) {
                miscompiledByJavac.add(group.get(0));
            } else {
                fail(new FuzzFailure(kind, group.get(0), null, problem));
            }
        } else if (byClass.size() > 1) {
            for (List<FuzzProgram> members : byClass.values()) {
                if (failures.size() < MAX_FAILURES) {
                    process(members);
                }
            }
        } else {
            for (FuzzProgram p : group) {
                if (failures.size() < MAX_FAILURES) {
                    process(List.of(p));
                }
            }
        }
    }

    /** Runs the programs of a class already compiled, instrumented and loaded; what failed is in {@link #failures()}. */
    void runLoaded(ClassLoader loader, String className, List<FuzzProgram> programs) {
        runClass(loader, className, programs);
    }

    private void runClass(ClassLoader loader, String className, List<FuzzProgram> programs) {
        try {
            Class<?> type = Class.forName(className, true, loader);
            Method reset = type.getMethod("reset", int.class, int.class);
            for (int i = 0; i < programs.size(); i++) {
                runProgram(type, reset, i, programs.get(i));
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private void runProgram(Class<?> type, Method reset, int index, FuzzProgram program)
            throws ReflectiveOperationException {
        java.lang.reflect.Field ticks = type.getDeclaredField("ticks");
        ticks.setAccessible(true);
        Method async = type.getDeclaredMethod("a" + index, PARAMS);
        Method sync = type.getDeclaredMethod("s" + index, PARAMS);
        async.setAccessible(true);
        sync.setAccessible(true);
        for (int input = 0; input < FuzzProgram.INPUTS; input++) {
            for (int mode = 0; mode < FuzzClass.MODE_NAMES.length; mode++) {
                int m = mode;
                int in = input;
                String expected = this.<String>timed(() -> outcome(type, reset, m, in, sync, program, false),
                        TIMEOUT_SECONDS);
                String actual = this.<String>timed(() -> outcome(type, reset, m, in, async, program, true),
                        TIMEOUT_SECONDS);
                awaits += ticks.getInt(null);
                String where = FuzzClass.MODE_NAMES[mode] + " with inputs #" + input;
                if (actual == null || expected == null) {
                    fail(new FuzzFailure(FuzzFailure.Kind.TIMEOUT, program, where,
                            (expected == null ? "the synchronous twin" : "the async program") + " ran over "
                                    + TIMEOUT_SECONDS + " s"));
                    return;
                }
                if (!expected.equals(actual)) {
                    fail(new FuzzFailure(FuzzFailure.Kind.DIFFERENCE, program, where,
                            "expected (sync twin):\n" + expected + "\nactual (async):\n" + actual));
                    return;
                }
            }
        }
        programsRun++;
    }

    private static String outcome(Class<?> type, Method reset, int mode, int input, Method m, FuzzProgram program,
                                  boolean async) throws Exception {
        reset.invoke(null, mode, program.staticInputs(input));
        Object target = program.instance ? type.getDeclaredConstructor().newInstance() : null;
        StringBuilder log = new StringBuilder();
        try {
            Object result;
            try {
                result = m.invoke(target, program.arguments(log, input));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (async) {
                result = Asyncio.run((Coroutine<?>) result);
            }
            return "returned " + result + "\nlog " + log;
        } catch (Throwable t) {
            // local and anonymous classes are numbered apart in the twins: t.F1$1L in one is t.F1$2L in the other
            String message = String.valueOf(t.getMessage()).replaceAll("(t\\.\\w+)\\$\\d+(\\w*)", "$1\\$N$2");
            return "threw " + t.getClass().getName() + ": " + message + "\nlog " + log;
        }
    }

    /**
     * The task's result, or null when it runs over the time limit. The worker thread is then stopped where the JDK
     * still can (17), abandoned otherwise, and replaced.
     */
    private <T> T timed(java.util.concurrent.Callable<T> task, long seconds) {
        Thread[] thread = new Thread[1];
        java.util.concurrent.Future<T> f = worker.submit(() -> {
            thread[0] = Thread.currentThread();
            return task.call();
        });
        try {
            return f.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            stop(thread[0]);
            worker = newWorker();
            return null;
        } catch (Exception e) {
            throw new AssertionError("fuzz harness failed", e);
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    static void stop(Thread t) {
        try {
            if (t != null) {
                t.stop(); // a runaway loop ignores interrupts; Thread.stop still works on JDK 17
            }
        } catch (UnsupportedOperationException e) {
            // JDK 20+: the thread stays abandoned
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true);
            return t;
        });
    }

    static String stackTrace(Throwable t) {
        java.io.StringWriter w = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
