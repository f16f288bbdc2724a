package dev.jasyncio.transformer.compilers;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.transformer.validation.ValidationSupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The checks on instrumented {@link ConstructSources} classes: ASM's verifier, the JVM's verifier, every twin
 * against its synchronous self. Runs in the test JVM, or as {@code main(dir)} in a newer one.
 */
public final class ConstructChecks {

    private ConstructChecks() {
    }

    static List<String> check(Map<String, byte[]> classes) {
        List<String> problems = new ArrayList<>();
        ClassLoader loader = ValidationSupport.loader(classes);
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            String report = ValidationSupport.asmVerify(e.getValue(), loader);
            if (!report.isEmpty()) {
                problems.add("ASM verifier rejects " + e.getKey() + ":\n" + report);
            }
        }
        for (Map.Entry<String, Object[]> twin : ConstructSources.TWINS.entrySet()) {
            try {
                Class<?> type = Class.forName(twin.getKey(), true, loader);
                Object expected = invoke(type, "sync", twin.getValue());
                Object actual = Asyncio.run((Coroutine<?>) invoke(type, "async", twin.getValue()));
                if (!Objects.equals(expected, actual)) {
                    problems.add(twin.getKey() + ": the async twin returned " + actual + ", the sync twin " + expected);
                }
            } catch (Throwable t) {
                problems.add(twin.getKey() + " fails: " + t);
            }
        }
        return problems;
    }

    private static Object invoke(Class<?> type, String name, Object[] args) throws Throwable {
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                m.setAccessible(true);
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(name);
    }

    /** {@code main(dir)}: checks the instrumented classes in {@code dir}; prints the problems, exits 1 if any. */
    public static void main(String[] args) {
        List<String> problems = check(ValidationSupport.readClasses(Paths.get(args[0])));
        System.out.println(problems.isEmpty() ? "all checks passed on Java " + Runtime.version()
                : String.join("\n\n", problems));
        System.exit(problems.isEmpty() ? 0 : 1);
    }
}
