package dev.jasyncio.transformer.fuzz;

/**
 * Something a {@code break} or {@code continue} may jump to, or a barrier (a {@code finally} block, a switch
 * expression) that no jump may cross. Records which jumps were emitted, for the reachability rules of JLS 14.22.
 */
final class Target {

    enum Kind { LOOP, SWITCH, BLOCK, BARRIER }

    final Kind kind;
    /** The statement's label, or null. */
    final String label;
    boolean breakUsed;
    boolean continueUsed;

    Target(Kind kind, String label) {
        this.kind = kind;
        this.label = label;
    }
}
