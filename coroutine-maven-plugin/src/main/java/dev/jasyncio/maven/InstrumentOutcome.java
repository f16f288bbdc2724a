package dev.jasyncio.maven;

import dev.jasyncio.transformer.ClassesDirectoryReport;
import dev.jasyncio.transformer.Diagnostic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run of the instrumenter did, as the goals log it: counts, the rewritten methods, the diagnostics with
 * their source positions. A forked run writes it to a file the build reads back.
 */
record InstrumentOutcome(String summary, int classesInstrumented, int alreadyInstrumented, int failed,
                         List<ClassesDirectoryReport.InstrumentedClass> instrumentedClasses,
                         List<Diagnostic> diagnostics) {

    InstrumentOutcome {
        instrumentedClasses = List.copyOf(instrumentedClasses);
        diagnostics = List.copyOf(diagnostics);
    }

    static InstrumentOutcome of(ClassesDirectoryReport report, List<Diagnostic> diagnostics) {
        return new InstrumentOutcome(report.summary(), report.classesInstrumented(), report.alreadyInstrumented(),
                report.failed(), report.instrumentedClasses(), diagnostics);
    }

    void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(FieldCodec.line(List.of("counts", summary, Integer.toString(classesInstrumented),
                Integer.toString(alreadyInstrumented), Integer.toString(failed))));
        for (ClassesDirectoryReport.InstrumentedClass c : instrumentedClasses) {
            List<String> fields = new ArrayList<>(List.of("class", c.className()));
            fields.addAll(c.asyncMethods());
            lines.add(FieldCodec.line(fields));
        }
        for (Diagnostic d : diagnostics) {
            lines.add(FieldCodec.line(java.util.Arrays.asList("diagnostic", d.severity().name(), d.id(), d.file(),
                    Integer.toString(d.line()), Integer.toString(d.column()), d.message(), d.hint())));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static InstrumentOutcome read(Path file) throws IOException {
        String summary = null;
        int[] counts = new int[3];
        List<ClassesDirectoryReport.InstrumentedClass> classes = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            List<String> f = FieldCodec.fields(line);
            switch (f.get(0)) {
                case "counts" -> {
                    summary = f.get(1);
                    for (int i = 0; i < counts.length; i++) {
                        counts[i] = Integer.parseInt(f.get(2 + i));
                    }
                }
                case "class" -> classes.add(new ClassesDirectoryReport.InstrumentedClass(f.get(1),
                        f.subList(2, f.size())));
                case "diagnostic" -> diagnostics.add(new Diagnostic(Diagnostic.Severity.valueOf(f.get(1)), f.get(2),
                        f.get(3), Integer.parseInt(f.get(4)), Integer.parseInt(f.get(5)), f.get(6), f.get(7)));
                default -> throw new IOException("unknown entry in " + file + ": " + f.get(0));
            }
        }
        if (summary == null) {
            throw new IOException("no counts in " + file);
        }
        return new InstrumentOutcome(summary, counts[0], counts[1], counts[2], classes, diagnostics);
    }
}
