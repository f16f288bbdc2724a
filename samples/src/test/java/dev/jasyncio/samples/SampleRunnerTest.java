package dev.jasyncio.samples;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison rules of {@link SampleRunner}. */
class SampleRunnerTest {

    @Test
    void timeBandAcceptsCloseValuesAndRefusesSequentialOnes() {
        assertTrue(SampleRunner.withinBand(2.00, 1.90));
        assertTrue(SampleRunner.withinBand(2.00, 2.60));
        assertFalse(SampleRunner.withinBand(2.00, 2.61));
        assertFalse(SampleRunner.withinBand(2.00, 1.85));
        assertTrue(SampleRunner.withinBand(0.22, 0.20));
        assertFalse(SampleRunner.withinBand(0.22, 0.40));
    }

    @Test
    void timingLinesCompareTextExactlyAndNumbersInTheBand() {
        assertTrue(SampleRunner.timingMatches("Total time: 3.00 seconds", "Total time: 3.12 seconds"));
        assertFalse(SampleRunner.timingMatches("Total time: 3.00 seconds", "Total time: 3.12 secs"));
        assertFalse(SampleRunner.timingMatches("Total time: 3.00 seconds", "Total time: 5.00 seconds"));
    }

    @Test
    void linesIgnoreTheFinalLineBreak() {
        assertEquals(List.of(), SampleRunner.lines(""));
        assertEquals(List.of("a", "", "b"), SampleRunner.lines("a\n\nb\n"));
        assertEquals(List.of("a", "b"), SampleRunner.lines("a\r\nb"));
    }

    /** Each Python original has its golden output and its Java port, and each golden output its original. */
    @Test
    void everyPythonOriginalHasGoldenOutputAndAPort() throws Exception {
        Path python = Path.of(SampleRunnerTest.class.getResource("/python").toURI());
        Path golden = Path.of(SampleRunnerTest.class.getResource("/golden").toURI());
        List<String> originals;
        try (Stream<Path> files = Files.walk(python)) {
            originals = files.filter(f -> f.toString().endsWith(".py"))
                    .map(f -> python.relativize(f).toString().replace('\\', '/').replaceAll("\\.py$", ""))
                    .sorted().collect(Collectors.toList());
        }
        assertEquals(45, originals.size(), "Python originals: " + originals);
        for (String example : originals) {
            assertTrue(Files.isRegularFile(golden.resolve(example + ".txt")), "no golden output for " + example);
            String className = example.equals("seed000/ParallelFetch") ? "dev.jasyncio.samples.ParallelFetch"
                    : "dev.jasyncio.samples." + example.replace('/', '.');
            Class.forName(className).getMethod("main", String[].class);
        }
        try (Stream<Path> files = Files.walk(golden)) {
            files.filter(f -> f.toString().endsWith(".txt"))
                    .map(f -> golden.relativize(f).toString().replace('\\', '/')
                            .replaceAll("(\\.stderr)?\\.txt$", ""))
                    .forEach(example -> assertTrue(originals.contains(example), "no Python original for " + example));
        }
    }
}
