package dev.jasyncio.transformer.internal.asm;

import dev.jasyncio.transformer.InstrumentResult;

/** Stub: replaced by the real pass. */
public final class ClassTransformer {
    public ClassTransformer(ClassHierarchy hierarchy) {
    }

    public InstrumentResult transform(byte[] classFile) {
        throw new UnsupportedOperationException("not yet");
    }
}
