package dev.jasyncio.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * Tab-separated lines of text fields for the files a forked instrumenter reads and writes: a field may hold any
 * text, or be null. Escapes backslash, tab, newline and carriage return; {@code \0} stands for null.
 */
final class FieldCodec {

    private FieldCodec() {
    }

    /** One line of {@code fields}, without its line break. */
    static String line(List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append('\t');
            }
            escape(fields.get(i), out);
        }
        return out.toString();
    }

    /** The fields of a line written by {@link #line}. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        for (String raw : line.split("\t", -1)) {
            fields.add(unescape(raw));
        }
        return fields;
    }

    private static void escape(String field, StringBuilder out) {
        if (field == null) {
            out.append("\\0");
            return;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static String unescape(String raw) {
        if (raw.equals("\\0")) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 == raw.length()) {
                out.append(c);
                continue;
            }
            char next = raw.charAt(++i);
            out.append(switch (next) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> next;
            });
        }
        return out.toString();
    }
}
