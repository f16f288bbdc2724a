package dev.jasyncio.benchmarks.transformer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * One measuring JVM of {@link TransformerSpeed}: loads a compiled module, times {@code passes} passes over it one
 * way ({@code memory}, {@code directory} or {@code diagnostics}) and prints one {@code RESULT} line. The first
 * pass is the cold one, with the transformer's classes not yet loaded and nothing compiled by the JIT: what a Maven
 * build sees, since the plugin runs once per build.
 *
 * <p>Usage: {@code SpeedTrial MODULE_DIR memory|directory|diagnostics PASSES [COPIES_DIR]}. A directory pass works on a
 * fresh copy of the module's class files under {@code COPIES_DIR}, which the caller deletes once all its trials are
 * done: deleting thousands of files between passes would time the file system instead of the transformer (ext4 on
 * this machine creates files markedly slower for some minutes after many were deleted nearby). Without
 * {@code COPIES_DIR}, they go next to the module and are deleted when the trial ends.
 */
public final class SpeedTrial {

    private SpeedTrial() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String mode = args[1];
        int passes = Integer.parseInt(args[2]);
        CompiledModule module = CompiledModule.load(dir);
        boolean keepCopies = args.length > 3;
        String own = dir.getFileName() + "-copies-" + ProcessHandle.current().pid();
        Path copies = keepCopies ? Path.of(args[3]).resolve(own) : dir.resolveSibling(own);
        List<CompiledModule.Pass> done = new ArrayList<>();
        try {
            for (int i = 0; i < passes; i++) {
                Path work = copies.resolve("pass-" + i);
                done.add(switch (mode) {
                    case "memory" -> module.instrumentInMemory();
                    case "directory" -> module.instrumentDirectory(work);
                    case "diagnostics" -> module.checkSources();
                    default -> throw new IllegalArgumentException("mode: memory, directory or diagnostics, not "
                            + mode);
                });
            }
        } finally {
            if (!keepCopies) {
                CompiledModule.deleteTree(copies);
            }
        }
        CompiledModule.Pass first = done.get(0);
        StringJoiner nanos = new StringJoiner(",");
        done.forEach(p -> nanos.add(Long.toString(p.nanos())));
        // RESULT classFiles instrumented asyncMethods failed nanos-of-every-pass
        System.out.println("RESULT " + first.classFiles() + " " + first.instrumented() + " " + first.asyncMethods()
                + " " + first.failed() + " " + nanos);
    }
}
