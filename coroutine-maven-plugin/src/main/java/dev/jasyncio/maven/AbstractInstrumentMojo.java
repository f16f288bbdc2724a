package dev.jasyncio.maven;

import dev.jasyncio.transformer.ClassesDirectoryInstrumenter;
import dev.jasyncio.transformer.ClassesDirectoryReport;
import dev.jasyncio.transformer.InstrumentationException;
import dev.jasyncio.transformer.Instrumenter;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * Runs the transformer in a JVM of its own (C1 only) when at least {@code forkThreshold} class files changed, as
     * on a clean build: the build's JVM is then not left compiling the transformer with C2. False always runs it in
     * the build's JVM.
     */
    @Parameter(property = "jasyncio.fork", defaultValue = "true")
    private boolean fork;

    /**
     * Changed class files from which a run forks. Fewer (an incremental build, an IDE's build) run in the build's
     * JVM, where a fork's start-up would cost more than it saves.
     */
    @Parameter(property = "jasyncio.forkThreshold", defaultValue = "100")
    private int forkThreshold;

    /**
     * Seconds a forked run may take before it is stopped and the build fails: a child that hangs must not hang the
     * build. A 500-class module takes well under a second.
     */
    @Parameter(property = "jasyncio.forkTimeout", defaultValue = "600")
    private int forkTimeout;

    /** The plugin's jars, the classpath of a forked run. */
    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    private List<Artifact> pluginArtifacts;

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
            InstrumentRequest request = new InstrumentRequest(classes,
                    classpathElements().stream().map(Path::of).filter(Files::exists).toList(), includes, excludes,
                    roots, failFast, stateFile(classes), sourceDiagnostics, null);
            ClassesDirectoryInstrumenter here = request.instrumenter();
            int stale = here.staleClassFiles();
            boolean forked = fork && stale >= forkThreshold;
            // -X tells where the goal's time goes: the survey here, then the run, here or in a child JVM.
            getLog().debug("jasyncio: " + stale + " stale class file(s) found in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms; running " + (forked ? "in a forked JVM"
                    : "in this JVM"));
            // The forked run is handed what the survey listed, so that it does not walk the folder again.
            InstrumentOutcome outcome = forked
                    ? new ForkedInstrumenter(ForkedInstrumenter.currentJava(), pluginClasspath(), getLog()::warn,
                            Duration.ofSeconds(forkTimeout))
                            .run(request.withClassFiles(here.surveyedClassFiles()), stateDirectory(),
                                    classes.getFileName().toString())
                    : request.run(here);
            diagnostics.report(outcome.diagnostics());
            logReport(classes, outcome, (System.nanoTime() - started) / 1_000_000);
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

    /** This plugin's jar first (it holds the forked entry point), then its dependencies. */
    private List<Path> pluginClasspath() {
        Set<Path> jars = new LinkedHashSet<>();
        try {
            jars.add(Path.of(ForkedInstrumentMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            getLog().debug("jasyncio: the plugin's own jar is not known: " + e);
        }
        for (Artifact a : pluginArtifacts) {
            if (a.getFile() != null) {
                jars.add(a.getFile().toPath());
            }
        }
        return List.copyOf(jars);
    }

    private void failOnErrors(DiagnosticLog diagnostics) throws MojoFailureException {
        if (failOnError && diagnostics.errors() > 0) {
            throw new MojoFailureException("jasyncio: " + diagnostics.errors() + " error(s) in async code; see above");
        }
    }

    /** {@code millis}: the goal's own time, source diagnostics included, so a user can see what it adds. */
    private void logReport(Path classes, InstrumentOutcome report, long millis) {
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
        return stateDirectory().resolve(classes.getFileName() + ".state");
    }

    private Path stateDirectory() {
        return Path.of(project.getBuild().getDirectory(), "jasyncio");
    }
}
