package dev.jasyncio.transformer.agent;

import java.lang.instrument.Instrumentation;

/**
 * The jasyncio Java agent: instruments {@code @Async} classes as they are loaded, for runs of classes that were
 * compiled without the Maven plugin (an IDE's own build). Add {@code -javaagent:coroutine-transformer-VERSION-agent.jar}
 * to the JVM's options; {@code -javaagent:...agent.jar=verbose} also prints each class it instruments.
 *
 * <p>A class the transformer refuses is reported on standard error in javac's form and left as compiled, so its
 * first await fails with the runtime's "not instrumented" error. Classes the plugin already instrumented are left
 * alone. Attached to a running JVM ({@code agentmain}), it instruments only the classes loaded afterwards.
 */
public final class JasyncioAgent {

    private JasyncioAgent() {
    }

    /** Entry point for {@code -javaagent}. */
    public static void premain(String args, Instrumentation inst) {
        install(args, inst);
    }

    /** Entry point for attaching to a running JVM. */
    public static void agentmain(String args, Instrumentation inst) {
        install(args, inst);
    }

    private static void install(String args, Instrumentation inst) {
        String options = args == null ? "" : args.strip();
        boolean verbose = options.equals("verbose");
        if (!verbose && !options.isEmpty()) {
            System.err.println("[jasyncio agent] unknown option '" + options + "' ignored; the only option is verbose");
        }
        FrameDefiner definer;
        try {
            definer = ReflectiveFrameDefiner.open(inst);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Without a way to define frame classes nothing can be instrumented; the app still runs, and each
            // await reports that its class was not instrumented.
            System.err.println("[jasyncio agent] cannot define classes in application class loaders, "
                    + "instrumenting nothing: " + e);
            return;
        }
        inst.addTransformer(new AgentTransformer(definer, System.err, verbose), false);
    }
}
