package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * One value saved across an await, a local variable or an operand stack entry, and the frame field that holds it.
 * Values of the sub-int types share {@code int} fields, as the JVM treats them; references go into
 * {@code Object} fields and are cast back to their verified type when restored; a value known to be {@code null}
 * needs no field at all.
 */
final class Slot {

    /** The field kinds, by the first letter of their names: I, J, F, D, A. */
    static final String KINDS = "IJFDA";

    /** The local variable index, or -1 for a stack entry. */
    final int local;
    final Type type;
    /** Kind letter, or 0 for the null constant. */
    final char kind;
    /** The field name, e.g. {@code A2}; null for the null constant. */
    String field;
    /** The type a restored reference is cast to: {@link #type}, or an accessible supertype of it. */
    Type castType;

    Slot(int local, BasicValue value) {
        this.local = local;
        this.type = value.getType();
        this.kind = kindOf(type);
        this.castType = type;
    }

    static char kindOf(Type type) {
        switch (type.getSort()) {
            case Type.BOOLEAN: case Type.BYTE: case Type.CHAR: case Type.SHORT: case Type.INT:
                return 'I';
            case Type.LONG:
                return 'J';
            case Type.FLOAT:
                return 'F';
            case Type.DOUBLE:
                return 'D';
            default:
                return "null".equals(type.getInternalName()) ? 0 : 'A';
        }
    }

    static String fieldDescriptor(char kind) {
        switch (kind) {
            case 'I': return "I";
            case 'J': return "J";
            case 'F': return "F";
            case 'D': return "D";
            default: return "Ljava/lang/Object;";
        }
    }

    boolean isNullConstant() {
        return kind == 0;
    }

    boolean isWide() {
        return kind == 'J' || kind == 'D';
    }

    int loadOpcode() {
        return Type.getType(loadStoreDescriptor()).getOpcode(Opcodes.ILOAD);
    }

    int storeOpcode() {
        return Type.getType(loadStoreDescriptor()).getOpcode(Opcodes.ISTORE);
    }

    private String loadStoreDescriptor() {
        return kind == 'A' || kind == 0 ? "Ljava/lang/Object;" : String.valueOf(kind);
    }

    /** Whether a restored reference needs a cast back to its type. */
    boolean needsCast() {
        return kind == 'A'
                && !(castType.getSort() == Type.OBJECT && "java/lang/Object".equals(castType.getInternalName()));
    }

    /** The operand of the CHECKCAST that restores this value. */
    String castTarget() {
        return castType.getSort() == Type.ARRAY ? castType.getDescriptor() : castType.getInternalName();
    }

    /** Casts to a supertype the method can access when the verified type is not (see ClassHierarchy). */
    Slot accessibleFrom(String owner, ClassHierarchy hierarchy) {
        if (kind != 'A') {
            return this;
        }
        Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
        if (element.getSort() != Type.OBJECT) {
            return this;
        }
        String accessible = hierarchy.accessibleFrom(element.getInternalName(), owner);
        if (!accessible.equals(element.getInternalName())) {
            String desc = "[".repeat(type.getSort() == Type.ARRAY ? type.getDimensions() : 0) + "L" + accessible + ";";
            castType = Type.getType(desc);
        }
        return this;
    }
}
