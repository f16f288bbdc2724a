package dev.jasyncio.maven;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.nio.file.Path;
import java.util.List;

/** Rewrites the {@code @Async} methods of the main classes ({@code target/classes}) into state machines. */
@Mojo(name = "instrument", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class InstrumentMojo extends AbstractInstrumentMojo {

    @Override
    protected Path classesDirectory() {
        return Path.of(project.getBuild().getOutputDirectory());
    }

    @Override
    protected List<String> classpathElements() throws DependencyResolutionRequiredException {
        return project.getCompileClasspathElements();
    }

    @Override
    protected List<String> sourceRoots() {
        return project.getCompileSourceRoots();
    }
}
