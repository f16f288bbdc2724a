package dev.jasyncio.transformer.agent;

import java.security.ProtectionDomain;

/** Defines a generated frame class in a given class loader, beside the class it belongs to. */
@FunctionalInterface
interface FrameDefiner {

    /**
     * Defines {@code classFile} (internal name {@code internalName}) in {@code loader}; a {@link LinkageError} or a
     * runtime exception says it could not.
     */
    void define(ClassLoader loader, String internalName, byte[] classFile, ProtectionDomain domain);
}
