package dev.jasyncio.transformer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Instrumenter#instrument(byte[])} made of one class file.
 *
 * <p>When {@link #status()} is {@link Status#INSTRUMENTED}, {@link #classBytes()} replaces the input and every
 * entry of {@link #generatedClasses()} (one coroutine frame class per async method, keyed by internal name such
 * as {@code com/acme/Fetch$Async$main}) is written beside it. When it is {@link Status#FAILED}, nothing may be
 * written: {@link #diagnostics()} says why, with the source position.
 */
public final class InstrumentResult {

    /** The outcome for one class. */
    public enum Status {
        /** No async method and no await: the class is left as it is. */
        UNCHANGED,
        /** The class carries the transformer's marker already: a second run changes nothing. */
        ALREADY_INSTRUMENTED,
        /** Rewritten: write {@link #classBytes()} and the generated classes. */
        INSTRUMENTED,
        /** The class misuses await or uses a construct that cannot be transformed: see the diagnostics. */
        FAILED
    }

    private final Status status;
    private final String className;
    private final byte[] classBytes;
    private final Map<String, byte[]> generatedClasses;
    private final int asyncMethodCount;
    private final List<String> asyncMethods;
    private final List<Diagnostic> diagnostics;

    InstrumentResult(Status status, String className, byte[] classBytes, Map<String, byte[]> generatedClasses,
                     List<String> asyncMethods, List<Diagnostic> diagnostics) {
        this.status = status;
        this.className = className;
        this.classBytes = classBytes;
        this.generatedClasses = Collections.unmodifiableMap(new LinkedHashMap<>(generatedClasses));
        this.asyncMethods = List.copyOf(asyncMethods);
        this.asyncMethodCount = asyncMethods.size();
        this.diagnostics = List.copyOf(diagnostics);
    }

    public Status status() { return status; }

    /** Internal name of the class, e.g. {@code com/acme/Fetch}. */
    public String className() { return className; }

    /** The rewritten class file; the input unchanged unless the status is {@link Status#INSTRUMENTED}. */
    public byte[] classBytes() { return classBytes; }

    /** Frame classes to write beside the class: internal name to class file. */
    public Map<String, byte[]> generatedClasses() { return generatedClasses; }

    /** How many async bodies (methods and async lambdas) were rewritten. */
    public int asyncMethodCount() { return asyncMethodCount; }

    /** The rewritten bodies as {@code name+descriptor}, for a verbose build log. */
    public List<String> asyncMethods() { return asyncMethods; }

    /** Errors (status FAILED) and warnings found while transforming. */
    public List<Diagnostic> diagnostics() { return diagnostics; }
}
