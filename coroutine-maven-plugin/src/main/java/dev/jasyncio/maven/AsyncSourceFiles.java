package dev.jasyncio.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the Java sources worth parsing for async misuse: a cheap text scan keeps JavaParser away from the many
 * files that neither say {@code @Async} nor call {@code await(}.
 */
final class AsyncSourceFiles {

    private AsyncSourceFiles() {
    }

    /** The {@code .java} files under {@code roots} that may hold async code, absolute and sorted. */
    static List<Path> find(List<Path> roots) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                    if (Files.isRegularFile(file) && mayContainAsyncCode(Files.readAllBytes(file))) {
                        found.add(file.toAbsolutePath());
                    }
                }
            }
        }
        return found;
    }

    /**
     * Whether the text mentions {@code @Async} or a call {@code await (}. Decoded as Latin-1 so any source
     * encoding works: the markers are ASCII, and ASCII bytes mean the same in every encoding Maven accepts.
     */
    static boolean mayContainAsyncCode(byte[] source) {
        String text = new String(source, StandardCharsets.ISO_8859_1);
        if (text.contains("@Async")) {
            return true;
        }
        for (int at = text.indexOf("await"); at >= 0; at = text.indexOf("await", at + 1)) {
            int i = at + "await".length();
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '(') {
                return true;
            }
        }
        return false;
    }
}
