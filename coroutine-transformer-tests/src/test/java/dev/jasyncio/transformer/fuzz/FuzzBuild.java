package dev.jasyncio.transformer.fuzz;

import dev.jasyncio.transformer.Diagnostic;
import dev.jasyncio.transformer.InstrumentResult;
import dev.jasyncio.transformer.validation.ValidationSupport;

import javax.tools.ToolProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Turns the sources of a batch into loaded classes: compile with javac, instrument, check with ASM's verifier, load
 * (the JVM verifies). The classes are split into parts handled in parallel, one per core; the first stage that
 * fails is reported with its messages.
 */
final class FuzzBuild {

    /** The classes loaded, or the stage that failed and why. */
    static final class Result {
        final FuzzFailure.Kind failed;
        final String problem;
        final ClassLoader loader;

        Result(FuzzFailure.Kind failed, String problem, ClassLoader loader) {
            this.failed = failed;
            this.problem = problem;
            this.loader = loader;
        }
    }

    /** Nanoseconds spent compiling, instrumenting, verifying (ASM), loading, running, summed over threads. */
    static final long[] NANOS = new long[5];
    static final String[] STAGES = {"javac", "instrument", "asm-verify", "load", "run"};

    private static final int CORES = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final ExecutorService POOL = Executors.newFixedThreadPool(CORES, r -> {
        Thread t = new Thread(r, "fuzz-build");
        t.setDaemon(true);
        return t;
    });
    /** The pool threads now working, so that a hung instrumenter can be stopped. */
    private static final Set<Thread> BUSY = ConcurrentHashMap.newKeySet();

    private FuzzBuild() {
    }

    static synchronized void lap(int stage, long since) {
        NANOS[stage] += System.nanoTime() - since;
    }

    static Result build(Map<String, String> sources) {
        List<Map<String, String>> parts = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> e : sources.entrySet()) {
            if (parts.size() < CORES) {
                parts.add(new LinkedHashMap<>());
            }
            parts.get(i++ % parts.size()).put(e.getKey(), e.getValue());
        }
        List<Callable<Result>> compiles = new ArrayList<>();
        Map<String, byte[]> classes = new ConcurrentHashMap<>();
        for (Map<String, String> part : parts) {
            compiles.add(() -> compileAndInstrument(part, classes));
        }
        Result failed = firstFailure(compiles);
        if (failed != null) {
            return failed;
        }
        ClassLoader loader = ValidationSupport.loader(classes);
        loader.setDefaultAssertionStatus(true); // the programs' assert statements run
        List<Callable<Result>> checks = new ArrayList<>();
        List<String> names = new ArrayList<>(classes.keySet());
        for (int p = 0; p < CORES; p++) {
            int first = p;
            checks.add(() -> verify(names, first, classes, loader));
        }
        failed = firstFailure(checks);
        if (failed != null) {
            return failed;
        }
        long t = System.nanoTime();
        try {
            for (String name : sources.keySet()) {
                Class.forName(name, true, loader);
            }
        } catch (Throwable e) {
            return new Result(FuzzFailure.Kind.LOAD, FuzzRunner.stackTrace(e), null);
        }
        lap(3, t);
        return new Result(null, null, loader);
    }

    /**
     * Whether javac's own output for {@code sources}, not instrumented, loads: javac has bugs of its own (frames of
     * some switch expressions among stacked operands), and a program it miscompiles says nothing about ours.
     */
    static boolean javacOutputLoads(Map<String, String> sources) {
        ValidationSupport.Compilation c = ValidationSupport.compile(ToolProvider.getSystemJavaCompiler(), sources,
                List.of("-g", "--release", "17", "-nowarn", "-classpath", System.getProperty("java.class.path")));
        if (!c.ok()) {
            return false;
        }
        ClassLoader loader = ValidationSupport.loader(c.classes);
        try {
            for (String name : sources.keySet()) {
                Class.forName(name, true, loader);
            }
            return true;
        } catch (VerifyError | ClassFormatError e) {
            return false;
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            return true; // refused for another reason: not javac's frames, so the failure stands
        }
    }

    /** Stops the pool threads still working (after a time-out: a runaway loop ignores interrupts). */
    static void stopBusyThreads() {
        for (Thread t : BUSY) {
            FuzzRunner.stop(t);
        }
    }

    private static Result firstFailure(List<Callable<Result>> tasks) {
        List<Future<Result>> running = new ArrayList<>();
        for (Callable<Result> task : tasks) {
            running.add(POOL.submit(() -> {
                BUSY.add(Thread.currentThread());
                try {
                    return task.call();
                } finally {
                    BUSY.remove(Thread.currentThread());
                }
            }));
        }
        Result failed = null;
        for (Future<Result> f : running) {
            try {
                Result r = f.get();
                if (failed == null && r != null) {
                    failed = r;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(FuzzFailure.Kind.INSTRUMENT, "interrupted", null);
            } catch (Exception e) {
                if (failed == null) {
                    failed = new Result(FuzzFailure.Kind.INSTRUMENT, FuzzRunner.stackTrace(e), null);
                }
            }
        }
        return failed;
    }

    private static Result compileAndInstrument(Map<String, String> part, Map<String, byte[]> out) {
        long t = System.nanoTime();
        ValidationSupport.Compilation c = ValidationSupport.compile(ToolProvider.getSystemJavaCompiler(), part,
                List.of("-g", "--release", "17", "-nowarn", "-classpath", System.getProperty("java.class.path")));
        lap(0, t);
        if (!c.ok()) {
            return new Result(FuzzFailure.Kind.COMPILE, c.errors, null);
        }
        t = System.nanoTime();
        try {
            List<InstrumentResult> results = new ArrayList<>();
            out.putAll(ValidationSupport.instrument(c.classes, results, false));
            String problem = refusals(results);
            return problem == null ? null : new Result(FuzzFailure.Kind.INSTRUMENT, problem, null);
        } catch (Throwable e) {
            return new Result(FuzzFailure.Kind.INSTRUMENT, FuzzRunner.stackTrace(e), null);
        } finally {
            lap(1, t);
        }
    }

    private static String refusals(List<InstrumentResult> results) {
        StringBuilder msg = new StringBuilder();
        for (InstrumentResult r : results) {
            if (r.status() == InstrumentResult.Status.FAILED) {
                msg.append("instrumentation failed for ").append(r.className()).append(":\n");
                for (Diagnostic d : r.diagnostics()) {
                    msg.append(d.format()).append('\n');
                }
            }
        }
        return msg.length() == 0 ? null : msg.toString();
    }

    /** ASM's verifier on every {@code CORES}-th class from {@code first}. */
    private static Result verify(List<String> names, int first, Map<String, byte[]> classes, ClassLoader loader) {
        long t = System.nanoTime();
        StringBuilder msg = new StringBuilder();
        try {
            for (int i = first; i < names.size(); i += CORES) {
                String report = ValidationSupport.asmVerify(classes.get(names.get(i)), loader);
                if (!report.isEmpty()) {
                    msg.append("ASM verifier rejects ").append(names.get(i)).append(":\n").append(report);
                }
            }
        } catch (Throwable e) {
            msg.append(FuzzRunner.stackTrace(e));
        }
        lap(2, t);
        return msg.length() == 0 ? null : new Result(FuzzFailure.Kind.ASM_VERIFY, msg.toString(), null);
    }
}
