package dev.jasyncio.transformer.internal.asm;

import java.nio.file.Path;
import java.util.Collection;

/** Stub: replaced by the real classpath reader. */
public final class ClassHierarchy {
    public static ClassHierarchy of(Collection<Path> classpath) {
        return new ClassHierarchy();
    }
}
