package dev.jasyncio.transformer.internal.asm;

import dev.jasyncio.transformer.Diagnostic;
import dev.jasyncio.transformer.InstrumentationException;
import dev.jasyncio.transformer.internal.rules.Text;
import dev.jasyncio.transformer.internal.rules.Texts;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pass over one class: refuse it if already instrumented, find its async bodies and misplaced awaits, rewrite
 * each body, check the result with the verifier's rules, and hand back the new class file and frame classes. A
 * class either comes out whole and verified or not at all: any problem is a diagnostic and nothing is written.
 */
public final class ClassTransformer {

    /** The outcome for one class, turned into the public {@code InstrumentResult} by the facade. */
    public static final class Outcome {
        public final Kind kind;
        public final String className;
        public final byte[] classBytes;
        public final Map<String, byte[]> generated;
        public final List<String> asyncMethods;
        public final List<Diagnostic> diagnostics;

        Outcome(Kind kind, String className, byte[] classBytes, Map<String, byte[]> generated,
                List<String> asyncMethods, List<Diagnostic> diagnostics) {
            this.kind = kind;
            this.className = className;
            this.classBytes = classBytes;
            this.generated = generated;
            this.asyncMethods = asyncMethods;
            this.diagnostics = diagnostics;
        }
    }

    /** Mirrors {@code InstrumentResult.Status}. */
    public enum Kind { UNCHANGED, ALREADY_INSTRUMENTED, INSTRUMENTED, FAILED }

    private final ClassHierarchy hierarchy;
    private final String version;

    public ClassTransformer(ClassHierarchy hierarchy, String version) {
        this.hierarchy = hierarchy;
        this.version = version;
    }

    public Outcome transform(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        String className = reader.getClassName();
        try {
            return transform(reader, classFile);
        } catch (MethodTooLargeException e) {
            String file = sourcePath(className, null);
            return new Outcome(Kind.FAILED, className, classFile, Map.of(), List.of(), List.of(
                    Texts.METHOD_TOO_LARGE.at(file, 0, 0, e.getMethodName(), AsyncMethodTransformer.simpleName(className),
                            e.getCodeSize())));
        } catch (RuntimeException | AnalyzerException e) {
            throw new InstrumentationException(className, e);
        }
    }

    private Outcome transform(ClassReader reader, byte[] classFile) throws AnalyzerException {
        ClassNode cn = new ClassNode(Names.ASM_API);
        reader.accept(cn, 0);
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (hasAnnotation(cn.invisibleAnnotations, Names.INSTRUMENTED_MARKER)) {
            return new Outcome(Kind.ALREADY_INSTRUMENTED, cn.name, classFile, Map.of(), List.of(), diagnostics);
        }
        String sourcePath = sourcePath(cn);
        List<MethodNode> bodies = findAsyncBodies(cn, sourcePath, diagnostics, hierarchy);
        if (bodies.isEmpty() && diagnostics.isEmpty()) {
            return new Outcome(Kind.UNCHANGED, cn.name, classFile, Map.of(), List.of(), diagnostics);
        }
        if (bodies.isEmpty()) {
            return failed(cn, classFile, diagnostics);
        }
        // Even when misuse was found already, the well-declared bodies are still analysed: what only their analysis
        // finds (an await holding a monitor, ...) is reported in the same build, not once the rest is fixed.
        hierarchy.define(cn.name, classFile);

        List<ClassNode> frameClasses = new ArrayList<>();
        List<String> asyncMethods = new ArrayList<>();
        List<MethodNode> newBodies = new ArrayList<>();
        // Generated methods keep the async method's name (stack traces then read as the source does), with
        // descriptors of their own; a clash with a user method's name and descriptor gets a suffix.
        Set<String> usedNames = new HashSet<>();
        Set<String> frameNames = new HashSet<>();
        for (MethodNode m : cn.methods) {
            usedNames.add(m.name + m.desc);
        }
        Map<MethodNode, AwaitSite.DirectEntry> directOf = new LinkedHashMap<>();
        Map<String, AwaitSite.DirectEntry> directEntries = new LinkedHashMap<>();
        Set<String> calledHere = callsOnOwnClass(cn.name, bodies);
        for (MethodNode m : bodies) {
            boolean instance = (m.access & Opcodes.ACC_STATIC) == 0;
            String desc = DirectEntryRewriter.descriptor(cn.name, m.desc, instance);
            // The entry adds the task and the depth to the parameters: left out where they would pass the format's
            // limit, the calls then go through the coroutine.
            if (hasDirectEntry(cn, m) && calledHere.contains(m.name + m.desc)
                    && FrameClassEmitter.parametersFit(desc, true)) {
                AwaitSite.DirectEntry e = new AwaitSite.DirectEntry(uniqueMethod(m.name, desc, usedNames), desc,
                        instance);
                directOf.put(m, e);
                directEntries.put(m.name + m.desc, e);
            }
        }
        AsyncMethodTransformer methods = new AsyncMethodTransformer(cn, hierarchy, sourcePath, diagnostics,
                directEntries);
        for (MethodNode m : bodies) {
            String base = m.name.replace('<', '_').replace('>', '_');
            String frameClass = frameClassName(cn, base, frameNames);
            String bodyName = uniqueMethod(m.name, "(L" + frameClass + ";Ljava/lang/Object;Ljava/lang/Throwable;)"
                    + "Ljava/lang/Object;", usedNames);
            AsyncMethodTransformer.Output out = methods.transform(m, frameClass, bodyName, directOf.get(m));
            if (out == null) {
                continue;
            }
            newBodies.add(out.body);
            if (out.direct != null) {
                newBodies.add(out.direct);
            }
            frameClasses.add(out.frameClass);
            asyncMethods.add(m.name + m.desc);
        }
        if (hasErrors(diagnostics)) {
            return failed(cn, classFile, diagnostics);
        }
        // The new bodies and entries passed the verifier's rules when their frames were computed; left to check
        // are the async methods, now factories, and the frame classes.
        List<String> problems = new ArrayList<>(TransformVerifier.verify(cn.name, bodies, hierarchy));
        for (ClassNode frame : frameClasses) {
            problems.addAll(TransformVerifier.verify(frame.name, frame.methods, hierarchy));
        }
        // Every frame is given: the untouched methods keep theirs, the rewritten ones have computed ones.
        byte[] out = ClassOutput.write(reader, bodies, newBodies, marker());
        if (!problems.isEmpty()) {
            if (Boolean.getBoolean("jasyncio.debug.dump")) {
                new ClassReader(out).accept(new org.objectweb.asm.util.TraceClassVisitor(
                        new java.io.PrintWriter(System.err, true)), 0);
            }
            diagnostics.add(Texts.TRANSFORMED_CLASS_FAILS_VERIFICATION.at(sourcePath, 0, 0, problems));
            return failed(cn, classFile, diagnostics);
        }
        Map<String, byte[]> generated = new LinkedHashMap<>();
        for (ClassNode frame : frameClasses) {
            generated.put(frame.name, FrameClassEmitter.write(frame));
        }
        return new Outcome(Kind.INSTRUMENTED, cn.name, out, generated, asyncMethods, diagnostics);
    }

    /** The async bodies of the class; misplaced awaits and misdeclared async methods go into diagnostics. */
    private static List<MethodNode> findAsyncBodies(ClassNode cn, String sourcePath, List<Diagnostic> diagnostics,
                                                    ClassHierarchy hierarchy) {
        List<MethodNode> bodies = new ArrayList<>();
        for (MethodNode m : cn.methods) {
            boolean annotated = hasAnnotation(m.invisibleAnnotations, Names.ASYNC_ANNOTATION)
                    || hasAnnotation(m.visibleAnnotations, Names.ASYNC_ANNOTATION);
            boolean asyncLambda = isSyntheticLambda(m) && AsyncMethodTransformer.returnsCoroutine(m);
            AbstractInsnNode await = firstAwait(m);
            int line = await != null ? Lines.of(await, m) : Lines.first(m);
            AbstractInsnNode reference = firstAwaitReference(m);
            if (reference != null) {
                // Wherever it is: the reference runs later, outside any coroutine.
                diagnostics.add(Texts.AWAIT_METHOD_REFERENCE.at(sourcePath, Lines.of(reference, m), 0,
                        "Asyncio::await"));
            }
            if (annotated) {
                if (misdeclared(m, sourcePath, line, diagnostics)) {
                    continue;
                }
                bodies.add(m);
            } else if (asyncLambda && (await != null || AsyncConstructs.first(m, hierarchy) != null)) {
                bodies.add(m);
            } else if (await != null) {
                diagnostics.add(misplacedAwait(cn, m, sourcePath, line));
            } else {
                AsyncConstructs.reportOutsideAsync(cn, m, sourcePath, hierarchy, diagnostics);
            }
        }
        return bodies;
    }

    /** Reports every way an {@code @Async} method is declared wrong (there may be several); true if any. */
    private static boolean misdeclared(MethodNode m, String sourcePath, int line, List<Diagnostic> diagnostics) {
        int before = diagnostics.size();
        if ((m.access & Opcodes.ACC_NATIVE) != 0) {
            diagnostics.add(Texts.ASYNC_NATIVE.at(sourcePath, line, 0, m.name));
        } else if ((m.access & Opcodes.ACC_ABSTRACT) != 0) {
            diagnostics.add(Texts.ASYNC_ABSTRACT.at(sourcePath, line, 0, m.name, ErasedSuggestions.coroutineOf(m)));
        }
        if (!AsyncMethodTransformer.returnsCoroutine(m) && !AsyncMethodTransformer.returnsGenerator(m)) {
            diagnostics.add(Texts.ASYNC_NOT_COROUTINE.at(sourcePath, line, 0, m.name, ErasedSuggestions.returnType(m),
                    ErasedSuggestions.coroutineOf(m), ErasedSuggestions.returnOf(m)));
        }
        if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
            diagnostics.add(Texts.SYNCHRONIZED_ASYNC_METHOD.at(sourcePath, line, 0, m.name));
        }
        return diagnostics.size() > before;
    }

    private static Diagnostic misplacedAwait(ClassNode cn, MethodNode m, String sourcePath, int line) {
        if (isSyntheticLambda(m)) {
            return Texts.AWAIT_IN_LAMBDA.at(sourcePath, line, 0);
        }
        if (m.name.equals("<init>") || m.name.equals("<clinit>")) {
            String simple = AsyncMethodTransformer.simpleName(cn.name);
            return Texts.AWAIT_IN_INITIALIZER.at(sourcePath, line, 0,
                    m.name.equals("<init>") ? "a constructor" : "a static initializer",
                    simple.substring(simple.lastIndexOf('$') + 1));
        }
        boolean main = m.name.equals("main") && m.desc.equals("([Ljava/lang/String;)V")
                && (m.access & Opcodes.ACC_STATIC) != 0;
        Text text = main ? Texts.AWAIT_IN_MAIN : AsyncMethodTransformer.returnsCoroutine(m)
                ? Texts.AWAIT_IN_COROUTINE_METHOD : Texts.AWAIT_IN_PLAIN_METHOD;
        return text.at(sourcePath, line, 0, m.name, ErasedSuggestions.coroutineOf(m), ErasedSuggestions.returnOf(m));
    }

    /** A method handle to {@code await}: a method reference ({@code invokedynamic}) or a handle constant. */
    private static AbstractInsnNode firstAwaitReference(MethodNode m) {
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof InvokeDynamicInsnNode) {
                for (Object arg : ((InvokeDynamicInsnNode) i).bsmArgs) {
                    if (isAwaitHandle(arg)) {
                        return i;
                    }
                }
            } else if (i instanceof LdcInsnNode && isAwaitHandle(((LdcInsnNode) i).cst)) {
                return i;
            }
        }
        return null;
    }

    private static boolean isAwaitHandle(Object constant) {
        if (!(constant instanceof Handle)) {
            return false;
        }
        Handle h = (Handle) constant;
        return h.getTag() == Opcodes.H_INVOKESTATIC
                && Names.isAwait(Opcodes.INVOKESTATIC, h.getOwner(), h.getName(), h.getDesc());
    }

    private static AbstractInsnNode firstAwait(MethodNode m) {
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof MethodInsnNode) {
                MethodInsnNode c = (MethodInsnNode) i;
                if (Names.isAwait(c.getOpcode(), c.owner, c.name, c.desc)) {
                    return i;
                }
            }
        }
        return null;
    }

    /**
     * Async methods whose calls no override can redirect may have a direct entry, called by {@code await(m(...))}
     * in the same class: static methods, and instance methods that cannot be overridden (private or final, or in a final
     * class; never an interface's), so the entry is always the method the source meant. Calls of an instance one
     * use it only on {@code this} (see AsyncMethodTransformer).
     */
    private static boolean hasDirectEntry(ClassNode cn, MethodNode m) {
        if (isSyntheticLambda(m) || AsyncMethodTransformer.returnsGenerator(m)) {
            return false;
        }
        if ((m.access & Opcodes.ACC_STATIC) != 0) {
            return true;
        }
        boolean notOverridable = (m.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL)) != 0
                || (cn.access & Opcodes.ACC_FINAL) != 0;
        return notOverridable && (cn.access & Opcodes.ACC_INTERFACE) == 0 && !m.name.equals("<init>");
    }

    /**
     * The methods of {@code owner} that its async bodies call, by name + descriptor. Only the class's own awaits call
     * a direct entry, so a method none of them calls needs none: a second rewritten copy of its body, analysed and
     * written for nothing. Any call counts, awaited at once or not: it is cheaper to find than a direct call.
     */
    private static Set<String> callsOnOwnClass(String owner, List<MethodNode> bodies) {
        Set<String> called = new HashSet<>();
        for (MethodNode body : bodies) {
            for (AbstractInsnNode i = body.instructions.getFirst(); i != null; i = i.getNext()) {
                if (i instanceof MethodInsnNode && ((MethodInsnNode) i).owner.equals(owner)) {
                    called.add(((MethodInsnNode) i).name + ((MethodInsnNode) i).desc);
                }
            }
        }
        return called;
    }

    private static boolean isSyntheticLambda(MethodNode m) {
        return (m.access & Opcodes.ACC_SYNTHETIC) != 0 && m.name.startsWith("lambda$");
    }

    /** The class annotation that says the class is instrumented, and by which transformer version. */
    private AnnotationNode marker() {
        AnnotationNode marker = new AnnotationNode(Names.INSTRUMENTED_MARKER);
        marker.values = new ArrayList<>(List.of("version", version));
        return marker;
    }

    private static boolean hasAnnotation(List<AnnotationNode> annotations, String desc) {
        if (annotations != null) {
            for (AnnotationNode a : annotations) {
                if (a.desc.equals(desc)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasErrors(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            if (d.isError()) {
                return true;
            }
        }
        return false;
    }

    private static Outcome failed(ClassNode cn, byte[] classFile, List<Diagnostic> diagnostics) {
        return new Outcome(Kind.FAILED, cn.name, classFile, Map.of(), List.of(), diagnostics);
    }

    /** {@code com/acme/Fetch.java} from the package and the SourceFile attribute: as javac names the file. */
    private static String sourcePath(ClassNode cn) {
        return sourcePath(cn.name, cn.sourceFile);
    }

    private static String sourcePath(String className, String sourceFile) {
        String pkg = className.lastIndexOf('/') >= 0 ? className.substring(0, className.lastIndexOf('/') + 1) : "";
        String file = sourceFile != null ? sourceFile
                : AsyncMethodTransformer.simpleName(className).replaceAll("\\$.*", "") + ".java";
        return pkg + file;
    }

    private static String uniqueMethod(String name, String desc, Set<String> used) {
        String candidate = name;
        for (int i = 2; used.contains(candidate + desc); i++) {
            candidate = name + "$" + i;
        }
        used.add(candidate + desc);
        return candidate;
    }

    /**
     * {@code Owner$Async$method}, or with a suffix {@code $2}, {@code $3}, ... if that name is taken: by another frame
     * of this class, by a class of the owner's nest or a nested class it names, or by any class on the classpath,
     * the output folder included. The user may have written {@code Owner.Async.method}; overwriting it would break
     * the program at run time.
     */
    private String frameClassName(ClassNode cn, String method, Set<String> used) {
        Set<String> nest = new HashSet<>();
        if (cn.nestMembers != null) {
            nest.addAll(cn.nestMembers);
        }
        if (cn.innerClasses != null) {
            cn.innerClasses.forEach(inner -> nest.add(inner.name));
        }
        String name = cn.name + Names.FRAME_CLASS_INFIX + method;
        String candidate = name;
        for (int i = 2; used.contains(candidate) || nest.contains(candidate) || !hierarchy.mayNameFrame(candidate);
             i++) {
            candidate = name + "$" + i;
        }
        used.add(candidate);
        return candidate;
    }
}
