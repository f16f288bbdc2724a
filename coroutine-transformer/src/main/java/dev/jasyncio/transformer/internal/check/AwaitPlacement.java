package dev.jasyncio.transformer.internal.check;

import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.jasyncio.transformer.Diagnostic;
import dev.jasyncio.transformer.internal.rules.Rule;
import dev.jasyncio.transformer.internal.source.JavaSources;
import dev.jasyncio.transformer.internal.source.ParsedSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives the bytecode pass's findings about an await that no source rule finds ({@link Rule.Placement#AWAIT}) the
 * column of that await: the first jasyncio {@code await} on the finding's line. A line without one keeps its
 * finding as it was.
 */
public final class AwaitPlacement {

    private AwaitPlacement() {
    }

    /** {@code findings}, those placed at an await given its column, in the same order. */
    public static List<Diagnostic> place(List<Diagnostic> findings) {
        Map<String, Map<Integer, Integer>> columnsByFile = new HashMap<>();
        List<Diagnostic> placed = new ArrayList<>(findings.size());
        for (Diagnostic d : findings) {
            boolean atAwait = Rule.byId(d.id()).map(r -> r.placement() == Rule.Placement.AWAIT).orElse(false);
            if (!atAwait || d.column() > 0 || d.line() <= 0 || d.file() == null) {
                placed.add(d);
                continue;
            }
            Integer column = columnsByFile.computeIfAbsent(d.file(), AwaitPlacement::awaitColumns).get(d.line());
            placed.add(column == null ? d : new Diagnostic(d.severity(), d.id(), d.file(), d.line(), column,
                    d.message(), d.hint()));
        }
        return placed;
    }

    /** The javac column of the first await on each line of {@code file}; none if it cannot be read. */
    private static Map<Integer, Integer> awaitColumns(String file) {
        Path path = Path.of(file);
        if (!path.isAbsolute() || !Files.isRegularFile(path)) {
            return Map.of();
        }
        String code;
        try {
            code = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read source file " + file, e);
        }
        Optional<ParsedSource> source = JavaSources.parse(file, code);
        Map<Integer, Integer> columns = new HashMap<>();
        source.ifPresent(s -> {
            for (MethodCallExpr call : s.unit().findAll(MethodCallExpr.class)) {
                if (AwaitCalls.isJasyncioAwait(call, s.imports())) {
                    columns.merge(s.line(call.getName()), s.column(call.getName()), Math::min);
                }
            }
        });
        return columns;
    }
}
