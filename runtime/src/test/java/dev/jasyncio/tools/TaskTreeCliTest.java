package dev.jasyncio.tools;

import dev.jasyncio.EventLoop;
import dev.jasyncio.Future;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link TaskTreeCli} against another JVM whose loop registered its MBean because of {@code -Djasyncio.jmx}. */
class TaskTreeCliTest {

    /** The other process: a loop with a task waiting until a line arrives on stdin. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            EventLoop loop = new EventLoop();
            Future<Object> line = loop.createFuture();
            Thread reader = new Thread(() -> {
                try {
                    String l = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    loop.callSoonThreadsafe(() -> line.setResult(l));
                } catch (Exception e) {
                    loop.callSoonThreadsafe(() -> line.setException(e));
                }
            });
            reader.setDaemon(true);
            reader.start();
            loop.runUntilComplete(loop.createTask(coro("serve", v -> {
                System.out.println("ready");
                System.out.flush();
                return awaiting(line);
            }, v -> null), "server"));
            loop.close();
        }
    }

    @Test
    void printsTheTaskTreeOfALoopInAnotherProcess() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Djasyncio.jmx=true", "-cp", System.getProperty("java.class.path"),
                Child.class.getName()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine());
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            int status = TaskTreeCli.print(String.valueOf(child.pid()),
                    new PrintStream(text, true, StandardCharsets.UTF_8));
            String printed = text.toString(StandardCharsets.UTF_8);
            assertEquals(0, status, printed);
            assertTrue(printed.contains("on thread 'main':"), printed);
            assertTrue(printed.contains("(T) server [waiting]"), printed);
            assertTrue(printed.contains("awaiting <Future pending>"), printed);
            child.getOutputStream().write("bye\n".getBytes(StandardCharsets.UTF_8));
            child.getOutputStream().flush();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue());
        } finally {
            child.destroyForcibly();
        }
    }
}
