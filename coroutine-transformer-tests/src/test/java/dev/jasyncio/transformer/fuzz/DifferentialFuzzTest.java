package dev.jasyncio.transformer.fuzz;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The differential fuzzer as a test: {@value FuzzMain#DEFAULT_COUNT} generated async programs from a fixed seed, each
 * run instrumented with awaits that suspend, that are already done, and that throw, against its synchronous twin.
 * Properties: {@code jasyncio.fuzz.seed}, {@code jasyncio.fuzz.count}, {@code jasyncio.fuzz.program} (one program by
 * its seed, as printed on a failure), {@code jasyncio.fuzz.maxFailures} (default 25), {@code jasyncio.fuzz.avoid}
 * (constructs not to generate while a known bug is open, see GenContext). A long run:
 * {@code -Djasyncio.fuzz.count=20000 -Djasyncio.fuzz.seed=20261123}.
 */
class DifferentialFuzzTest {

    @Test
    void asyncProgramsAgreeWithTheirSynchronousTwins() throws IOException {
        String one = System.getProperty(FuzzMain.PROGRAM);
        long seed = Long.getLong(FuzzMain.SEED, FuzzMain.DEFAULT_SEED);
        int count = Integer.getInteger(FuzzMain.COUNT, FuzzMain.DEFAULT_COUNT);
        FuzzMain.Report report = one != null ? FuzzMain.runOne(Long.parseLong(one))
                : FuzzMain.run(seed, count, p -> { });
        System.out.println(report.summary());
        Files.deleteIfExists(Paths.get("target", "fuzz-failures.txt"));
        if (!report.failures.isEmpty()) {
            Path file = FuzzMain.writeFailures(report);
            fail(report.summary() + "\n" + report.signatures() + "reproduce the run: " + FuzzMain.command("-D" + FuzzMain.SEED + "=" + seed
                    + " -D" + FuzzMain.COUNT + "=" + count) + "\nall failures: " + file + "\n\nfirst failure:\n"
                    + report.failures.get(0).describe());
        }
        // A program javac itself miscompiles is named in the summary and not run: it says nothing about ours.
        assertEquals(report.generated, report.passed + report.miscompiledByJavac.size(),
                "programs that did not run in every mode");
    }
}
