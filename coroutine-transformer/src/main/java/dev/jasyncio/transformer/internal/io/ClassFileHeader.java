package dev.jasyncio.transformer.internal.io;

/**
 * The fixed header of a class file: magic number and version, read without a parser so a file too new for ASM
 * can still be named in a clear message.
 */
public final class ClassFileHeader {

    /** The newest class file major version the transformer reads: Java 25. */
    public static final int MAX_SUPPORTED_MAJOR = 69;

    /** The Java release of {@link #MAX_SUPPORTED_MAJOR}. */
    public static final int MAX_SUPPORTED_JAVA = MAX_SUPPORTED_MAJOR - 44;

    private static final int MAGIC = 0xCAFEBABE;

    private ClassFileHeader() {
    }

    /** Whether the bytes start with {@code 0xCAFEBABE}. */
    public static boolean isClassFile(byte[] b) {
        return b.length >= 8 && readInt(b, 0) == MAGIC;
    }

    /** The major version, or -1 when the bytes are not a class file. */
    public static int majorVersion(byte[] b) {
        return isClassFile(b) ? ((b[6] & 0xFF) << 8) | (b[7] & 0xFF) : -1;
    }

    /** The Java release that writes {@code major} (52 is Java 8). */
    public static int javaRelease(int major) {
        return major - 44;
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
