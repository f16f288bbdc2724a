package dev.jasyncio.testing;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Python's {@code str} and {@code repr} of the values tests print, so Java output can be compared with CPython's
 * line for line: {@code True}/{@code None}, {@code 'text'} inside lists, {@code ValueError('x')} for exceptions
 * (by simple class name; tests define exceptions named as Python's).
 */
public final class Py {

    private Py() {
    }

    /** {@code str(o)}: strings as they are, exceptions as their message, the rest as {@link #repr}. */
    public static String str(Object o) {
        if (o instanceof String) {
            return (String) o;
        }
        if (o instanceof Throwable) {
            String m = ((Throwable) o).getMessage();
            return m == null ? "" : m;
        }
        return repr(o);
    }

    /** {@code repr(o)}. */
    public static String repr(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof Boolean) {
            return (Boolean) o ? "True" : "False";
        }
        if (o instanceof String) {
            return "'" + o + "'";
        }
        if (o instanceof byte[]) {
            return bytes((byte[]) o);
        }
        if (o instanceof dev.jasyncio.ExceptionGroup) {
            dev.jasyncio.ExceptionGroup g = (dev.jasyncio.ExceptionGroup) o;
            return "ExceptionGroup('" + g.message() + "', " + repr(g.exceptions()) + ")";
        }
        if (o instanceof Throwable) {
            String m = ((Throwable) o).getMessage();
            return o.getClass().getSimpleName() + (m == null ? "()" : "('" + m + "')");
        }
        if (o instanceof java.util.List) {
            return join("[", (Collection<?>) o, "]");
        }
        if (o instanceof Collection) {
            return ((Collection<?>) o).isEmpty() ? "set()" : join("{", (Collection<?>) o, "}");
        }
        if (o instanceof Map) {
            StringBuilder s = new StringBuilder("{");
            Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) o).entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                s.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
                if (it.hasNext()) {
                    s.append(", ");
                }
            }
            return s.append('}').toString();
        }
        return String.valueOf(o);
    }

    /** Python's {@code repr} of {@code bytes}: {@code b'ab\n'}. */
    private static String bytes(byte[] b) {
        StringBuilder s = new StringBuilder("b'");
        for (byte x : b) {
            int c = x & 0xff;
            if (c == '\n') {
                s.append("\\n");
            } else if (c == '\r') {
                s.append("\\r");
            } else if (c == '\t') {
                s.append("\\t");
            } else if (c == '\\' || c == '\'') {
                s.append('\\').append((char) c);
            } else if (c < 0x20 || c >= 0x7f) {
                s.append(String.format("\\x%02x", c));
            } else {
                s.append((char) c);
            }
        }
        return s.append('\'').toString();
    }

    private static String join(String open, Collection<?> items, String close) {
        StringBuilder s = new StringBuilder(open);
        Iterator<?> it = items.iterator();
        while (it.hasNext()) {
            s.append(repr(it.next()));
            if (it.hasNext()) {
                s.append(", ");
            }
        }
        return s.append(close).toString();
    }
}
