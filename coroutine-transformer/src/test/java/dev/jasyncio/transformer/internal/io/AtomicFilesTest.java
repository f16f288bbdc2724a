package dev.jasyncio.transformer.internal.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("Foo.class");
        Files.write(target, bytes("old content, longer than the new one"));
        AtomicFiles.write(target, bytes("new"));
        assertArrayEquals(bytes("new"), Files.readAllBytes(target));
        assertEquals(List.of("Foo.class"), names(dir));
    }

    @Test
    void createsMissingParentDirectories() throws IOException {
        Path target = dir.resolve("com/acme/Foo$Frame.class");
        AtomicFiles.write(target, bytes("frame"));
        assertArrayEquals(bytes("frame"), Files.readAllBytes(target));
        assertEquals(List.of("Foo$Frame.class"), names(target.getParent()));
    }

    @Test
    void aFailedMoveLeavesNoTemporaryFile() throws IOException {
        // A non-empty directory cannot be replaced by a file: the move fails after the temp file was written.
        Path blocked = dir.resolve("Blocked.class");
        Files.createDirectories(blocked.resolve("inside"));
        Files.write(dir.resolve("Other.class"), bytes("other"));
        assertThrows(IOException.class, () -> AtomicFiles.write(blocked, bytes("new")));
        assertEquals(List.of("Blocked.class", "Other.class"), names(dir));
        assertEquals(List.of("inside"), names(blocked));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
