package dev.jasyncio.transformer.internal.io;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * An Ant-style path pattern over {@code /}-separated relative paths, as Maven users write them in
 * {@code <includes>}: {@code **} spans any number of directories (including none), {@code *} any characters
 * within one name, {@code ?} one character within one name. A pattern ending in {@code /} means everything
 * below that directory, as in Ant. Matching is case-sensitive, like class names.
 */
public final class GlobPattern {

    private final String glob;
    private final Predicate<String> matcher;

    private GlobPattern(String glob, Predicate<String> matcher) {
        this.glob = glob;
        this.matcher = matcher;
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
        String suffix = g.startsWith("**/*") ? g.substring("**/*".length()) : null;
        if (suffix != null && suffix.chars().noneMatch(c -> c == '*' || c == '?' || c == '/')) {
            // "**/*.class", the default, is a test of the end of the path: no regex for each of a build's files.
            return new GlobPattern(glob, path -> path.endsWith(suffix));
        }
        Pattern regex = Pattern.compile(toRegex(g));
        return new GlobPattern(glob, path -> regex.matcher(path).matches());
    }

    /** Whether {@code relativePath} (separated by {@code /}, no leading slash) matches. */
    public boolean matches(String relativePath) {
        return matcher.test(relativePath);
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
