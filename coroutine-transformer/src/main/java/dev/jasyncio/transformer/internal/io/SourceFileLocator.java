package dev.jasyncio.transformer.internal.io;

import dev.jasyncio.transformer.Diagnostic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns the bare file name a bytecode diagnostic knows (the class file's {@code SourceFile} attribute, e.g.
 * {@code Foo.java}) into the absolute source path, by looking for it in the class's package under each source
 * root. The absolute path is what makes the message clickable in IDEs and terminals, as javac's are.
 */
public final class SourceFileLocator {

    private final List<Path> sourceRoots;

    public SourceFileLocator(List<Path> sourceRoots) {
        this.sourceRoots = List.copyOf(sourceRoots);
    }

    /** {@code d} with its file made absolute when it can be found, else {@code d} itself. */
    public Diagnostic locate(Diagnostic d, String classInternalName) {
        String file = d.file();
        if (file == null || file.isEmpty() || Path.of(file).isAbsolute()) {
            return d;
        }
        int slash = classInternalName == null ? -1 : classInternalName.lastIndexOf('/');
        String packageDir = slash < 0 ? "" : classInternalName.substring(0, slash + 1);
        String relative = file.contains("/") ? file : packageDir + file;
        for (Path root : sourceRoots) {
            Path candidate = root.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return new Diagnostic(d.severity(), d.id(), candidate.toAbsolutePath().toString(), d.line(),
                        d.column(), d.message(), d.hint());
            }
        }
        return d;
    }
}
