package dev.jasyncio.transformer.diagnostics;

import dev.jasyncio.transformer.SourceDiagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Positions are compared with javac's own: the same text, minus the static import, makes javac report
 * "cannot find symbol" at every {@code await}, and our findings must sit at exactly those lines and columns,
 * through tabs, unicode escapes and characters outside the BMP.
 */
class JavacPositionsTest {

    private static final String IMPORT = "import static dev.jasyncio.Asyncio.*;";

    private static final String CODE = String.join("\n",
            IMPORT,
            "class P {",
            "\tvoid tabs(Object x) {",
            "\t\tawait(x);",
            "  \t  Object o = await(x);",
            "\t}",
            "",
            "    void wide(Object x) {",
            "        String s = \"\\u00e9\uD83D\uDE00\"; await(x);",
            "\tString t = \"\\u0041\"; Object u = await(x); u = await(u);",
            "    }",
            "}",
            "");

    @Test
    void columnsMatchJavac(@TempDir Path out) {
        Set<String> ours = SourceDiagnostics.checkSource("P.java", CODE).stream()
                .map(d -> d.line() + ":" + d.column()).collect(Collectors.toSet());
        Set<String> javacs = javacAwaitErrors(CODE.replace(IMPORT, "//" + IMPORT.substring(2)), out);
        assertFalse(ours.isEmpty());
        assertEquals(javacs, ours);
    }

    private static Set<String> javacAwaitErrors(String code, Path out) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///P.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
        compiler.getTask(null, null, collector, List.of("-proc:none", "-d", out.toString()), null, List.of(file))
                .call();
        return collector.getDiagnostics().stream()
                .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .filter(d -> d.getMessage(Locale.ROOT).contains("method await("))
                .map(d -> d.getLineNumber() + ":" + d.getColumnNumber())
                .collect(Collectors.toSet());
    }
}
