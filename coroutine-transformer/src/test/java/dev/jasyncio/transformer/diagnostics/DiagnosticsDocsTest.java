package dev.jasyncio.transformer.diagnostics;

import dev.jasyncio.transformer.Diagnostic;
import dev.jasyncio.transformer.internal.check.SourceCheck;
import dev.jasyncio.transformer.internal.check.SourceChecks;
import dev.jasyncio.transformer.internal.rules.Rule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The diagnostics registry against the docs and the tests: every rule, whichever pass reports it, has a stable id, a
 * summary, a page in docs/diagnostics that the index links, and a test that names it; every source rule is a check,
 * and every check reports a rule the registry places by its sources.
 */
class DiagnosticsDocsTest {

    /** Surefire runs in the module folder; the docs live at the repository root. */
    private static final Path DOCS = Path.of("..", "docs", "diagnostics");
    /** This module's tests, and those that run transformed code on the runtime. */
    private static final List<Path> TESTS = List.of(Path.of("src", "test"),
            Path.of("..", "coroutine-transformer-tests", "src", "test"));

    @Test
    void everyRuleIsDocumentedIndexedAndTested() throws IOException {
        String index = Files.readString(DOCS.resolve("README.md"));
        List<String> tests = testSources();
        for (Rule rule : Rule.values()) {
            String id = rule.id();
            assertTrue(id.matches("[A-Z]+(_[A-Z]+)+"), id);
            assertTrue(!rule.summary().isBlank(), id);
            Path page = DOCS.resolve(id + ".md");
            assertEquals(Path.of("..").resolve(rule.page()).normalize(), page.normalize());
            assertTrue(Files.isRegularFile(page), "no page " + page);
            String text = Files.readString(page);
            assertTrue(text.startsWith("# " + id), page + " must start with its id as title");
            assertTrue(index.contains("(" + id + ".md)"), "README.md does not link " + id);
            assertTrue(tests.stream().anyMatch(t -> t.contains(id)), "no test names " + id);
        }
    }

    @Test
    void theSourceChecksAreExactlyTheRulesPlacedBySources() {
        Set<Rule> checked = EnumSet.noneOf(Rule.class);
        for (SourceCheck check : SourceChecks.all()) {
            assertTrue(checked.add(check.rule()), "two checks for " + check.id());
            assertEquals(Rule.Placement.SOURCE_RULE, check.rule().placement(), check.id());
        }
        for (Rule rule : Rule.values()) {
            assertEquals(rule.placement() == Rule.Placement.SOURCE_RULE, checked.contains(rule), rule.id());
        }
    }

    @Test
    void everyFormattedFindingEndsWithItsPage() {
        Diagnostic d = Diagnostic.error("METHOD_TOO_LARGE", "A.java", 3, 0, "too large", "split it");
        assertTrue(d.format().endsWith("(see docs/diagnostics/METHOD_TOO_LARGE.md)"), d.format());
        assertEquals("docs/diagnostics/METHOD_TOO_LARGE.md", d.link());
        Diagnostic foreign = Diagnostic.error("SOMEONE_ELSES", "A.java", 3, 0, "theirs", null);
        assertEquals("A.java:[3,1] [SOMEONE_ELSES] theirs", foreign.format());
    }

    /** The text of every test source and test resource but this one. */
    private static List<String> testSources() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path root : TESTS) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".java")
                                && !f.getFileName().toString().equals("DiagnosticsDocsTest.java"))
                        .forEach(f -> {
                            try {
                                texts.add(Files.readString(f));
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
            }
        }
        return texts;
    }
}
