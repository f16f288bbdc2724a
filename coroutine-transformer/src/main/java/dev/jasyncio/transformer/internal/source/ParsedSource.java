package dev.jasyncio.transformer.internal.source;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;

/**
 * One parsed source file: the path diagnostics name, its syntax tree, and javac's view of its positions.
 */
public final class ParsedSource {

    private final String path;
    private final CompilationUnit unit;
    private final JavacPositions positions;
    private final ImportScope imports;

    ParsedSource(String path, CompilationUnit unit, JavacPositions positions) {
        this.path = path;
        this.unit = unit;
        this.positions = positions;
        this.imports = new ImportScope(unit);
    }

    /** The file as diagnostics name it. */
    public String path() {
        return path;
    }

    public CompilationUnit unit() {
        return unit;
    }

    /** What the file's imports and package say a simple name refers to. */
    public ImportScope imports() {
        return imports;
    }

    /** The 1-based line where {@code node} starts, or 0 when JavaParser does not know it. */
    public int line(Node node) {
        return node.getBegin().map(p -> p.line).orElse(0);
    }

    /** The 1-based column javac would report for the start of {@code node}, or 0 when unknown. */
    public int column(Node node) {
        return node.getBegin().map(positions::column).orElse(0);
    }

    /** The javac column of an arbitrary JavaParser position in this file. */
    public int column(Position position) {
        return positions.column(position);
    }
}
