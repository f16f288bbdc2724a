package dev.jasyncio.transformer.internal.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Replaces files so that a reader (a JVM, an IDE, a later build) sees either the old content or the complete new
 * content, never a torn file: a build killed mid-write must not leave a truncated class behind.
 */
public final class AtomicFiles {

    /** This process and this copy of the class (a build tool may load it more than once), in temp file names. */
    private static final String WRITER = ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime());
    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFiles() {
    }

    /**
     * Writes {@code content} to a temporary file in the target's own directory (so the rename stays on one file
     * system), then renames it over {@code target}. Parent directories are created.
     */
    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        // Not ending in ".class": a concurrent directory walk must never pick up a half-written temp file. Named
        // by writer and counter rather than by Files.createTempFile, whose random names cost a SecureRandom.
        Path tmp = dir.resolve("." + target.getFileName() + "." + WRITER + "-" + COUNTER.incrementAndGet() + ".tmp");
        boolean moved = false;
        try {
            // A file of that name can only be a leftover of a killed writer: it is overwritten.
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Some file systems cannot rename atomically; a plain replace is the best they offer.
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
