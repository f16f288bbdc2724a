package dev.jasyncio.maven;

import dev.jasyncio.transformer.ClassesDirectoryInstrumenter;
import dev.jasyncio.transformer.ClassesDirectoryReport;
import dev.jasyncio.transformer.SourceDiagnostics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the instrumenter over a classes folder, as the goals configure it: carried out in the build's JVM or
 * written to a file for a forked one ({@link ForkedInstrumentMain}), which reads it back and runs the same.
 *
 * @param sourceDiagnostics whether the sources of flagged classes are read to place their findings exactly
 * @param classFiles        the class files a survey in the build's JVM found, so a forked run need not list the
 *                          folder again; null to list it
 */
record InstrumentRequest(Path classes, List<Path> classpath, List<String> includes, List<String> excludes,
                         List<Path> sourceRoots, boolean failFast, Path stateFile, boolean sourceDiagnostics,
                         List<String> classFiles) {

    InstrumentRequest {
        classpath = List.copyOf(classpath);
        includes = includes == null ? List.of() : List.copyOf(includes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        sourceRoots = List.copyOf(sourceRoots);
        classFiles = classFiles == null ? null : List.copyOf(classFiles);
    }

    /** The same request, with the class files a survey found. */
    InstrumentRequest withClassFiles(List<String> found) {
        return new InstrumentRequest(classes, classpath, includes, excludes, sourceRoots, failFast, stateFile,
                sourceDiagnostics, found);
    }

    ClassesDirectoryInstrumenter instrumenter() {
        ClassesDirectoryInstrumenter.Builder b = ClassesDirectoryInstrumenter.builder(classes)
                .classpath(classpath)
                .includes(includes)
                .excludes(excludes)
                .sourceRoots(sourceRoots)
                .failFast(failFast)
                .stateFile(stateFile);
        return (classFiles == null ? b : b.classFiles(classFiles)).build();
    }

    /** Runs here; I/O failures and transformer bugs are thrown. */
    InstrumentOutcome run() throws IOException {
        return run(instrumenter());
    }

    /** Runs here with an instrumenter made by {@link #instrumenter()}. */
    InstrumentOutcome run(ClassesDirectoryInstrumenter instrumenter) throws IOException {
        ClassesDirectoryReport report = instrumenter.run();
        return InstrumentOutcome.of(report, sourceDiagnostics
                ? SourceDiagnostics.sharpen(sourceRoots, report.diagnostics()) : report.diagnostics());
    }

    void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(FieldCodec.line(List.of("classes", classes.toString())));
        classpath.forEach(p -> lines.add(FieldCodec.line(List.of("classpath", p.toString()))));
        includes.forEach(g -> lines.add(FieldCodec.line(List.of("include", g))));
        excludes.forEach(g -> lines.add(FieldCodec.line(List.of("exclude", g))));
        sourceRoots.forEach(p -> lines.add(FieldCodec.line(List.of("sourceRoot", p.toString()))));
        lines.add(FieldCodec.line(List.of("failFast", Boolean.toString(failFast))));
        if (stateFile != null) {
            lines.add(FieldCodec.line(List.of("stateFile", stateFile.toString())));
        }
        lines.add(FieldCodec.line(List.of("sourceDiagnostics", Boolean.toString(sourceDiagnostics))));
        if (classFiles != null) {
            lines.add(FieldCodec.line(List.of("classFilesListed", "true")));
            classFiles.forEach(f -> lines.add(FieldCodec.line(List.of("classFile", f))));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    static InstrumentRequest read(Path file) throws IOException {
        Path classes = null;
        Path stateFile = null;
        boolean failFast = false;
        boolean sourceDiagnostics = false;
        List<Path> classpath = new ArrayList<>();
        List<String> includes = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        List<Path> sourceRoots = new ArrayList<>();
        List<String> classFiles = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            List<String> f = FieldCodec.fields(line);
            String value = f.get(1);
            switch (f.get(0)) {
                case "classes" -> classes = Path.of(value);
                case "classpath" -> classpath.add(Path.of(value));
                case "include" -> includes.add(value);
                case "exclude" -> excludes.add(value);
                case "sourceRoot" -> sourceRoots.add(Path.of(value));
                case "failFast" -> failFast = Boolean.parseBoolean(value);
                case "stateFile" -> stateFile = Path.of(value);
                case "sourceDiagnostics" -> sourceDiagnostics = Boolean.parseBoolean(value);
                case "classFilesListed" -> classFiles = classFiles == null ? new ArrayList<>() : classFiles;
                case "classFile" -> {
                    if (classFiles == null) {
                        throw new IOException("a class file before classFilesListed in " + file);
                    }
                    classFiles.add(value);
                }
                default -> throw new IOException("unknown entry in " + file + ": " + f.get(0));
            }
        }
        if (classes == null) {
            throw new IOException("no classes folder in " + file);
        }
        return new InstrumentRequest(classes, classpath, includes, excludes, sourceRoots, failFast, stateFile,
                sourceDiagnostics, classFiles);
    }
}
