package dev.jasyncio.transformer.agent;

import java.io.InputStream;
import java.lang.ref.WeakReference;

/**
 * Another loader's class files, seen as resources only, without keeping that loader alive: the agent keeps one
 * instrumenter per loader, and a loader that is dropped (a redeployed web app, a test's throwaway loader) must stay
 * collectable. Loads no class.
 */
final class LoaderResources extends ClassLoader {

    private final WeakReference<ClassLoader> target;

    LoaderResources(ClassLoader target) {
        super(null);
        this.target = new WeakReference<>(target);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        ClassLoader loader = target.get();
        return loader == null ? null : loader.getResourceAsStream(name);
    }
}
