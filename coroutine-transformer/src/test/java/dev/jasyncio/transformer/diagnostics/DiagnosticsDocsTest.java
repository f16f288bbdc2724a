package dev.jasyncio.transformer.diagnostics;

import dev.jasyncio.transformer.internal.check.SourceCheck;
import dev.jasyncio.transformer.internal.check.SourceChecks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule has a stable, unique id, a summary, and a page in docs/diagnostics that the index links. */
class DiagnosticsDocsTest {

    /** Surefire runs in the module folder; the docs live at the repository root. */
    private static final Path DOCS = Path.of("..", "docs", "diagnostics");

    @Test
    void everyRuleIsDocumentedAndIndexed() throws IOException {
        String index = Files.readString(DOCS.resolve("README.md"));
        Set<String> ids = new HashSet<>();
        for (SourceCheck check : SourceChecks.all()) {
            String id = check.id();
            assertTrue(id.matches("[A-Z]+(_[A-Z]+)+"), id);
            assertTrue(ids.add(id), "duplicate id " + id);
            assertTrue(!check.summary().isBlank(), id);
            Path page = DOCS.resolve(id + ".md");
            assertTrue(Files.isRegularFile(page), "no page " + page);
            String text = Files.readString(page);
            assertTrue(text.startsWith("# " + id), page + " must start with its id as title");
            assertTrue(index.contains("(" + id + ".md)"), "README.md does not link " + id);
        }
    }
}
