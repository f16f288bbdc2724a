package dev.jasyncio.transformer.validation;

import dev.jasyncio.transformer.InstrumentResult;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In debug mode ({@code -Djasyncio.debug=true}), a coroutine made and dropped without being awaited is reported
 * when collected, as asyncio's "coroutine '...' was never awaited", with where it was made; one that was awaited
 * or wrapped in a task is not. Runs in a child JVM, since the mode is fixed when the runtime loads.
 */
class NeverAwaitedTest {

    private static final String SOURCE = String.join("\n",
            "package t;",
            "import dev.jasyncio.*;",
            "import dev.jasyncio.annotations.Async;",
            "import static dev.jasyncio.Asyncio.*;",
            "public class Drop {",
            "  @Async static Coroutine<String> fetch(String what) { await(sleep(0)); return Coroutine.of(what); }",
            "  @Async static Coroutine<Void> main() {",
            "    fetch(\"dropped\");",                                         // line 8
            "    Object kept = await(fetch(\"awaited\"));",
            "    Coroutine<String> c = fetch(\"in a task\");",
            "    await(createTask(c));",
            "    return Coroutine.of(null);",
            "  }",
            "  public static void main(String[] args) throws Exception {",
            "    Asyncio.run(main());",
            "    for (int i = 0; i < 20; i++) { System.gc(); Thread.sleep(50); }",
            "    System.out.println(\"done\");",
            "  }",
            "}");

    @Test
    void aDroppedCoroutineIsReportedWithWhereItWasMade() throws Exception {
        Map<String, byte[]> classes = ValidationSupport.instrument(ValidationSupport.compile("t.Drop", SOURCE),
                new ArrayList<InstrumentResult>());
        ValidationSupport.assertVerified(classes, ValidationSupport.loader(classes));
        Path dir = Files.createTempDirectory("never-awaited");
        for (Map.Entry<String, byte[]> e : classes.entrySet()) {
            Path file = dir.resolve(e.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-Djasyncio.debug=true", "-cp",
                dir + File.pathSeparator + System.getProperty("java.class.path"), "t.Drop");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("coroutine 'Drop.fetch' was never awaited"), output);
        assertTrue(output.contains("Coroutine created at t.Drop.main(Drop.java:8)"), output);
        assertEquals(1, output.split("was never awaited", -1).length - 1, output);
        assertFalse(output.contains("Exception"), output);
    }
}
