package dev.jasyncio.maven;

import dev.jasyncio.transformer.ClassesDirectoryInstrumenter;
import dev.jasyncio.transformer.ClassesDirectoryReport;
import dev.jasyncio.transformer.InstrumentationException;
import dev.jasyncio.transformer.Instrumenter;
import dev.jasyncio.transformer.SourceDiagnostics;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What both goals share: parameters, the skip switch, source diagnostics, the directory run and its log.
 * Subclasses only say which folder, classpath and source roots they work on.
 */
public abstract class AbstractInstrumentMojo extends AbstractMojo {

    /** The project being built. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** Leaves the classes untouched. */
    @Parameter(property = "jasyncio.skip", defaultValue = "false")
    private boolean skip;

    /** Ant-style globs of class files to instrument, relative to the classes folder; default all. */
    @Parameter
    private List<String> includes;

    /** Ant-style globs of class files to leave alone. */
    @Parameter
    private List<String> excludes;

    /** Fails the build on misuse of async code; when false, errors are logged as warnings. */
    @Parameter(property = "jasyncio.failOnError", defaultValue = "true")
    private boolean failOnError;

    /** Stops at the first class that fails instead of reporting every failing class. */
    @Parameter(property = "jasyncio.failFast", defaultValue = "false")
    private boolean failFast;

    /** Logs every rewritten method. */
    @Parameter(property = "jasyncio.verbose", defaultValue = "false")
    private boolean verbose;

    /** Reads the sources of classes with async misuse, so their errors point at line and column. */
    @Parameter(property = "jasyncio.sourceDiagnostics", defaultValue = "true")
    private boolean sourceDiagnostics;

    /** The folder whose classes are rewritten. */
    protected abstract Path classesDirectory();

    /** Where types are resolved from, the classes folder included. */
    protected abstract List<String> classpathElements() throws DependencyResolutionRequiredException;

    /** The sources the classes were compiled from. */
    protected abstract List<String> sourceRoots();

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping jasyncio instrumentation (jasyncio.skip)");
            return;
        }
        Path classes = classesDirectory();
        if (!Files.isDirectory(classes)) {
            getLog().info("No classes to instrument: " + classes + " does not exist");
            return;
        }
        long started = System.nanoTime();
        List<Path> roots = sourceRoots().stream().map(Path::of).toList();
        DiagnosticLog diagnostics = new DiagnosticLog(getLog(), failOnError);
        try {
            ClassesDirectoryInstrumenter instrumenter = ClassesDirectoryInstrumenter.builder(classes)
                    .classpath(classpathElements().stream().map(Path::of).filter(Files::exists).toList())
                    .includes(includes)
                    .excludes(excludes)
                    .sourceRoots(roots)
                    .failFast(failFast)
                    .stateFile(stateFile(classes))
                    .build();
            // -X tells where the goal's time goes: the survey of the folder (which the run reuses), then the run.
            int stale = instrumenter.staleClassFiles();
            getLog().debug("jasyncio: " + stale + " stale class file(s) found in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            ClassesDirectoryReport report = instrumenter.run();
            diagnostics.report(sourceDiagnostics ? SourceDiagnostics.sharpen(roots, report.diagnostics())
                    : report.diagnostics());
            logReport(classes, report, (System.nanoTime() - started) / 1_000_000);
            failOnErrors(diagnostics);
        } catch (IOException | UncheckedIOException | DependencyResolutionRequiredException
                 | InstrumentationException e) {
            throw new MojoExecutionException("jasyncio: instrumenting " + classes + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Anything else escaping the transformer is a bug of ours, not a mistake in the user's code.
            throw new MojoExecutionException("jasyncio " + Instrumenter.VERSION
                    + ": internal error while instrumenting " + classes + ": " + e, e);
        }
    }

    private void failOnErrors(DiagnosticLog diagnostics) throws MojoFailureException {
        if (failOnError && diagnostics.errors() > 0) {
            throw new MojoFailureException("jasyncio: " + diagnostics.errors() + " error(s) in async code; see above");
        }
    }

    /** {@code millis}: the goal's own time, source diagnostics included, so a user can see what it adds. */
    private void logReport(Path classes, ClassesDirectoryReport report, long millis) {
        if (verbose) {
            for (ClassesDirectoryReport.InstrumentedClass c : report.instrumentedClasses()) {
                for (String method : c.asyncMethods()) {
                    getLog().info("  instrumented " + c.className().replace('/', '.') + "." + method);
                }
            }
        }
        String already = report.alreadyInstrumented() == 0 ? ""
                : " (" + report.alreadyInstrumented() + " class(es) already instrumented)";
        // The summary stays a prefix of the line: build scripts and the plugin's own tests look for it.
        if (report.classesInstrumented() > 0) {
            getLog().info(report.summary() + " in " + millis + " ms" + already);
        } else {
            getLog().info("No async methods to instrument in " + classes + already + ", checked in " + millis + " ms");
        }
        if (report.failed() > 0) {
            String how = failOnError ? "" : " and left uninstrumented: their first await will fail at run time";
            getLog().warn(report.failed() + " class(es) failed" + how);
        }
    }

    /** Beside the build's other bookkeeping, one record per classes folder. */
    private Path stateFile(Path classes) {
        return Path.of(project.getBuild().getDirectory(), "jasyncio", classes.getFileName() + ".state");
    }
}
