package dev.jasyncio.transformer;

import com.github.javaparser.ast.CompilationUnit;
import dev.jasyncio.transformer.internal.check.AsyncTypeIndex;
import dev.jasyncio.transformer.internal.check.AwaitPlacement;
import dev.jasyncio.transformer.internal.check.SharperFindings;
import dev.jasyncio.transformer.internal.check.SourceChecks;
import dev.jasyncio.transformer.internal.source.JavaSources;
import dev.jasyncio.transformer.internal.source.ParsedSource;
import dev.jasyncio.transformer.internal.source.SourceFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The source diagnostics' facade: reads Java sources and reports misuse of {@code await} and {@code @Async}
 * with javac's file, line and column. A build runs it after the bytecode pass, on the files that pass flagged
 * ({@link #sharpen}); tools and tests can check any file directly.
 *
 * <p>Rules and their ids are listed in {@code docs/diagnostics/README.md}. Files JavaParser cannot read are
 * skipped: javac reports their syntax errors itself. Diagnostics name files by their path as given (Maven
 * passes absolute paths, as javac's own messages show them) and come sorted by file, line and column.
 */
public final class SourceDiagnostics {

    private SourceDiagnostics() {
    }

    /**
     * Checks {@code files}. The {@code sourceRoots} are read too, for the names of async functional interfaces
     * and of methods taking them, so that lambdas passed to the module's own async APIs count as async bodies.
     */
    public static List<Diagnostic> check(List<Path> sourceRoots, List<Path> files) {
        // Files are parsed and checked in parallel (a parser per file, stateless rules); results keep their order.
        Map<Path, ParsedSource> toCheck = new LinkedHashMap<>();
        for (Parsed p : parseAll(files, SourceFilter::mayNeedChecking)) {
            toCheck.put(normalize(p.file()), p.source());
        }
        if (toCheck.isEmpty()) {
            return List.of();
        }
        List<CompilationUnit> indexed = new ArrayList<>();
        toCheck.values().forEach(s -> indexed.add(s.unit()));
        List<Path> others = javaFilesUnder(sourceRoots).stream()
                .filter(file -> !toCheck.containsKey(normalize(file)))
                .toList();
        for (Parsed p : parseAll(others, SourceFilter::mayDeclareAsyncTypes)) {
            indexed.add(p.source().unit());
        }
        AsyncTypeIndex index = AsyncTypeIndex.of(indexed);
        List<Diagnostic> found = new ArrayList<>();
        toCheck.values().parallelStream()
                .map(source -> SourceChecks.run(source, index))
                .toList()
                .forEach(found::addAll);
        return sorted(found);
    }

    private record Parsed(Path file, ParsedSource source) {
    }

    /** The files whose text passes {@code worth} and that JavaParser reads, in the order given. */
    private static List<Parsed> parseAll(List<Path> files, Predicate<String> worth) {
        return files.parallelStream()
                .map(file -> {
                    String code = read(file);
                    return worth.test(code)
                            ? JavaSources.parse(file.toString(), code).map(s -> new Parsed(file, s)).orElse(null)
                            : null;
                })
                .filter(Objects::nonNull)
                .toList();
    }

    /**
     * The bytecode pass's findings with a source position wherever the source checks can give one: only the
     * source files of flagged classes are read, so a module without mistakes pays for no parse at all. See
     * {@link SharperFindings} for how the two are matched. A finding only the bytecode pass makes about an await
     * gets that await's column ({@link AwaitPlacement}).
     */
    public static List<Diagnostic> sharpen(List<Path> sourceRoots, List<Diagnostic> fromBytecode) {
        if (fromBytecode.stream().noneMatch(Diagnostic::isError)) {
            return fromBytecode; // a correct module: not even the rules are loaded
        }
        Set<String> ruleIds = new HashSet<>();
        SourceChecks.all().forEach(rule -> ruleIds.add(rule.id()));
        List<Path> flagged = fromBytecode.stream()
                .filter(d -> d.isError() && ruleIds.contains(d.id()) && d.file() != null)
                .map(d -> Path.of(d.file()))
                .filter(file -> file.isAbsolute() && Files.isRegularFile(file))
                .distinct()
                .toList();
        List<Diagnostic> merged = flagged.isEmpty() ? fromBytecode
                : SharperFindings.merge(fromBytecode, check(sourceRoots, flagged));
        return AwaitPlacement.place(merged);
    }

    /** Checks one file on its own; its own declarations are the only ones known. */
    public static List<Diagnostic> check(Path file) {
        return check(List.of(), List.of(file));
    }

    /** Checks source text as if it were the file {@code fileName}, which is what the diagnostics name. */
    public static List<Diagnostic> checkSource(String fileName, String code) {
        if (!SourceFilter.mayNeedChecking(code)) {
            return List.of();
        }
        Optional<ParsedSource> source = JavaSources.parse(fileName, code);
        if (source.isEmpty()) {
            return List.of();
        }
        return sorted(SourceChecks.run(source.get(), AsyncTypeIndex.of(List.of(source.get().unit()))));
    }

    private static List<Diagnostic> sorted(List<Diagnostic> found) {
        found.sort(Comparator.comparing(Diagnostic::file)
                .thenComparingInt(Diagnostic::line)
                .thenComparingInt(Diagnostic::column));
        return found;
    }

    private static List<Path> javaFilesUnder(List<Path> roots) {
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list source root " + root, e);
            }
        }
        return found;
    }

    private static String read(Path file) {
        try {
            // The encoding Maven projects use by default (project.build.sourceEncoding).
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read source file " + file, e);
        }
    }

    private static Path normalize(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
