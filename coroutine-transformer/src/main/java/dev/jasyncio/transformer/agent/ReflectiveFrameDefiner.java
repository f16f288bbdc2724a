package dev.jasyncio.transformer.agent;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.Set;

/**
 * Defines frame classes through {@code ClassLoader.defineClass}, which the agent may call once it has opened
 * {@code java.lang} to itself with {@link Instrumentation#redefineModule}: the supported way for an agent to reach a
 * JDK internal, and the only way to put a class into any loader before another class of that loader links.
 */
final class ReflectiveFrameDefiner implements FrameDefiner {

    private final MethodHandle defineClass;

    private ReflectiveFrameDefiner(MethodHandle defineClass) {
        this.defineClass = defineClass;
    }

    static ReflectiveFrameDefiner open(Instrumentation inst) throws ReflectiveOperationException {
        Module javaBase = ClassLoader.class.getModule();
        Module agent = ReflectiveFrameDefiner.class.getModule();
        inst.redefineModule(javaBase, Set.of(), Map.of(), Map.of("java.lang", Set.of(agent)), Set.of(), Map.of());
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(ClassLoader.class, MethodHandles.lookup());
        return new ReflectiveFrameDefiner(lookup.findVirtual(ClassLoader.class, "defineClass", MethodType.methodType(
                Class.class, String.class, byte[].class, int.class, int.class, ProtectionDomain.class)));
    }

    @Override
    public void define(ClassLoader loader, String internalName, byte[] classFile, ProtectionDomain domain) {
        try {
            defineClass.invoke(loader, internalName.replace('/', '.'), classFile, 0, classFile.length, domain);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            // defineClass declares no checked exception; anything else is a surprise worth its cause.
            throw new IllegalStateException("cannot define " + internalName, t);
        }
    }
}
