package dev.jasyncio.transformer;

import java.util.ArrayList;
import java.util.List;

/**
 * What one {@link ClassesDirectoryInstrumenter} run did to a classes directory: counts for the build log, the
 * rewritten methods for a verbose log, and every diagnostic, errors first.
 */
public final class ClassesDirectoryReport {

    /** One class rewritten by this run and the async bodies in it ({@code name+descriptor}). */
    public record InstrumentedClass(String className, List<String> asyncMethods) {
        public InstrumentedClass {
            asyncMethods = List.copyOf(asyncMethods);
        }
    }

    private int classesScanned;
    private int asyncMethods;
    private int alreadyInstrumented;
    private int upToDate;
    private int failed;
    private int generatedClasses;
    private boolean stoppedEarly;
    private final List<InstrumentedClass> instrumented = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    ClassesDirectoryReport() {
    }

    // ---------------------------------------------------------------- recording (by the instrumenter)

    void addScanned() {
        classesScanned++;
    }

    void addInstrumented(InstrumentResult result) {
        instrumented.add(new InstrumentedClass(result.className(), result.asyncMethods()));
        asyncMethods += result.asyncMethodCount();
        generatedClasses += result.generatedClasses().size();
    }

    void addAlreadyInstrumented(boolean fromState) {
        alreadyInstrumented++;
        if (fromState) {
            upToDate++;
        }
    }

    void addFailure(List<Diagnostic> found) {
        failed++;
        diagnostics.addAll(found);
    }

    void addWarnings(List<Diagnostic> found) {
        diagnostics.addAll(found);
    }

    void markStoppedEarly() {
        stoppedEarly = true;
    }

    // ---------------------------------------------------------------- reading

    /** Class files selected by the includes and excludes. */
    public int classesScanned() { return classesScanned; }

    /** Classes rewritten by this run. */
    public int classesInstrumented() { return instrumented.size(); }

    /** Async bodies (methods and async lambdas) rewritten by this run. */
    public int asyncMethods() { return asyncMethods; }

    /** Classes found carrying the marker of an earlier run, and left alone. */
    public int alreadyInstrumented() { return alreadyInstrumented; }

    /** Of {@link #alreadyInstrumented()}, those the staleness record let this run skip without parsing. */
    public int upToDate() { return upToDate; }

    /** Classes left as they were because of errors. */
    public int failed() { return failed; }

    /** Frame classes written beside the instrumented classes. */
    public int generatedClasses() { return generatedClasses; }

    /** Whether fail-fast stopped the run at the first failed class. */
    public boolean isStoppedEarly() { return stoppedEarly; }

    /** The classes rewritten by this run, in the order they were processed. */
    public List<InstrumentedClass> instrumentedClasses() { return List.copyOf(instrumented); }

    /** Every diagnostic, in the order found. */
    public List<Diagnostic> diagnostics() { return List.copyOf(diagnostics); }

    /** The diagnostics that are errors. */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    /** The diagnostics that are warnings. */
    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    /** {@code Instrumented N async method(s) in M class(es)}. */
    public String summary() {
        return "Instrumented " + asyncMethods + " async method(s) in " + classesInstrumented() + " class(es)";
    }

    @Override
    public String toString() {
        return summary() + " (" + classesScanned + " scanned, " + alreadyInstrumented + " already instrumented, "
                + failed + " failed)";
    }
}
