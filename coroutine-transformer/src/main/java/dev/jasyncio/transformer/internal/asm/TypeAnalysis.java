package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.SimpleVerifier;

import java.util.List;
import java.util.function.Predicate;

/**
 * The verifier's view of a method: the precise type of every local and stack value before an instruction,
 * with objects created by {@code NEW} but not yet constructed told apart ({@link Uninitialized}), as the JVM's
 * verifier does. Types come from the {@link ClassHierarchy}; no class is loaded.
 */
final class TypeAnalysis {

    /** A value made by {@code NEW} whose constructor has not run yet. Compared by identity. */
    static final class Uninitialized extends BasicValue {
        final AbstractInsnNode newInsn;

        Uninitialized(Type type, AbstractInsnNode newInsn) {
            super(type);
            this.newInsn = newInsn;
        }

        @Override
        public boolean equals(Object o) {
            return o == this;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    private TypeAnalysis() {
    }

    /**
     * The analysis of {@code method} of {@code owner}, holding the frames before the instructions {@code keep}
     * selects.
     */
    static TypeFlow.Result analyze(String owner, MethodNode method, ClassHierarchy hierarchy,
                                   Predicate<AbstractInsnNode> keep) throws AnalyzerException {
        return analyze(owner, method, hierarchy, method.maxStack, keep);
    }

    /**
     * The same with room for {@code stackCapacity} values on the operand stack, for code whose maximum is not
     * known yet; a deeper stack fails with an {@link IndexOutOfBoundsException} as cause.
     */
    static TypeFlow.Result analyze(String owner, MethodNode method, ClassHierarchy hierarchy, int stackCapacity,
                                   Predicate<AbstractInsnNode> keep) throws AnalyzerException {
        ClassHierarchy.Info info = hierarchy.info(owner);
        Type superType = info.superName == null ? null : Type.getObjectType(info.superName);
        Verifier verifier = new Verifier(owner, superType, info, hierarchy);
        int locals = method.maxLocals;
        return new TypeFlow(owner, method, verifier, frame -> {
            if (frame == null) {
                return new ConstructingFrame(locals, stackCapacity);
            }
            ConstructingFrame copy = new ConstructingFrame(frame.getLocals(), frame.getMaxStackSize());
            copy.init(frame);
            return copy;
        }, keep).run();
    }

    /** A frame in which a constructor call turns every copy of its uninitialized receiver into an initialized value. */
    private static final class ConstructingFrame extends Frame<BasicValue> {
        ConstructingFrame(int numLocals, int numStack) {
            super(numLocals, numStack);
        }

        @Override
        public void execute(AbstractInsnNode insn, Interpreter<BasicValue> interpreter) throws AnalyzerException {
            if (insn.getOpcode() == Opcodes.INVOKESPECIAL && "<init>".equals(((MethodInsnNode) insn).name)) {
                int args = Type.getArgumentTypes(((MethodInsnNode) insn).desc).length;
                BasicValue receiver = getStack(getStackSize() - 1 - args);
                super.execute(insn, interpreter);
                if (receiver instanceof Uninitialized) {
                    BasicValue constructed = new BasicValue(receiver.getType());
                    for (int i = 0; i < getLocals(); i++) {
                        if (getLocal(i) == receiver) {
                            setLocal(i, constructed);
                        }
                    }
                    for (int i = 0; i < getStackSize(); i++) {
                        if (getStack(i) == receiver) {
                            setStack(i, constructed);
                        }
                    }
                }
                return;
            }
            super.execute(insn, interpreter);
        }
    }

    /** ASM's SimpleVerifier answering type questions from the hierarchy, and tracking uninitialized objects. */
    private static final class Verifier extends SimpleVerifier {
        private final ClassHierarchy hierarchy;

        Verifier(String owner, Type superType, ClassHierarchy.Info info, ClassHierarchy hierarchy) {
            super(Names.ASM_API, Type.getObjectType(owner), superType,
                    interfaceTypes(info), info.isInterface);
            this.hierarchy = hierarchy;
        }

        private static List<Type> interfaceTypes(ClassHierarchy.Info info) {
            Type[] types = new Type[info.interfaces.length];
            for (int i = 0; i < types.length; i++) {
                types[i] = Type.getObjectType(info.interfaces[i]);
            }
            return List.of(types);
        }

        /** One value per NEW instruction: the analysis revisits instructions, and identity must hold across visits. */
        private final java.util.Map<AbstractInsnNode, Uninitialized> allocations = new java.util.HashMap<>();

        @Override
        public BasicValue newOperation(AbstractInsnNode insn) throws AnalyzerException {
            if (insn.getOpcode() == Opcodes.NEW) {
                return allocations.computeIfAbsent(insn,
                        i -> new Uninitialized(Type.getObjectType(((TypeInsnNode) i).desc), i));
            }
            return super.newOperation(insn);
        }

        @Override
        public BasicValue merge(BasicValue a, BasicValue b) {
            if (a == b) {
                return a; // a value merged with itself, as an unchanged local at a loop head: no type to compare
            }
            if (a instanceof Uninitialized || b instanceof Uninitialized) {
                return a == b ? a : BasicValue.UNINITIALIZED_VALUE;
            }
            return super.merge(a, b);
        }

        /**
         * Lenient on references: the input was accepted by a compiler, and a classpath missing a dependency must not
         * turn into a false verification error. Only the types of values matter here, not their checks.
         */
        @Override
        protected boolean isSubTypeOf(BasicValue value, BasicValue expected) {
            Type e = expected.getType();
            Type v = value.getType();
            if (e != null && v != null && (e.getSort() == Type.OBJECT || e.getSort() == Type.ARRAY)) {
                return v.getSort() == Type.OBJECT || v.getSort() == Type.ARRAY;
            }
            return super.isSubTypeOf(value, expected);
        }

        @Override
        protected boolean isInterface(Type type) {
            return type.getSort() == Type.OBJECT && hierarchy.isInterface(type.getInternalName());
        }

        @Override
        protected Type getSuperClass(Type type) {
            if (type.getSort() != Type.OBJECT) {
                return Type.getObjectType("java/lang/Object");
            }
            String s = hierarchy.superName(type.getInternalName());
            return s == null ? null : Type.getObjectType(s);
        }

        @Override
        protected boolean isAssignableFrom(Type target, Type source) {
            if (target.equals(source)) {
                return true;
            }
            if (target.getSort() == Type.OBJECT && "java/lang/Object".equals(target.getInternalName())) {
                return true;
            }
            if (target.getSort() == Type.ARRAY) {
                if (source.getSort() != Type.ARRAY || source.getDimensions() > target.getDimensions()
                        && target.getElementType().getSort() != Type.OBJECT) {
                    return false;
                }
                Type te = Type.getType(target.getDescriptor().substring(1));
                Type se = Type.getType(source.getDescriptor().substring(1));
                if (te.getSort() != Type.OBJECT && te.getSort() != Type.ARRAY
                        || se.getSort() != Type.OBJECT && se.getSort() != Type.ARRAY) {
                    return te.equals(se);
                }
                return isAssignableFrom(te, se);
            }
            if (source.getSort() == Type.ARRAY) {
                String t = target.getInternalName();
                return t.equals("java/lang/Cloneable") || t.equals("java/io/Serializable");
            }
            if (target.getSort() != Type.OBJECT || source.getSort() != Type.OBJECT) {
                return false;
            }
            return hierarchy.isSubtype(source.getInternalName(), target.getInternalName());
        }

        @Override
        protected Class<?> getClass(Type type) {
            throw new UnsupportedOperationException("types are resolved from class files, never loaded: " + type);
        }
    }
}
