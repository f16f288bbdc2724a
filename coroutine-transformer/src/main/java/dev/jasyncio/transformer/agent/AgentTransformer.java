package dev.jasyncio.transformer.agent;

import dev.jasyncio.transformer.Diagnostic;
import dev.jasyncio.transformer.InstrumentResult;
import dev.jasyncio.transformer.Instrumenter;

import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Instruments each {@code @Async} class as its loader defines it, and defines the class's frame classes in the same
 * loader first.
 *
 * <p>The frames cannot wait for the class to run (a hook in its static initializer would be too late): verifying
 * the class already loads them, since its factories return a frame as a {@code Coroutine}. Defining a class from
 * within a transformation is allowed; the frames name their owner only symbolically, so nothing is loaded early.
 *
 * <p>Never throws: a class that cannot be instrumented is reported on {@code err} and left as compiled.
 */
final class AgentTransformer implements ClassFileTransformer {

    private static final String PREFIX = "[jasyncio agent] ";

    /** Packages whose classes are never instrumented: the JDK, jasyncio itself and the agent's shaded libraries. */
    private static final String[] SKIPPED = {"java/", "javax/", "jdk/", "sun/", "com/sun/", "dev/jasyncio/shaded/",
            "dev/jasyncio/transformer/", "dev/jasyncio/annotations/", "dev/jasyncio/internal/", "dev/jasyncio/sync/",
            "dev/jasyncio/queue/", "dev/jasyncio/streams/"};
    private static final String RUNTIME_PACKAGE = "dev/jasyncio/";

    private final FrameDefiner definer;
    private final PrintStream err;
    private final boolean verbose;
    /** One instrumenter per loader: each caches the class files it has read; not thread-safe, so used locked. */
    private final Map<ClassLoader, Instrumenter> instrumenters = Collections.synchronizedMap(new WeakHashMap<>());
    /** Set while this thread instruments: a class loaded meanwhile (by a loader reading a resource) is skipped. */
    private final ThreadLocal<Boolean> busy = ThreadLocal.withInitial(() -> false);

    AgentTransformer(FrameDefiner definer, PrintStream err, boolean verbose) {
        this.definer = definer;
        this.err = err;
        this.verbose = verbose;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain domain, byte[] classFile) {
        if (loader == null || className == null || classBeingRedefined != null || !isCandidate(className)
                || !Instrumenter.mayNeedInstrumenting(classFile)) {
            return null;
        }
        if (busy.get()) {
            err.println(PREFIX + className.replace('/', '.') + " was loaded while another class was being "
                    + "instrumented, and is left as compiled");
            return null;
        }
        try {
            InstrumentResult result = instrument(loader, classFile);
            print(result.diagnostics());
            if (result.status() == InstrumentResult.Status.FAILED) {
                err.println(PREFIX + result.className().replace('/', '.') + " is left as compiled: its awaits will "
                        + "fail at run time. Fix the error(s) above.");
                return null;
            }
            if (result.status() != InstrumentResult.Status.INSTRUMENTED) {
                return null;
            }
            return defineFrames(loader, domain, result) ? result.classBytes() : null;
        } catch (RuntimeException | LinkageError e) {
            err.println(PREFIX + "internal error instrumenting " + className.replace('/', '.') + " (jasyncio "
                    + Instrumenter.VERSION + "), left as compiled: " + e);
            return null;
        }
    }

    /** Whether a class is the user's: neither the JDK's nor jasyncio's own (but jasyncio's samples are). */
    static boolean isCandidate(String className) {
        for (String prefix : SKIPPED) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        return !(className.startsWith(RUNTIME_PACKAGE) && className.indexOf('/', RUNTIME_PACKAGE.length()) < 0);
    }

    private InstrumentResult instrument(ClassLoader loader, byte[] classFile) {
        Instrumenter instrumenter = instrumenters.computeIfAbsent(loader,
                l -> Instrumenter.forClassLoader(new LoaderResources(l)));
        busy.set(true);
        try {
            synchronized (instrumenter) {
                return instrumenter.instrument(classFile);
            }
        } finally {
            busy.set(false);
        }
    }

    /**
     * Defines the frame classes, outside the instrumenter's lock (defining may take the loader's lock, which
     * another thread loading a class of the same loader may hold while it waits for the instrumenter).
     */
    private boolean defineFrames(ClassLoader loader, ProtectionDomain domain, InstrumentResult result) {
        String owner = result.className().replace('/', '.');
        for (Map.Entry<String, byte[]> frame : result.generatedClasses().entrySet()) {
            try {
                definer.define(loader, frame.getKey(), frame.getValue(), domain);
            } catch (RuntimeException | LinkageError e) {
                err.println(PREFIX + "cannot define " + frame.getKey().replace('/', '.') + " in " + loader + ", "
                        + owner + " is left as compiled: " + e);
                return false;
            }
        }
        if (verbose) {
            err.println(PREFIX + "instrumented " + owner + ": " + String.join(", ", result.asyncMethods()));
        }
        return true;
    }

    /** Errors and warnings in javac's {@code File.java:[line,col] [ID] message} form, which IDE consoles link. */
    private void print(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            err.println(PREFIX + (d.isError() ? "ERROR " : "WARNING ") + d.format());
        }
    }
}
