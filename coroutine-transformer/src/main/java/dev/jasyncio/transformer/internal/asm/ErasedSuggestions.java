package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.TraceSignatureVisitor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytecode pass's side of the hints the source checks give: the coroutine type a method would return, and how
 * it would return, read from its generic signature when the class file has one, from its descriptor otherwise. The
 * same wording as the sources' suggestions, so a finding reads the same whichever pass made it.
 */
final class ErasedSuggestions {

    /** Result-carrying types someone might reach for instead of a coroutine (as the source checks' list). */
    private static final Pattern FUTURE =
            Pattern.compile("(?:CompletableFuture|CompletionStage|Future|Task|ListenableFuture)<(.+)>");
    /** A package prefix in a rendered type: {@code java.util.}. */
    private static final Pattern PACKAGE = Pattern.compile("\\b(?:[a-z_][\\w]*\\.)+(?=[A-Z_$])");

    private ErasedSuggestions() {
    }

    /** The method's return type as the source would likely spell it: simple names, type arguments if known. */
    static String returnType(MethodNode m) {
        String rendered;
        if (m.signature != null) {
            TraceSignatureVisitor trace = new TraceSignatureVisitor(0);
            new SignatureReader(m.signature).accept(trace);
            rendered = trace.getReturnType();
        } else {
            rendered = Type.getReturnType(m.desc).getClassName();
        }
        return PACKAGE.matcher(rendered).replaceAll("").replace('$', '.');
    }

    /** {@code Coroutine<Void>} for void, boxed for primitives, the result of a future; a coroutine as it is. */
    static String coroutineOf(MethodNode m) {
        Type type = Type.getReturnType(m.desc);
        String written = returnType(m);
        if (Names.COROUTINE_DESC.equals(type.getDescriptor())) {
            return written.startsWith("Coroutine<") ? written : "Coroutine<T>";
        }
        String result = switch (type.getSort()) {
            case Type.VOID -> "Void";
            case Type.BOOLEAN -> "Boolean";
            case Type.CHAR -> "Character";
            case Type.BYTE -> "Byte";
            case Type.SHORT -> "Short";
            case Type.INT -> "Integer";
            case Type.FLOAT -> "Float";
            case Type.LONG -> "Long";
            case Type.DOUBLE -> "Double";
            default -> {
                Matcher future = FUTURE.matcher(written);
                yield future.matches() ? future.group(1) : written;
            }
        };
        return "Coroutine<" + result + ">";
    }

    /** How an async body with that result returns. */
    static String returnOf(MethodNode m) {
        return Type.getReturnType(m.desc).getSort() == Type.VOID ? "return Coroutine.of(null)"
                : "return Coroutine.of(value)";
    }
}
