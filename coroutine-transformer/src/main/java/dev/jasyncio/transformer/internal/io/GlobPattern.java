package dev.jasyncio.transformer.internal.io;

import java.util.regex.Pattern;

/**
 * An Ant-style path pattern over {@code /}-separated relative paths, as Maven users write them in
 * {@code <includes>}: {@code **} spans any number of directories (including none), {@code *} any characters
 * within one name, {@code ?} one character within one name. A pattern ending in {@code /} means everything
 * below that directory, as in Ant. Matching is case-sensitive, like class names.
 */
public final class GlobPattern {

    private final String glob;
    private final Pattern regex;

    private GlobPattern(String glob, Pattern regex) {
        this.glob = glob;
        this.regex = regex;
    }

    /** Compiles {@code glob}; backslashes count as separators so Windows-style patterns work too. */
    public static GlobPattern compile(String glob) {
        String g = glob.trim().replace('\\', '/');
        while (g.startsWith("/")) {
            g = g.substring(1);
        }
        if (g.endsWith("/")) {
            g = g + "**";
        }
        return new GlobPattern(glob, Pattern.compile(toRegex(g)));
    }

    /** Whether {@code relativePath} (separated by {@code /}, no leading slash) matches. */
    public boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }

    private static String toRegex(String g) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < g.length()) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                boolean atStart = i == 0 || g.charAt(i - 1) == '/';
                boolean slashAfter = i + 2 < g.length() && g.charAt(i + 2) == '/';
                boolean atEnd = i + 2 == g.length();
                if (atStart && slashAfter) {
                    re.append("(?:.*/)?");          // "**/" also matches no directory at all
                    i += 3;
                } else if (atStart && atEnd && i > 0) {
                    re.setLength(re.length() - 1);  // "dir/**" also matches "dir" itself
                    re.append("(?:/.*)?");
                    i += 2;
                } else {
                    re.append(".*");
                    i += 2;
                }
            } else if (c == '*') {
                re.append("[^/]*");
                i++;
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else if (c == '/' || Character.isLetterOrDigit(c)) {
                re.append(c);                       // kept bare so "dir/**" can take its slash back
                i++;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return re.toString();
    }

    @Override
    public String toString() {
        return glob;
    }
}
