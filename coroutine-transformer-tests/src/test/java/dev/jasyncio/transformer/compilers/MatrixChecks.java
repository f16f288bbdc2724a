package dev.jasyncio.transformer.compilers;

import dev.jasyncio.Asyncio;
import dev.jasyncio.Coroutine;
import dev.jasyncio.transformer.fuzz.FuzzPrograms;
import dev.jasyncio.transformer.validation.ControlFlowCases;
import dev.jasyncio.transformer.validation.Twin;
import dev.jasyncio.transformer.validation.ValidationSupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The checks on instrumented {@link MatrixSources} classes: ASM's verifier on every class, loading with the JVM's
 * verifier, every twin against its synchronous self, every generated program in every mode. Runs in the test JVM,
 * or as {@code main(dir)} in a newer JVM for class files the test JVM cannot load.
 */
public final class MatrixChecks {

    private MatrixChecks() {
    }

    /** The problems found; empty when everything verifies, loads and agrees. */
    static List<String> check(Map<String, byte[]> classes) {
        List<String> problems = new ArrayList<>();
        ClassLoader loader = ValidationSupport.loader(classes);
        loader.setDefaultAssertionStatus(true);
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            try {
                String report = ValidationSupport.asmVerify(e.getValue(), loader);
                if (!report.isEmpty()) {
                    problems.add("ASM verifier rejects " + e.getKey() + ":\n" + report);
                }
            } catch (RuntimeException | LinkageError ex) {
                problems.add("ASM verifier fails on " + e.getKey() + ": " + ex);
            }
        }
        for (ControlFlowCases.Case c : ControlFlowCases.ALL) {
            if (!classes.containsKey(MatrixSources.twinClass(c, Twin.Mode.values()[0]).replace('.', '/'))) {
                continue; // not compiled by this compiler: see ControlFlowCases.NOT_FOR_ECJ
            }
            for (Twin.Mode mode : Twin.Mode.values()) {
                String problem = twinsAgree(loader, MatrixSources.twinClass(c, mode), c.args);
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        try {
            problems.addAll(FuzzPrograms.check(loader, MatrixSources.FUZZ_CLASS, MatrixSources.FUZZ_SEED,
                    MatrixSources.FUZZ_COUNT));
        } catch (RuntimeException | Error e) {
            problems.add("generated programs fail: " + e);
        }
        return problems;
    }

    private static String twinsAgree(ClassLoader loader, String className, Object[] args) {
        try {
            Class<?> type = Class.forName(className, true, loader);
            Object expected = invoke(type, "sync", args);
            Object actual = Asyncio.run((Coroutine<?>) invoke(type, "async", args));
            return Objects.equals(expected, actual) ? null
                    : className + ": the async twin returned " + actual + ", the sync twin " + expected;
        } catch (Throwable t) {
            return className + " fails: " + t;
        }
    }

    private static Object invoke(Class<?> type, String name, Object[] args) throws Throwable {
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
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
