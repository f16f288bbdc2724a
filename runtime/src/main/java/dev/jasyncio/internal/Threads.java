package dev.jasyncio.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Threads for blocking work: virtual threads on JDK 21 and later, platform daemon threads before. The runtime
 * targets Java 17, so the JDK 21 API is reached through method handles, looked up once; the JDK version decides
 * whether to look.
 *
 * <p>Public only because the streams package uses it. Not part of the API.
 */
public final class Threads {

    /** {@code Thread.ofVirtual().name(prefix, 1).factory()} as a handle (String -> ThreadFactory), or null. */
    private static final MethodHandle VIRTUAL_FACTORY = virtualFactory();
    private static final MethodHandle PER_TASK_EXECUTOR = perTaskExecutor();

    private Threads() {
    }

    /** Whether this JVM has virtual threads (JDK 21+). */
    public static boolean virtualAvailable() {
        return VIRTUAL_FACTORY != null && PER_TASK_EXECUTOR != null;
    }

    /** A factory of threads named {@code prefix1}, {@code prefix2}, ...: virtual if available, else daemons. */
    public static ThreadFactory factory(String prefix) {
        if (VIRTUAL_FACTORY != null) {
            try {
                return (ThreadFactory) VIRTUAL_FACTORY.invoke(prefix);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot make virtual threads", e);
            }
        }
        AtomicLong count = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One new virtual thread per task ({@code Executors.newThreadPerTaskExecutor}), or null before JDK 21. */
    public static ExecutorService newVirtualPerTaskExecutor(String prefix) {
        if (!virtualAvailable()) {
            return null;
        }
        try {
            return (ExecutorService) PER_TASK_EXECUTOR.invoke(factory(prefix));
        } catch (Throwable e) {
            throw new IllegalStateException("cannot make a virtual-thread executor", e);
        }
    }

    /** Starts {@code task} on a new thread of {@link #factory(String)}. */
    public static Thread start(String name, Runnable task) {
        Thread t = factory(name).newThread(task);
        t.start();
        return t;
    }

    private static MethodHandle virtualFactory() {
        if (Runtime.version().feature() < 21) {
            return null;
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandle create = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(ofVirtual));
            MethodHandle name = lookup.findVirtual(ofVirtual, "name",
                    MethodType.methodType(ofVirtual, String.class, long.class));
            MethodHandle factory = lookup.findVirtual(builder, "factory", MethodType.methodType(ThreadFactory.class));
            // prefix -> ofVirtual().name(prefix, 1).factory()
            MethodHandle named = MethodHandles.foldArguments(MethodHandles.insertArguments(name, 2, 1L), create);
            return MethodHandles.filterReturnValue(named, factory.asType(
                    MethodType.methodType(ThreadFactory.class, ofVirtual)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static MethodHandle perTaskExecutor() {
        if (Runtime.version().feature() < 21) {
            return null;
        }
        try {
            return MethodHandles.publicLookup().findStatic(Executors.class, "newThreadPerTaskExecutor",
                    MethodType.methodType(ExecutorService.class, ThreadFactory.class));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
