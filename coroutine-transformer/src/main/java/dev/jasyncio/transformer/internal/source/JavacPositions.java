package dev.jasyncio.transformer.internal.source;

import com.github.javaparser.Position;

/**
 * Converts JavaParser positions into the line and column javac reports, so a finding lands where the compiler
 * would put it and the IDE opens the right spot.
 *
 * <p>Both count UTF-16 chars of the raw text (a unicode escape is six chars, a surrogate pair two), but javac
 * expands a tab to the next multiple of 8 while JavaParser, configured with a tab size of 1, counts it as one.
 */
public final class JavacPositions {

    /** javac's {@code TabInc}. */
    private static final int TAB_STOP = 8;

    /** Start offset of each line in the source text, index 0 for line 1. */
    private final int[] lineStarts;

    private final String text;

    public JavacPositions(String text) {
        this.text = text;
        this.lineStarts = lineStarts(text);
    }

    /** The 1-based javac column of a JavaParser position (whose column is also 1-based). */
    public int column(Position position) {
        if (position.line < 1 || position.line > lineStarts.length) {
            return position.column;
        }
        int start = lineStarts[position.line - 1];
        int end = Math.min(text.length(), start + position.column - 1);
        int column = 0;
        for (int i = start; i < end; i++) {
            column = text.charAt(i) == '\t' ? (column / TAB_STOP + 1) * TAB_STOP : column + 1;
        }
        return column + 1;
    }

    private static int[] lineStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (isLineEnd(text, i)) {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            if (isLineEnd(text, i)) {
                starts[line++] = i + 1;
            }
        }
        return starts;
    }

    /** A line ends at LF, or at a CR not followed by LF (so CRLF counts once), as in both parsers. */
    private static boolean isLineEnd(String text, int i) {
        char c = text.charAt(i);
        return c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
    }
}
