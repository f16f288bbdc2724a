package dev.jasyncio.transformer.internal.io;

import java.util.List;

/**
 * Includes and excludes over relative paths: a path is selected when some include matches it and no exclude
 * does. No includes means everything is included.
 */
public final class PathFilter {

    private final List<GlobPattern> includes;
    private final List<GlobPattern> excludes;

    private PathFilter(List<GlobPattern> includes, List<GlobPattern> excludes) {
        this.includes = includes;
        this.excludes = excludes;
    }

    /** A filter from glob strings; blank entries are ignored, as Maven leaves them from empty XML elements. */
    public static PathFilter of(List<String> includes, List<String> excludes) {
        return new PathFilter(compileAll(includes), compileAll(excludes));
    }

    /** Whether {@code relativePath} ({@code /}-separated) is selected. */
    public boolean accepts(String relativePath) {
        boolean included = includes.isEmpty() || includes.stream().anyMatch(p -> p.matches(relativePath));
        return included && excludes.stream().noneMatch(p -> p.matches(relativePath));
    }

    private static List<GlobPattern> compileAll(List<String> globs) {
        return globs == null ? List.of()
                : globs.stream().filter(g -> g != null && !g.isBlank()).map(GlobPattern::compile).toList();
    }
}
