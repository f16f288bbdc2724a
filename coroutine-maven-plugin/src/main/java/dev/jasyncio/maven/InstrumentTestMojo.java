package dev.jasyncio.maven;

import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

import java.nio.file.Path;
import java.util.List;

/** Rewrites the {@code @Async} methods of the test classes ({@code target/test-classes}) into state machines. */
@Mojo(name = "instrument-test", defaultPhase = LifecyclePhase.PROCESS_TEST_CLASSES,
        requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class InstrumentTestMojo extends AbstractInstrumentMojo {

    @Override
    protected Path classesDirectory() {
        return Path.of(project.getBuild().getTestOutputDirectory());
    }

    /** The test classpath, which holds the main classes too. */
    @Override
    protected List<String> classpathElements() throws DependencyResolutionRequiredException {
        return project.getTestClasspathElements();
    }

    @Override
    protected List<String> sourceRoots() {
        return project.getTestCompileSourceRoots();
    }
}
