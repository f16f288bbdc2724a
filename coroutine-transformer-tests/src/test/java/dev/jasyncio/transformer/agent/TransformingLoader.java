package dev.jasyncio.transformer.agent;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A class loader that hands every class it defines to an {@link AgentTransformer} first, as the JVM does with an
 * agent's transformers, and serves the compiled class files as resources, as a class path would.
 */
final class TransformingLoader extends ClassLoader {

    private final Map<String, byte[]> compiled;
    private final AgentTransformer transformer;
    /** Internal names in the order they were defined. */
    final List<String> defined = new ArrayList<>();
    /** The bytes each class was defined with, by internal name. */
    final Map<String, byte[]> definedBytes = new LinkedHashMap<>();

    /** {@code compiled}: class files by internal name; {@code transformer} is built with this loader's definer. */
    TransformingLoader(Map<String, byte[]> compiled, Function<FrameDefiner, AgentTransformer> transformer) {
        super(TransformingLoader.class.getClassLoader());
        this.compiled = compiled;
        this.transformer = transformer.apply((loader, name, bytes, domain) -> ((TransformingLoader) loader)
                .define(name, bytes));
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = compiled.get(name.replace('.', '/'));
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return define(name.replace('.', '/'), bytes);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        byte[] bytes = name.endsWith(".class") ? compiled.get(name.substring(0, name.length() - 6)) : null;
        return bytes != null ? new ByteArrayInputStream(bytes) : super.getResourceAsStream(name);
    }

    private Class<?> define(String internalName, byte[] bytes) {
        byte[] transformed = transformer.transform(this, internalName, null, null, bytes);
        byte[] out = transformed != null ? transformed : bytes;
        defined.add(internalName);
        definedBytes.put(internalName, out);
        return defineClass(internalName.replace('/', '.'), out, 0, out.length);
    }
}
