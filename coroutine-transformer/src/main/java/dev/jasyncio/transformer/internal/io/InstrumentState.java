package dev.jasyncio.transformer.internal.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The staleness record of one classes directory: for each class file the last run left instrumented or found
 * with nothing async in it, its size, modification time and a fingerprint of its content, so the next run can skip
 * a class that has not changed since. Classes that failed are not recorded: every run reports them again.
 *
 * <p>It is only an optimisation: a lost or wrong record makes the next run read the class again, and the
 * transformer's own marker still refuses to instrument a class twice. Size and time alone are trusted only when
 * the file was last written well before the record was saved; a file touched within the file system's time
 * granularity of the save ("racily clean", as git calls it) is confirmed by its fingerprint.
 *
 * <p>The fingerprint is two 32-bit checksums of different polynomials, CRC-32 and CRC-32C. It only has to tell a
 * rewritten file from the one recorded, among files of the same size and time stamp: no adversary, so no need for a
 * cryptographic hash. Both checksums are JVM intrinsics from the first call, where SHA-256 cost a build a fifth of
 * the transformer's time, as the plugin's short-lived JVM hashes every class file before its JIT has warmed up.
 */
public final class InstrumentState {

    /** Coarsest common file time granularity (FAT's two seconds). */
    private static final long RACY_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final String header;
    private final Map<String, Entry> previous;
    private final long savedAtNanos;
    private final Map<String, Entry> current = new TreeMap<>();
    /** The class files this run wrote or read anew (not merely carried over as unchanged). */
    private final java.util.Set<String> renewed = new java.util.HashSet<>();
    /** The class files whose frame classes this run settled: instrumented anew, or found with nothing async. */
    private final java.util.Set<String> settled = new java.util.HashSet<>();

    /** What a run found a class file to be. */
    public enum Status {
        /** Not known, or changed since: it must be read. */
        STALE,
        /** Instrumented, and unchanged since. */
        INSTRUMENTED,
        /** Nothing async in it, and unchanged since. */
        PLAIN
    }

    /**
     * What is known of one class file; {@code owner} is the class file whose frame class it is, or null for a class
     * file the compiler wrote.
     */
    record Entry(long size, long mtimeNanos, String fingerprint, boolean instrumented, String owner) {
    }

    private InstrumentState(String header, Map<String, Entry> previous, long savedAtNanos) {
        this.header = header;
        this.previous = previous;
        this.savedAtNanos = savedAtNanos;
    }

    /** An empty record, for runs without a state file. */
    public static InstrumentState empty(String version) {
        return new InstrumentState(headerFor(version), Map.of(), Long.MIN_VALUE);
    }

    /**
     * Reads {@code file}; a missing, unreadable or foreign file (another format or transformer version) yields an
     * empty record, since the worst a missing record costs is reading classes again.
     */
    public static InstrumentState load(Path file, String version) {
        String header = headerFor(version);
        try {
            long savedAt = Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(header)) {
                return new InstrumentState(header, Map.of(), Long.MIN_VALUE);
            }
            Map<String, Entry> entries = new TreeMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", 6);
                if (f.length >= 5) {
                    entries.put(f[4], new Entry(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2],
                            !f[3].equals("P"), f.length == 6 ? f[5] : null));
                }
            }
            return new InstrumentState(header, entries, savedAt);
        } catch (IOException | RuntimeException e) {
            return new InstrumentState(header, Map.of(), Long.MIN_VALUE);
        }
    }

    /**
     * What {@code file} (at {@code relativePath}) is, if it is exactly what the last run left or found. Reads the
     * file only when its time stamp is too close to the save to be trusted.
     */
    public Status status(String relativePath, Path file, BasicFileAttributes attrs) throws IOException {
        Entry known = previous.get(relativePath);
        if (known == null || known.size() != attrs.size() || known.mtimeNanos() != nanos(attrs.lastModifiedTime())) {
            return Status.STALE;
        }
        boolean trusted = known.mtimeNanos() + RACY_WINDOW_NANOS < savedAtNanos
                || known.fingerprint().equals(fingerprint(Files.readAllBytes(file)));
        return !trusted ? Status.STALE : known.instrumented() ? Status.INSTRUMENTED : Status.PLAIN;
    }

    /** Carries an entry found up to date over to the record being built. */
    public void keep(String relativePath) {
        Entry known = previous.get(relativePath);
        if (known != null && !renewed.contains(relativePath)) {
            current.put(relativePath, known);
        }
    }

    /** Records {@code content}, just written to or found instrumented at {@code file}. */
    public void record(String relativePath, Path file, byte[] content) throws IOException {
        // A frame class read again (its time stamp too close to the save to be trusted) stays a frame class.
        Entry known = previous.get(relativePath);
        recordFrame(relativePath, file, content, known == null ? null : known.owner());
    }

    /**
     * Records {@code content}, the frame class of the class file {@code owner} just written to {@code file}, so that a
     * later run knows it generated it and can delete it once the owner no longer has it.
     */
    public void recordFrame(String relativePath, Path file, byte[] content, String owner) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        current.put(relativePath, new Entry(attrs.size(), nanos(attrs.lastModifiedTime()), fingerprint(content), true,
                owner));
        renewed.add(relativePath);
        if (owner != null) {
            settled.add(owner);
        }
    }

    /** Records a class file with nothing async in it, as read with {@code attrs}. */
    public void recordPlain(String relativePath, BasicFileAttributes attrs, byte[] content) {
        current.put(relativePath, new Entry(attrs.size(), nanos(attrs.lastModifiedTime()), fingerprint(content), false,
                null));
        renewed.add(relativePath);
        settled.add(relativePath);
    }

    /**
     * The frame classes a previous run generated that are unchanged since but no longer belong to anything: their
     * owner was instrumented anew in this run (recompiled) without producing them again, or found with nothing
     * async, or {@code ownerGone} says the owner's class file is no longer there (its source was renamed or
     * deleted). A frame whose owner failed in this run is kept: the owner still refers to it.
     */
    public List<String> orphanFrames(java.util.function.Predicate<String> ownerGone) {
        List<String> orphans = new java.util.ArrayList<>();
        current.forEach((path, e) -> {
            if (e.owner() != null && !renewed.contains(path)
                    && (settled.contains(e.owner()) || ownerGone.test(e.owner()))) {
                orphans.add(path);
            }
        });
        return orphans;
    }

    /** Drops a class file that was deleted from the record. */
    public void forget(String relativePath) {
        current.remove(relativePath);
    }

    /** Writes what this run recorded, atomically; classes not seen this run are dropped. */
    public void save(Path file) throws IOException {
        StringBuilder out = new StringBuilder(header).append('\n');
        current.forEach((path, e) -> out.append(e.size()).append('\t').append(e.mtimeNanos()).append('\t')
                .append(e.fingerprint()).append('\t').append(e.instrumented() ? 'I' : 'P').append('\t').append(path)
                .append(e.owner() == null ? "" : "\t" + e.owner()).append('\n'));
        AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** How many classes this run recorded. */
    public int size() {
        return current.size();
    }

    private static String headerFor(String version) {
        return "# jasyncio instrument state v4, transformer " + version;
    }

    private static long nanos(FileTime t) {
        return t.to(TimeUnit.NANOSECONDS);
    }

    static String fingerprint(byte[] content) {
        CRC32 crc32 = new CRC32();
        crc32.update(content);
        CRC32C crc32c = new CRC32C();
        crc32c.update(content);
        return HexFormat.of().toHexDigits((crc32.getValue() << 32) | crc32c.getValue());
    }
}
