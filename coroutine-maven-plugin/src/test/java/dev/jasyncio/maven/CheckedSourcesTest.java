package dev.jasyncio.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CheckedSources}: an unchanged module skips the source checks, any change brings them back. */
class CheckedSourcesTest {

    @TempDir
    Path dir;

    private Path write(String relative, String text, Instant modified) throws IOException {
        Path file = dir.resolve("src").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    @Test
    void aPassedCheckHoldsUntilAFileChangesAppearsOrGoes() throws IOException {
        Instant past = Instant.now().minusSeconds(60);
        Path a = write("a/A.java", "class A {}", past);
        write("b/B.java", "class B {}", past);
        List<Path> roots = List.of(dir.resolve("src"));
        CheckedSources checked = new CheckedSources(dir.resolve("target/jasyncio/classes.sources"));

        String before = CheckedSources.fingerprint(roots);
        assertNotNull(before);
        assertFalse(checked.passedAsIs(before), "nothing recorded yet");
        checked.passed(before);
        assertTrue(checked.passedAsIs(CheckedSources.fingerprint(roots)), "same sources, same record");

        Files.writeString(a, "class A { int x; }");
        Files.setLastModifiedTime(a, FileTime.from(past.plusSeconds(1)));
        assertFalse(checked.passedAsIs(CheckedSources.fingerprint(roots)), "an edited file");

        Files.writeString(a, "class A {}");
        Files.setLastModifiedTime(a, FileTime.from(past));
        assertTrue(checked.passedAsIs(CheckedSources.fingerprint(roots)), "back as it was");

        Path c = write("c/C.java", "class C {}", past);
        assertFalse(checked.passedAsIs(CheckedSources.fingerprint(roots)), "a new file");
        Files.delete(c);
        Files.delete(a);
        assertFalse(checked.passedAsIs(CheckedSources.fingerprint(roots)), "a removed file");
    }

    @Test
    void aFileTouchedJustNowIsNeverTrustedAndAFindingForgetsThePass() throws IOException {
        Instant past = Instant.now().minusSeconds(60);
        write("a/A.java", "class A {}", past);
        List<Path> roots = List.of(dir.resolve("src"));
        CheckedSources checked = new CheckedSources(dir.resolve("target/jasyncio/classes.sources"));
        String fingerprint = CheckedSources.fingerprint(roots);
        checked.passed(fingerprint);

        write("b/B.java", "class B {}", Instant.now());
        assertNull(CheckedSources.fingerprint(roots), "its time stamp cannot yet tell a later edit apart");
        assertFalse(checked.passedAsIs(null));

        checked.forget();
        assertFalse(checked.passedAsIs(fingerprint));
    }

    @Test
    void otherSourceRootsAreOtherSources() throws IOException {
        write("a/A.java", "class A {}", Instant.now().minusSeconds(60));
        String one = CheckedSources.fingerprint(List.of(dir.resolve("src")));
        String two = CheckedSources.fingerprint(List.of(dir.resolve("src"), dir.resolve("generated")));
        assertNotEquals(one, two);
    }
}
