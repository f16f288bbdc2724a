package dev.jasyncio.transformer.internal.check;

import dev.jasyncio.transformer.Diagnostic;
import dev.jasyncio.transformer.internal.source.ParsedSource;

import java.util.ArrayList;
import java.util.List;

/**
 * The registry of rules and the loop that runs them over one file.
 */
public final class SourceChecks {

    private static final List<SourceCheck> ALL = List.of(
            new AwaitOutsideAsync(),
            new AwaitInLambda(),
            new AwaitInSynchronized(),
            new AwaitMethodReference(),
            new AsyncNotCoroutine(),
            new AsyncAbstract(),
            new AsyncConstructor(),
            new ReturnNullInAsync(),
            new AsyncWithOutsideAsync(),
            new AsyncForOutsideAsync());

    private SourceChecks() {
    }

    /** Every rule, in the order their findings are reported for the same position. */
    public static List<SourceCheck> all() {
        return ALL;
    }

    /** Runs every rule over {@code source}, resolving lambda targets with {@code index}. */
    public static List<Diagnostic> run(ParsedSource source, AsyncTypeIndex index) {
        List<Diagnostic> found = new ArrayList<>();
        CheckContext context = new CheckContext(source, index, found::add);
        for (SourceCheck check : ALL) {
            check.visit(context);
        }
        return found;
    }
}
