package dev.jasyncio.transformer;

import java.nio.file.Path;
import java.util.Collection;

/**
 * The transformer's facade: rewrites the {@code @Async} methods of one class file into coroutine state machines.
 *
 * <p>Types are resolved from class files on the given classpath (directories and jars), or from the resources of a
 * class loader, plus the running JDK; never by loading user classes. An instance caches what it has read of the
 * classpath and may instrument several classes at once from different threads.
 */
public final class Instrumenter {

    /** Recorded in every class this version instruments. */
    public static final String VERSION = "0.1.0";

    private final dev.jasyncio.transformer.internal.asm.ClassTransformer transformer;

    private Instrumenter(dev.jasyncio.transformer.internal.asm.ClassHierarchy hierarchy) {
        this.transformer = new dev.jasyncio.transformer.internal.asm.ClassTransformer(hierarchy, VERSION);
    }

    /**
     * An instrumenter resolving types from {@code classpath} (the module's own output folder should be part of it)
     * and the JDK it runs on.
     */
    public static Instrumenter forClasspath(Collection<Path> classpath) {
        return new Instrumenter(dev.jasyncio.transformer.internal.asm.ClassHierarchy.of(classpath));
    }

    /**
     * An instrumenter resolving types from the class files {@code loader} finds as resources, then the JDK: for
     * instrumenting at load time (the jasyncio agent), where classes come from whatever the loader was given.
     */
    public static Instrumenter forClassLoader(ClassLoader loader) {
        return new Instrumenter(dev.jasyncio.transformer.internal.asm.ClassHierarchy.of(loader));
    }

    /**
     * Instruments one class file. Never throws for a problem in user code: that comes back as a
     * {@link InstrumentResult.Status#FAILED} result with diagnostics. Throws {@link InstrumentationException}
     * only for an internal failure, naming the class and this version.
     */
    public InstrumentResult instrument(byte[] classFile) {
        dev.jasyncio.transformer.internal.asm.ClassTransformer.Outcome o = transformer.transform(classFile);
        return new InstrumentResult(InstrumentResult.Status.valueOf(o.kind.name()), o.className, o.classBytes,
                o.generated, o.asyncMethods, o.diagnostics);
    }

    /**
     * A cheap pre-check on the constant pool: {@code false} when the class names neither {@code @Async} nor
     * {@code Asyncio.await}, so it cannot need instrumenting and need not be parsed.
     */
    public static boolean mayNeedInstrumenting(byte[] classFile) {
        return dev.jasyncio.transformer.internal.asm.ConstantPoolScan.mentionsAsync(classFile);
    }
}
