package dev.jasyncio.transformer.fuzz;

/** The types of the values a generated program computes with, and how each is written in Java. */
enum VType {
    BOOLEAN("boolean"), BYTE("byte"), SHORT("short"), CHAR("char"), INT("int"), LONG("long"), FLOAT("float"),
    DOUBLE("double"), STRING("String"), INTEGER("Integer"), INT_ARRAY("int[]"), LONG_ARRAY("long[]"),
    BYTE_ARRAY("byte[]"), DOUBLE_ARRAY("double[]"), STRING_ARRAY("String[]"), OBJECT("Object"),
    /** Holds a String, StringBuilder or StringBuffer: merging the last two gives a package-private class. */
    CHARSEQ("CharSequence");

    /** The type as written in source. */
    final String java;

    VType(String java) {
        this.java = java;
    }

    boolean isArray() {
        return java.endsWith("[]");
    }

    /** byte, short, char, int, long: the types integer operators and compound assignments apply to. */
    boolean isIntegral() {
        return this == BYTE || this == SHORT || this == CHAR || this == INT || this == LONG;
    }

    boolean isNumeric() {
        return isIntegral() || this == FLOAT || this == DOUBLE;
    }

    /** The element type of an array type. */
    VType element() {
        switch (this) {
            case INT_ARRAY: return INT;
            case LONG_ARRAY: return LONG;
            case BYTE_ARRAY: return BYTE;
            case DOUBLE_ARRAY: return DOUBLE;
            default: return STRING;
        }
    }

    /** The array type of this element type, or null. */
    VType array() {
        for (VType t : values()) {
            if (t.isArray() && t.element() == this) {
                return t;
            }
        }
        return null;
    }
}
