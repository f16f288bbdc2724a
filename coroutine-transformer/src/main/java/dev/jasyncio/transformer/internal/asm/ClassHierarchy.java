package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The type hierarchy the frame computation needs, read from class files on the build's classpath (or a class
 * loader's resources, at load time) and from the JDK the transformer runs on: never by loading user classes. Unknown types are treated as direct subclasses of
 * {@code Object}, the only safe answer when a dependency is missing from the classpath.
 */
public final class ClassHierarchy {

    /** What the hierarchy needs of one class. */
    static final class Info {
        final String name;
        final String superName;
        final String[] interfaces;
        final boolean isInterface;
        /** Whether the class has a static initializer, whose run is observable; unknown classes say yes. */
        final boolean hasStaticInitializer;
        /** Whether the class is public: others are accessible from their own package only. */
        final boolean isPublic;

        Info(String name, String superName, String[] interfaces, boolean isInterface, boolean hasStaticInitializer,
             boolean isPublic) {
            this.name = name;
            this.superName = superName;
            this.interfaces = interfaces;
            this.isInterface = isInterface;
            this.hasStaticInitializer = hasStaticInitializer;
            this.isPublic = isPublic;
        }
    }

    private final List<Path> directories = new ArrayList<>();
    private final List<ZipFile> jars = new ArrayList<>();
    /** Class files read as resources of this loader, after the directories and jars; null for none. */
    private ClassLoader loader;
    // Concurrent: classes of one folder are transformed in parallel against one hierarchy.
    private final Map<String, Info> cache = new ConcurrentHashMap<>();
    private final Map<String, byte[]> pending = new ConcurrentHashMap<>();
    /** The names of the classes the transformer generated in this run. */
    private final java.util.Set<String> generated = ConcurrentHashMap.newKeySet();

    private ClassHierarchy() {
    }

    /** A hierarchy over directories and jars; entries that do not exist are ignored. */
    public static ClassHierarchy of(Collection<Path> classpath) {
        ClassHierarchy h = new ClassHierarchy();
        for (Path p : classpath) {
            if (Files.isDirectory(p)) {
                h.directories.add(p);
            } else if (Files.isRegularFile(p)) {
                try {
                    h.jars.add(new ZipFile(p.toFile()));
                } catch (IOException e) {
                    // Not a readable jar: its types stay unknown, as a missing dependency would.
                }
            }
        }
        return h;
    }

    /**
     * A hierarchy over the class files {@code loader} can see as resources: for a transformation at load time,
     * where the classpath is whatever the loader was built with.
     */
    public static ClassHierarchy of(ClassLoader loader) {
        ClassHierarchy h = new ClassHierarchy();
        h.loader = loader;
        return h;
    }

    /** Makes a class being transformed (perhaps not yet on disk) known to the hierarchy. */
    void define(String internalName, byte[] classFile) {
        pending.put(internalName, classFile);
    }

    /** Makes a class the transformer generates known from its tree, which holds all the hierarchy asks. */
    void define(ClassNode generated) {
        this.generated.add(generated.name);
        boolean clinit = generated.methods.stream().anyMatch(m -> m.name.equals("<clinit>"));
        cache.put(generated.name, new Info(generated.name, generated.superName,
                generated.interfaces.toArray(new String[0]), (generated.access & Opcodes.ACC_INTERFACE) != 0, clinit,
                (generated.access & Opcodes.ACC_PUBLIC) != 0));
    }

    /**
     * Whether a frame class may be given {@code internalName}: no class of that name is on the classpath, in the
     * run or among the frame classes made so far, or the one there is a frame class an earlier run generated (a
     * class being instrumented again replaces its own frames). A user's class of that name is never overwritten.
     */
    boolean mayNameFrame(String internalName) {
        if (generated.contains(internalName)) {
            return false;
        }
        byte[] bytes = pending.get(internalName);
        if (bytes == null) {
            bytes = read(internalName);
        }
        if (bytes == null) {
            return true;
        }
        ClassReader reader = new ClassReader(bytes);
        return (reader.getAccess() & Opcodes.ACC_SYNTHETIC) != 0 && Names.ASYNC_FRAME.equals(reader.getSuperName());
    }

    Info info(String internalName) {
        Info known = cache.get(internalName);
        if (known != null) {
            return known;
        }
        byte[] bytes = pending.get(internalName);
        if (bytes == null) {
            bytes = read(internalName);
        }
        Info info;
        if (bytes == null) {
            info = new Info(internalName, "java/lang/Object", new String[0], false, true, true);
        } else {
            ClassReader reader = new ClassReader(bytes);
            boolean[] clinit = {false};
            reader.accept(new ClassVisitor(Names.ASM_API) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    if ("<clinit>".equals(name)) {
                        clinit[0] = true;
                    }
                    return null;
                }
            }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            info = new Info(internalName, reader.getSuperName(), reader.getInterfaces(),
                    (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0, clinit[0],
                    (reader.getAccess() & Opcodes.ACC_PUBLIC) != 0);
        }
        // Two threads may read the same class at once; both read the same file, and the first answer is kept.
        Info raced = cache.putIfAbsent(internalName, info);
        return raced != null ? raced : info;
    }

    boolean hasStaticInitializer(String internalName) {
        return info(internalName).hasStaticInitializer;
    }

    /**
     * {@code type}, or its nearest superclass that code in class {@code from} may name: the verifier's merge of two
     * types can be a class the source never named and cannot access (StringBuilder and StringBuffer merge to the
     * package-private AbstractStringBuilder), and a cast to it fails at run time.
     */
    String accessibleFrom(String type, String from) {
        String t = type;
        while (t != null && !info(t).isPublic && !samePackage(t, from)) {
            t = superName(t);
        }
        return t == null ? "java/lang/Object" : t;
    }

    private static boolean samePackage(String a, String b) {
        int i = a.lastIndexOf('/');
        int j = b.lastIndexOf('/');
        return i == j && (i < 0 || a.regionMatches(0, b, 0, i));
    }

    boolean isInterface(String internalName) {
        return info(internalName).isInterface;
    }

    String superName(String internalName) {
        return info(internalName).superName;
    }

    /** Whether {@code sub} is {@code sup} or extends or implements it, directly or not. */
    boolean isSubtype(String sub, String sup) {
        if (sub.equals(sup) || "java/lang/Object".equals(sup)) {
            return true;
        }
        Info i = info(sub);
        if (i.superName != null && isSubtype(i.superName, sup)) {
            return true;
        }
        for (String itf : i.interfaces) {
            if (isSubtype(itf, sup)) {
                return true;
            }
        }
        return false;
    }

    private byte[] read(String internalName) {
        String resource = internalName + ".class";
        try {
            for (Path dir : directories) {
                Path file = dir.resolve(resource);
                if (Files.isRegularFile(file)) {
                    return Files.readAllBytes(file);
                }
            }
            for (ZipFile jar : jars) {
                ZipEntry entry = jar.getEntry(resource);
                if (entry != null) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        return in.readAllBytes();
                    }
                }
            }
            if (loader != null) {
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in != null) {
                        return in.readAllBytes();
                    }
                }
            }
            // The JDK's own classes, read through the platform loader (never user classes: they are not there).
            try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(resource)) {
                return in == null ? null : in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
