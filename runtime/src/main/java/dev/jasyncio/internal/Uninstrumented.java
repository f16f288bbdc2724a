package dev.jasyncio.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Recognises an {@code @Async} body that runs without having been rewritten (a class compiled by an IDE, with no
 * agent): called, such a method runs its body at once, like a plain method, so the first jasyncio call that needs
 * a loop fails with "no running event loop" before any {@code await} could say what is wrong.
 *
 * <p>Used only on those error paths, never on the hot path. It walks the stack for a method returning
 * {@code Coroutine} whose class file marks it {@code @Async}: once rewritten, that method only allocates the
 * coroutine and never calls into the runtime, so finding it running there means it was not rewritten (the agent
 * rewrites classes as they load, so this holds with it too). {@code @Async} is kept in class files only, hence the
 * class file is read, from the class's own loader.
 *
 * <p>Public only because the runtime's other packages use it. Not part of the API.
 */
public final class Uninstrumented {

    private static final String COROUTINE_RETURN = ")Ldev/jasyncio/Coroutine;";
    private static final String ASYNC = "Ldev/jasyncio/annotations/Async;";

    private Uninstrumented() {
    }

    /**
     * The error to raise instead of {@code what} when an {@code @Async} body is running uninstrumented on this
     * thread, or null when none is.
     */
    public static IllegalStateException error(String what) {
        Optional<StackWalker.StackFrame> body;
        try {
            body = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                    .filter(f -> f.getDescriptor().endsWith(COROUTINE_RETURN))
                    .filter(f -> isAsync(f.getDeclaringClass(), f.getMethodName(), f.getDescriptor()))
                    .findFirst());
        } catch (RuntimeException e) {
            return null; // the diagnosis is a courtesy: the plain error stands
        }
        if (body.isEmpty()) {
            return null;
        }
        StackWalker.StackFrame f = body.get();
        String where = f.getClassName() + "." + f.getMethodName()
                + (f.getFileName() != null ? " (" + f.getFileName() + ":" + f.getLineNumber() + ")" : "");
        return new IllegalStateException(what + ": the @Async method " + where + " was not instrumented, so it ran "
                + "its body when it was called instead of returning a coroutine. An @Async method must be rewritten "
                + "at build time before it runs: apply dev.jasyncio:coroutine-maven-plugin (goals instrument and "
                + "instrument-test) to the module, or run with the jasyncio agent (-javaagent) when the IDE compiled "
                + "the class (see docs/IDE.md).");
    }

    /** Whether the class file of {@code type} marks method {@code name}{@code descriptor} {@code @Async}. */
    static boolean isAsync(Class<?> type, String name, String descriptor) {
        ClassLoader loader = type.getClassLoader();
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream raw = loader == null ? ClassLoader.getSystemResourceAsStream(resource)
                : loader.getResourceAsStream(resource)) {
            return raw != null && new ClassFileReader(new DataInputStream(raw)).methodHasAnnotation(name, descriptor,
                    ASYNC);
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /** Reads just enough of a class file to find a method's annotations (JVMS 4). */
    private static final class ClassFileReader {
        private final DataInputStream in;
        private String[] utf8;

        ClassFileReader(DataInputStream in) {
            this.in = in;
        }

        boolean methodHasAnnotation(String name, String descriptor, String annotation) throws IOException {
            if (in.readInt() != 0xCAFEBABE) {
                return false;
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            readConstantPool();
            in.readUnsignedShort(); // access
            in.readUnsignedShort(); // this
            in.readUnsignedShort(); // super
            skip(2 * in.readUnsignedShort()); // interfaces
            int fields = in.readUnsignedShort();
            for (int i = 0; i < fields; i++) {
                skip(6);
                skipAttributes();
            }
            int methods = in.readUnsignedShort();
            for (int i = 0; i < methods; i++) {
                in.readUnsignedShort();
                String n = utf8[in.readUnsignedShort()];
                String d = utf8[in.readUnsignedShort()];
                boolean target = name.equals(n) && descriptor.equals(d);
                int attributes = in.readUnsignedShort();
                for (int a = 0; a < attributes; a++) {
                    String attribute = utf8[in.readUnsignedShort()];
                    int length = in.readInt();
                    if (target && (attribute.equals("RuntimeInvisibleAnnotations")
                            || attribute.equals("RuntimeVisibleAnnotations"))) {
                        int count = in.readUnsignedShort();
                        for (int k = 0; k < count; k++) {
                            if (annotation.equals(utf8[in.readUnsignedShort()])) {
                                return true;
                            }
                            skipElementValuePairs();
                        }
                    } else {
                        skip(length);
                    }
                }
                if (target) {
                    return false;
                }
            }
            return false;
        }

        private void readConstantPool() throws IOException {
            int count = in.readUnsignedShort();
            utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1: utf8[i] = in.readUTF(); break;
                    case 7: case 8: case 16: case 19: case 20: skip(2); break;
                    case 15: skip(3); break;
                    case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: skip(4); break;
                    case 5: case 6: skip(8); i++; break;
                    default: throw new IOException("constant pool tag " + tag);
                }
            }
        }

        private void skipAttributes() throws IOException {
            int n = in.readUnsignedShort();
            for (int i = 0; i < n; i++) {
                in.readUnsignedShort();
                skip(in.readInt());
            }
        }

        private void skipElementValuePairs() throws IOException {
            int pairs = in.readUnsignedShort();
            for (int i = 0; i < pairs; i++) {
                in.readUnsignedShort();
                skipElementValue();
            }
        }

        private void skipElementValue() throws IOException {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 'e': skip(4); break;
                case '@': in.readUnsignedShort(); skipElementValuePairs(); break;
                case '[':
                    int n = in.readUnsignedShort();
                    for (int i = 0; i < n; i++) {
                        skipElementValue();
                    }
                    break;
                default: skip(2); break; // constants, strings, classes
            }
        }

        private void skip(int n) throws IOException {
            in.skipNBytes(n);
        }
    }
}
