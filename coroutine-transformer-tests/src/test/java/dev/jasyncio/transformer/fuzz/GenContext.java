package dev.jasyncio.transformer.fuzz;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * The state of generating one program: the random source, the variables in scope, the jump targets, the budget,
 * and what the position being generated allows (awaits, returns, throws).
 */
final class GenContext {

    final Random rnd;
    /** Whether the program is an instance method (it may use the fields). */
    final boolean instance;
    private final Deque<List<Var>> scopes = new ArrayDeque<>();
    private final Deque<Target> targets = new ArrayDeque<>();
    private int ids;
    /** Statements still to generate. */
    int budget;
    /** False inside constructor arguments and synchronized blocks: no await may be generated there. */
    boolean awaitAllowed = true;
    /** False inside finally blocks and switch expressions. */
    boolean returnAllowed = true;
    /** False inside finally blocks, which must complete normally. */
    boolean throwAllowed = true;
    /** Whether the innermost try body being generated may throw the checked test exception. */
    boolean checkedPossible;
    /** The product of the iteration counts of the enclosing loops. */
    int loopWeight = 1;
    /** How many switch expressions enclose the position. */
    int switchDepth;
    /**
     * Whether the innermost enclosing switch expression has no long or double below it on the operand stack. Only
     * such a one may contain a try or synchronized statement: javac then spills the stack into locals, and javac 17
     * crashes on a long or double there (NullPointerException in Gen.doHandleSwitchExpression).
     */
    boolean switchTryAllowed;

    /** How many try statements enclose the position (in any of their parts). */
    int tryDepth;
    /**
     * Constructs not to generate, from {@code -Djasyncio.fuzz.avoid=a,b}: a way to look for further bugs while a
     * known one is open. Known names: {@code syncInTry} (a synchronized block inside a try statement),
     * {@code builderMerge} (StringBuffers, whose merge with StringBuilders is a package-private class),
     * {@code ctorAwait} (awaits in constructor arguments).
     */
    static final java.util.Set<String> AVOID = java.util.Set.of(
            System.getProperty("jasyncio.fuzz.avoid", "").split(","));

    /**
     * Whether constructor arguments may await ({@code new Foo(a, await(x))}, which the transformer supports by
     * moving the allocation after the arguments); {@code -Djasyncio.fuzz.avoid=ctorAwait} turns it off.
     */
    static final boolean CONSTRUCTOR_AWAITS = !AVOID.contains("ctorAwait");

    /** Before generating constructor arguments: returns what {@link #awaitAllowed} was, to restore after. */
    boolean enterConstructorArguments() {
        boolean saved = awaitAllowed;
        awaitAllowed &= CONSTRUCTOR_AWAITS;
        return saved;
    }

    GenContext(long seed, boolean instance, int budget) {
        this.rnd = new Random(seed);
        this.instance = instance;
        this.budget = budget;
        scopes.push(new ArrayList<>());
    }

    // ---------------------------------------------------------------- randomness

    int nextInt(int bound) {
        return rnd.nextInt(bound);
    }

    /** True with probability {@code percent} / 100. */
    boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    <T> T pick(List<T> xs) {
        return xs.get(rnd.nextInt(xs.size()));
    }

    @SafeVarargs
    final <T> T pick(T... xs) {
        return xs[rnd.nextInt(xs.length)];
    }

    String fresh(String prefix) {
        return prefix + (++ids);
    }

    // ---------------------------------------------------------------- scopes

    void push() {
        scopes.push(new ArrayList<>());
    }

    void pop() {
        scopes.pop();
    }

    void declare(Var v) {
        scopes.peek().add(v);
    }

    /** Scopes below this depth are outside the innermost lambda being generated: only their fields are visible. */
    private int lambdaBoundary;

    /** Enters a lambda body; returns what {@link #exitLambda} restores. */
    int enterLambda() {
        int saved = lambdaBoundary;
        lambdaBoundary = scopes.size();
        push();
        return saved;
    }

    void exitLambda(int saved) {
        pop();
        lambdaBoundary = saved;
    }

    /** Every variable in scope, outermost first. */
    List<Var> visible() {
        List<Var> all = new ArrayList<>();
        int depth = 0;
        for (Iterator<List<Var>> it = scopes.descendingIterator(); it.hasNext(); depth++) {
            for (Var v : it.next()) {
                if (depth >= lambdaBoundary || v.field) {
                    all.add(v);
                }
            }
        }
        return all;
    }

    List<Var> visible(VType type) {
        List<Var> out = new ArrayList<>();
        for (Var v : visible()) {
            if (v.type == type) {
                out.add(v);
            }
        }
        return out;
    }

    List<Var> assignable(VType type) {
        List<Var> out = new ArrayList<>();
        for (Var v : visible(type)) {
            if (v.assignable) {
                out.add(v);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- jumps

    void pushTarget(Target t) {
        targets.push(t);
    }

    void popTarget() {
        targets.pop();
    }

    /** The targets an unlabeled break / continue or a labeled one may reach, innermost first, up to a barrier. */
    List<Target> reachableTargets() {
        List<Target> out = new ArrayList<>();
        for (Target t : targets) {
            if (t.kind == Target.Kind.BARRIER) {
                break;
            }
            out.add(t);
        }
        return out;
    }
}
