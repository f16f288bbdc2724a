package dev.jasyncio.transformer.internal.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place JavaParser is configured: language level, tab size, and what to do with code it cannot read.
 *
 * <p>Java 21 is the newest level JavaParser 3.27 knows. Newer sources that only fail its validation (an unnamed
 * variable {@code _}) are parsed again without validation, and Java 25 module imports are blanked out first,
 * keeping every offset, since they matter to none of the checks. Code that still does not parse is left to
 * javac, which reports syntax errors better than we could.
 */
public final class JavaSources {

    /** A module import on its own line; replaced by spaces so that positions after it stay the same. */
    private static final Pattern MODULE_IMPORT =
            Pattern.compile("(?m)^[ \\t]*import[ \\t]+module[ \\t]+[\\w.]+[ \\t]*;");

    private JavaSources() {
    }

    /** Parses one file, or returns empty when it is not Java that JavaParser can read. */
    public static Optional<ParsedSource> parse(String path, String code) {
        String parseable = blankModuleImports(code);
        Optional<CompilationUnit> unit = parse(parseable, LanguageLevel.JAVA_21);
        if (unit.isEmpty()) {
            unit = parse(parseable, LanguageLevel.RAW);
        }
        return unit.map(u -> new ParsedSource(path, u, new JavacPositions(code)));
    }

    private static Optional<CompilationUnit> parse(String code, LanguageLevel level) {
        ParserConfiguration configuration = new ParserConfiguration()
                .setLanguageLevel(level)
                .setTabSize(1)
                .setAttributeComments(false);
        ParseResult<CompilationUnit> result = new JavaParser(configuration).parse(code);
        return result.isSuccessful() ? result.getResult() : Optional.empty();
    }

    private static String blankModuleImports(String code) {
        if (!code.contains("module")) {
            return code;
        }
        Matcher matcher = MODULE_IMPORT.matcher(code);
        StringBuilder out = new StringBuilder(code);
        while (matcher.find()) {
            for (int i = matcher.start(); i < matcher.end(); i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }
}
