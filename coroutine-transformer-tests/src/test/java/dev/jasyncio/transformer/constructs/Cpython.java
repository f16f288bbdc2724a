package dev.jasyncio.transformer.constructs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What CPython 3.13 printed for {@code cpython/<name>.py} (recorded in {@code <name>.out} beside it). */
final class Cpython {

    private Cpython() {
    }

    static List<String> output(String name) {
        try (InputStream in = Cpython.class.getResourceAsStream("/cpython/" + name + ".out")) {
            if (in == null) {
                throw new AssertionError("missing cpython/" + name + ".out: run the .py with python3.13");
            }
            List<String> lines = new ArrayList<>(Arrays.asList(
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
