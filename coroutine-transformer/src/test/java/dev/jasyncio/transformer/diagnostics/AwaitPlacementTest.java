package dev.jasyncio.transformer.diagnostics;

import dev.jasyncio.transformer.Diagnostic;
import dev.jasyncio.transformer.SourceDiagnostics;
import dev.jasyncio.transformer.internal.rules.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code AWAIT_IN_CONSTRUCTOR_CALL} is found by the bytecode pass only, which knows the line; a build places it on
 * the column of the await on that line, as the source rules place theirs.
 */
class AwaitPlacementTest {

    @Test
    void aBytecodeFindingAboutAnAwaitGetsTheAwaitsColumn(@TempDir Path root) throws IOException {
        Path source = root.resolve("demo/Boxes.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, String.join("\n",
                "package demo;",
                "import dev.jasyncio.Coroutine;",
                "import dev.jasyncio.annotations.Async;",
                "import static dev.jasyncio.Asyncio.*;",
                "class Boxes {",
                "    record Box(Object v) {}",
                "    @Async",
                "    static Coroutine<Box> box(Coroutine<String> x) {",
                "        return Coroutine.of(new Box(\tawait(x)));",
                "    }",
                "}",
                ""));
        String file = source.toAbsolutePath().toString();
        Diagnostic fromBytecode = Texts.AWAIT_IN_CONSTRUCTOR_CALL.at(file, 9, 0, "Boxes$Box");
        Diagnostic elsewhere = Texts.AWAIT_IN_CONSTRUCTOR_CALL.at(file, 8, 0, "Boxes$Box");

        List<Diagnostic> placed = SourceDiagnostics.sharpen(List.of(root), List.of(fromBytecode, elsewhere));

        // The tab runs to column 41 (javac expands tabs to multiples of 8): the await starts there.
        assertEquals(file + ":[9,41] [AWAIT_IN_CONSTRUCTOR_CALL] await inside the arguments of 'new Boxes$Box(...)' "
                + "compiled in a shape that cannot be transformed", placed.get(0).format().lines().findFirst().get());
        assertEquals(0, placed.get(1).column(), "no await on that line: left as it was");
    }
}
