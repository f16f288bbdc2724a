package dev.jasyncio.transformer.diagnostics;

import dev.jasyncio.transformer.Diagnostic;
import dev.jasyncio.transformer.SourceDiagnostics;
import dev.jasyncio.transformer.internal.source.JavaSources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the source checks over a test source from {@code src/test/resources/diagnostics/} and compares the
 * findings with the markers in it.
 *
 * <p>A marker is a line {@code // BUG: Diagnostic contains: ID} and expects a finding with that id on the next
 * line that is not itself a marker; several markers in a row all expect findings on that same line. The
 * findings must be exactly the marked (line, id) pairs: a missing one and an extra one both fail, and the
 * message lists every finding in its javac form so the failure can be read without a debugger.
 */
final class DiagnosticTestHelper {

    private static final Pattern MARKER = Pattern.compile("^\\s*// BUG: Diagnostic contains: (\\S+)\\s*$");

    private DiagnosticTestHelper() {
    }

    /** Checks the resource {@code diagnostics/<name>} and asserts its markers are exactly what is found. */
    static List<Diagnostic> assertMarkedFindings(String name) {
        String code = resource(name);
        // A test source JavaParser cannot read would be skipped, and would then pass any test vacuously.
        assertTrue(JavaSources.parse(name, code).isPresent(), name + " does not parse");
        List<Diagnostic> found = SourceDiagnostics.checkSource(name, code);
        Set<String> expected = expectedFindings(code);
        Set<String> actual = found.stream().map(d -> key(d.line(), d.id()))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual, () -> "findings differ from the markers in " + name + "; found:\n"
                + found.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        assertPositionsOnToken(code, found);
        return found;
    }

    /** The test source's text. */
    static String resource(String name) {
        try (InputStream in = DiagnosticTestHelper.class.getResourceAsStream("/diagnostics/" + name)) {
            if (in == null) {
                fail("no test source diagnostics/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> expectedFindings(String code) {
        Set<String> expected = new TreeSet<>();
        List<String> pending = new ArrayList<>();
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher marker = MARKER.matcher(lines[i]);
            if (marker.matches()) {
                pending.add(marker.group(1));
            } else {
                for (String id : pending) {
                    expected.add(key(i + 1, id));
                }
                pending.clear();
            }
        }
        assertTrue(pending.isEmpty(), "a marker at the end of the file marks no line");
        return expected;
    }

    /**
     * The test sources indent with spaces, so a javac column is a char index plus one: await findings must
     * point at the {@code await} name, {@code @Async} findings at the {@code @}, a {@code return null} at its
     * {@code return}, a {@code synchronized @Async} method
     * that never awaits at its {@code synchronized}.
     */
    private static void assertPositionsOnToken(String code, List<Diagnostic> found) {
        String[] lines = code.split("\n", -1);
        for (Diagnostic d : found) {
            String rest = lines[d.line() - 1].substring(d.column() - 1);
            String token = d.id().equals("ASYNC_WITH_OUTSIDE_ASYNC") ? ""
                    : d.id().equals("ASYNC_FOR_OUTSIDE_ASYNC") ? "aiter"
                    : d.id().startsWith("ASYNC_") ? "@" : d.id().equals("AWAIT_METHOD_REFERENCE") ? ""
                    : d.id().equals("RETURN_NULL_IN_ASYNC") ? "return"
                    : d.id().equals("AWAIT_IN_SYNCHRONIZED") && rest.startsWith("synchronized ") ? "synchronized"
                    : "await";
            assertTrue(rest.startsWith(token), () -> "position of " + d.format() + " is not on " + token);
        }
    }

    private static String key(int line, String id) {
        return String.format("line %4d %s", line, id);
    }
}
