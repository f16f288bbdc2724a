package dev.jasyncio.samples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of samples/README.md that lists where a Java port prints a line differently from CPython: rows
 * {@code | `example` | `Python line` | `Java line` | why |}. The tests read it, so the documentation and the
 * comparison cannot drift apart.
 */
final class DocumentedDifferences {

    private static final Map<String, Map<String, String>> BY_EXAMPLE = load();

    private DocumentedDifferences() {
    }

    /** Python line to Java line, for {@code example} (e.g. {@code seed000.Gather}); empty if none. */
    static Map<String, String> of(String example) {
        return BY_EXAMPLE.getOrDefault(example, Map.of());
    }

    private static Map<String, Map<String, String>> load() {
        Path readme = Path.of(System.getProperty("samples.readme", "README.md"));
        List<String> lines;
        try {
            lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the samples' README at " + readme.toAbsolutePath(), e);
        }
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        for (String line : lines) {
            if (!line.startsWith("| `")) {
                continue;
            }
            List<String> cells = cells(line);
            if (cells.size() != 4 || !isCode(cells.get(1)) || !isCode(cells.get(2))) {
                continue;
            }
            String example = unquote(cells.get(0));
            String previous = table.computeIfAbsent(example, k -> new LinkedHashMap<>())
                    .put(unquote(cells.get(1)), unquote(cells.get(2)));
            if (previous != null) {
                throw new IllegalStateException("README lists the Python line twice for " + example + ": " + line);
            }
        }
        return table;
    }

    /** The cells of a Markdown table row; {@code \|} is a literal bar. */
    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '\\' && i + 1 < row.length() && row.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return cells;
    }

    private static boolean isCode(String cell) {
        return cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`");
    }

    private static String unquote(String cell) {
        return isCode(cell) ? cell.substring(1, cell.length() - 1) : cell;
    }
}
