package dev.jasyncio.transformer.fuzz;

/** A variable a generated program may read: a local, a parameter, a field or a loop counter. */
final class Var {

    final String name;
    final VType type;
    /** False for loop counters, whose bounds keep every program finite. */
    final boolean assignable;
    /** A field: visible inside lambdas too (locals there would have to be effectively final). */
    final boolean field;

    Var(String name, VType type, boolean assignable) {
        this(name, type, assignable, false);
    }

    Var(String name, VType type, boolean assignable, boolean field) {
        this.name = name;
        this.type = type;
        this.assignable = assignable;
        this.field = field;
    }
}
