package dev.jasyncio.internal;

import dev.jasyncio.EventLoop;

import java.util.List;
import java.util.Map;

/**
 * What {@code dev.jasyncio.testing} needs of the core beyond its public API: the failures of a loop's futures that
 * nobody retrieved, known at once rather than when the futures are collected. Implemented by a package-private
 * class of {@code dev.jasyncio}, as {@link RuntimeAccess} is. Not part of the API.
 */
public interface TestAccess {

    /** Makes {@code loop} keep every failure stored in its futures from now on, until it is retrieved. */
    void trackFailures(EventLoop loop);

    /**
     * The kept failures nobody retrieved, as exception-handler contexts ({@code message}, {@code exception},
     * {@code future}, {@code source_traceback}); they count as retrieved afterwards, so they are not reported again
     * when the futures are collected.
     */
    List<Map<String, Object>> takeUnretrievedFailures(EventLoop loop);

    /** The implementation. */
    static TestAccess get() {
        return Holder.INSTANCE;
    }

    /** Loaded on first use, reflectively: the implementation is not public. */
    final class Holder {
        static final TestAccess INSTANCE = load();

        private Holder() {
        }

        private static TestAccess load() {
            try {
                java.lang.reflect.Constructor<?> c = Class.forName("dev.jasyncio.FailureTracking", true,
                        TestAccess.class.getClassLoader()).getDeclaredConstructor();
                c.setAccessible(true);
                return (TestAccess) c.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
