package dev.jasyncio.transformer.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Locals of every type, loops, branches, try/catch/finally around and containing awaits, nested awaits and values
 * on the operand stack under an await: each async twin must compute what its synchronous twin computes, whether
 * the awaits suspend or not. The bodies are in {@link ControlFlowCases}.
 */
class ControlFlowTest {

    private static void assertTwinsAgree(Twin.Mode mode, ControlFlowCases.Case c) throws Throwable {
        ValidationSupport.Loaded l = ValidationSupport.load("t.Twin", Twin.source(c.params, c.body, mode));
        Object expected = l.call("t.Twin", "sync", c.args);
        Object actual = l.run("t.Twin", "async", c.args);
        assertEquals(expected, actual);
    }

    @ParameterizedTest
    @EnumSource(Twin.Mode.class)
    void everyPrimitiveTypeSurvivesAnAwait(Twin.Mode mode) throws Throwable {
        assertTwinsAgree(mode, ControlFlowCases.EVERY_PRIMITIVE);
    }

    @ParameterizedTest
    @EnumSource(Twin.Mode.class)
    void loopsWithTryFinallyAndLongAndDoubleLocals(Twin.Mode mode) throws Throwable {
        assertTwinsAgree(mode, ControlFlowCases.LOOPS_WITH_TRY_FINALLY);
    }

    @ParameterizedTest
    @EnumSource(Twin.Mode.class)
    void valuesOnTheOperandStackUnderAnAwait(Twin.Mode mode) throws Throwable {
        assertTwinsAgree(mode, ControlFlowCases.STACK_UNDER_AWAIT);
    }

    @ParameterizedTest
    @EnumSource(Twin.Mode.class)
    void branchesAndSwitches(Twin.Mode mode) throws Throwable {
        assertTwinsAgree(mode, ControlFlowCases.BRANCHES_AND_SWITCHES);
    }

    @ParameterizedTest
    @EnumSource(Twin.Mode.class)
    void switchWithTryInAConstructorCall(Twin.Mode mode) throws Throwable {
        assertTwinsAgree(mode, ControlFlowCases.SWITCH_WITH_TRY_IN_CONSTRUCTOR_CALL);
    }
}
