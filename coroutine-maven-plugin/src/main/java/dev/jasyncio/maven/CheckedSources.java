package dev.jasyncio.maven;

import dev.jasyncio.transformer.Instrumenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Remembers that a module's sources passed the source checks without a finding, so that a build in which no
 * source changed does not parse them again. The record is a digest of every {@code .java} file's path, size and
 * time stamp under the source roots (any file can declare an async type others use) and of the plugin version.
 * A file modified in the last seconds makes the sources count as changed: its time stamp may not yet tell a later
 * edit apart.
 */
final class CheckedSources {

    /** Edits closer than this to the check may share a time stamp with it. */
    private static final long RACY_WINDOW_MILLIS = 2_000;

    private final Path record;

    CheckedSources(Path record) {
        this.record = record;
    }

    /** The digest of the sources under {@code roots} as they are now, or null if one was touched just now. */
    static String fingerprint(List<Path> roots) throws IOException {
        MessageDigest digest = sha256();
        digest.update(Instrumenter.VERSION.getBytes(StandardCharsets.UTF_8));
        long racyAfter = System.currentTimeMillis() - RACY_WINDOW_MILLIS;
        for (Path root : roots) {
            digest.update(("\nroot " + root.toAbsolutePath()).getBytes(StandardCharsets.UTF_8));
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            }
            for (Path file : files) {
                BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
                long modified = attrs.lastModifiedTime().toMillis();
                if (modified > racyAfter) {
                    return null;
                }
                digest.update(("\n" + root.relativize(file) + " " + attrs.size() + " "
                        + attrs.lastModifiedTime().toInstant()).getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Whether the last check, with no finding, saw exactly these sources. */
    boolean passedAsIs(String fingerprint) {
        try {
            return fingerprint != null && Files.isRegularFile(record)
                    && Files.readString(record, StandardCharsets.UTF_8).trim().equals(fingerprint);
        } catch (IOException e) {
            return false; // an unreadable record only costs a check
        }
    }

    /** Records a check without findings of these sources; a null fingerprint forgets any earlier one. */
    void passed(String fingerprint) {
        try {
            if (fingerprint == null) {
                Files.deleteIfExists(record);
            } else {
                Files.createDirectories(record.getParent());
                Files.writeString(record, fingerprint + "\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + record, e);
        }
    }

    /** A check found something: the next build checks again. */
    void forget() {
        passed(null);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
