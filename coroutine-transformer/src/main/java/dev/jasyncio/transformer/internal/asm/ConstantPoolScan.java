package dev.jasyncio.transformer.internal.asm;

import java.nio.charset.StandardCharsets;

/**
 * Decides from the raw constant pool, without parsing the class, whether a class may need instrumenting: it must
 * name the {@code @Async} annotation, or jasyncio's {@code Asyncio} class (for an await in a method that is not
 * async, which is reported). Most classes of a module name neither and are skipped at the cost of a byte scan.
 */
public final class ConstantPoolScan {

    private static final byte[] ASYNC = Names.ASYNC_ANNOTATION.getBytes(StandardCharsets.UTF_8);
    private static final byte[] ASYNCIO = Names.ASYNCIO.getBytes(StandardCharsets.UTF_8);

    private ConstantPoolScan() {
    }

    public static boolean mentionsAsync(byte[] classFile) {
        int count = u2(classFile, 8);
        int offset = 10;
        for (int i = 1; i < count; i++) {
            int tag = classFile[offset] & 0xFF;
            switch (tag) {
                case 1: { // Utf8
                    int length = u2(classFile, offset + 1);
                    int start = offset + 3;
                    if (equalsAt(classFile, start, length, ASYNC) || equalsAt(classFile, start, length, ASYNCIO)) {
                        return true;
                    }
                    offset = start + length;
                    break;
                }
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                    offset += 5;
                    break;
                case 5: case 6: // Long, Double take two entries
                    offset += 9;
                    i++;
                    break;
                case 7: case 8: case 16: case 19: case 20:
                    offset += 3;
                    break;
                case 15:
                    offset += 4;
                    break;
                default:
                    return true; // unknown layout: let the real parser decide
            }
        }
        return false;
    }

    private static boolean equalsAt(byte[] b, int start, int length, byte[] what) {
        if (length != what.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (b[start + i] != what[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u2(byte[] b, int offset) {
        return ((b[offset] & 0xFF) << 8) | (b[offset + 1] & 0xFF);
    }
}
