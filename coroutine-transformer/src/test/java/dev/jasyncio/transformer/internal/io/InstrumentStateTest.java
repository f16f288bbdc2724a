package dev.jasyncio.transformer.internal.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentStateTest {

    @TempDir
    Path dir;

    @Test
    void anUnchangedFileIsUpToDateAfterASaveAndLoad() throws IOException {
        Path cls = write("Foo.class", "instrumented");
        save("com/Foo.class", cls);
        assertTrue(upToDate(load(), "com/Foo.class", cls));
        assertFalse(upToDate(load(), "com/Other.class", cls), "no entry, not up to date");
    }

    @Test
    void aFileRewrittenWithTheSameSizeAndTimeIsCaughtByItsFingerprintWhileTheTimeIsRacy() throws IOException {
        Path cls = write("Foo.class", "instrumented");
        save("Foo.class", cls);
        FileTime time = Files.getLastModifiedTime(cls);
        write("Foo.class", "recompiled!!");         // same length
        Files.setLastModifiedTime(cls, time);
        assertFalse(upToDate(load(), "Foo.class", cls));
    }

    @Test
    void anOldFileIsTrustedBySizeAndTimeWithoutReadingIt() throws IOException {
        Path cls = write("Foo.class", "instrumented");
        FileTime anHourAgo = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
        Files.setLastModifiedTime(cls, anHourAgo);
        save("Foo.class", cls);
        // Same size and time but other bytes: only a read could tell, and an old time stamp is not re-read.
        write("Foo.class", "INSTRUMENTED");
        Files.setLastModifiedTime(cls, anHourAgo);
        assertTrue(upToDate(load(), "Foo.class", cls));
    }

    @Test
    void aChangedSizeOrTimeIsNotUpToDate() throws IOException {
        Path cls = write("Foo.class", "instrumented");
        Files.setLastModifiedTime(cls, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        save("Foo.class", cls);
        Files.setLastModifiedTime(cls, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        assertFalse(upToDate(load(), "Foo.class", cls));
        write("Foo.class", "instrumented and longer");
        assertFalse(upToDate(load(), "Foo.class", cls));
    }

    @Test
    void aRecordOfAnotherTransformerVersionOrAGarbledOneIsIgnored() throws IOException {
        Path cls = write("Foo.class", "instrumented");
        save("Foo.class", cls);
        assertFalse(upToDate(InstrumentState.load(dir.resolve("state"), "9.9.9"), "Foo.class", cls));
        Files.writeString(dir.resolve("state"), "# jasyncio instrument state v3, transformer 1.0\nnot\ta\tnumber\tI\tFoo.class\n");
        assertFalse(upToDate(load(), "Foo.class", cls));
        // The format before this one, which held SHA-256 digests: read again, not misread.
        Files.writeString(dir.resolve("state"), "# jasyncio instrument state v2, transformer 1.0\n12\t"
                + Files.getLastModifiedTime(cls).to(java.util.concurrent.TimeUnit.NANOSECONDS) + "\t"
                + "0".repeat(64) + "\tI\tFoo.class\n");
        assertFalse(upToDate(load(), "Foo.class", cls));
        assertFalse(upToDate(InstrumentState.load(dir.resolve("missing"), "1.0"), "Foo.class", cls));
    }

    @Test
    void keptEntriesSurviveTheNextSaveAndUnseenOnesAreDropped() throws IOException {
        Path a = write("A.class", "a");
        Path b = write("B.class", "b");
        InstrumentState first = InstrumentState.empty("1.0");
        first.record("A.class", a, Files.readAllBytes(a));
        first.record("B.class", b, Files.readAllBytes(b));
        first.save(dir.resolve("state"));

        InstrumentState second = load();
        second.keep("A.class");
        second.save(dir.resolve("state"));
        assertEquals(1, second.size());
        assertTrue(upToDate(load(), "A.class", a));
        assertFalse(upToDate(load(), "B.class", b));
    }

    @Test
    void aClassWithNothingAsyncIsRecordedAsPlainAndToldApartFromAnInstrumentedOne() throws IOException {
        Path plain = write("Model.class", "no async here");
        Path async = write("Service.class", "instrumented");
        InstrumentState first = InstrumentState.empty("1.0");
        first.recordPlain("Model.class", Files.readAttributes(plain, BasicFileAttributes.class),
                Files.readAllBytes(plain));
        first.record("Service.class", async, Files.readAllBytes(async));
        first.save(dir.resolve("state"));

        assertEquals(InstrumentState.Status.PLAIN, status(load(), "Model.class", plain));
        assertEquals(InstrumentState.Status.INSTRUMENTED, status(load(), "Service.class", async));
        write("Model.class", "now it awaits");
        assertEquals(InstrumentState.Status.STALE, status(load(), "Model.class", plain));
    }

    @Test
    void everyOneBitChangeOfAClassFileChangesItsFingerprint() {
        byte[] content = new byte[4096];
        new java.util.Random(42).nextBytes(content);
        String original = InstrumentState.fingerprint(content);
        for (int bit = 0; bit < content.length * 8; bit += 7) {
            content[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(original.equals(InstrumentState.fingerprint(content)), "bit " + bit);
            content[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        assertEquals(original, InstrumentState.fingerprint(content));
        assertEquals(16, original.length());
    }

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private void save(String relative, Path file) throws IOException {
        InstrumentState state = InstrumentState.empty("1.0");
        state.record(relative, file, Files.readAllBytes(file));
        state.save(dir.resolve("state"));
    }

    private InstrumentState load() {
        return InstrumentState.load(dir.resolve("state"), "1.0");
    }

    private static boolean upToDate(InstrumentState state, String relative, Path file) throws IOException {
        return status(state, relative, file) == InstrumentState.Status.INSTRUMENTED;
    }

    private static InstrumentState.Status status(InstrumentState state, String relative, Path file)
            throws IOException {
        return state.status(relative, file, Files.readAttributes(file, BasicFileAttributes.class));
    }
}
