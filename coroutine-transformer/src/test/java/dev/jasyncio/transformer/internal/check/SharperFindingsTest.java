package dev.jasyncio.transformer.internal.check;

import dev.jasyncio.transformer.Diagnostic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link SharperFindings}: source findings replace bytecode ones per file and id, and no finding is lost. */
class SharperFindingsTest {

    private static final String A = "/src/A.java";
    private static final String B = "/src/B.java";

    @Test
    void sourceFindingsTakeThePlaceOfTheBytecodeOnesOfTheirFileAndId() {
        List<Diagnostic> bytecode = List.of(at(A, "AWAIT_OUTSIDE_ASYNC", 7, 0), at(A, "ASYNC_ABSTRACT", 12, 0),
                at(B, "AWAIT_IN_LAMBDA", 3, 0));
        List<Diagnostic> sources = List.of(at(A, "AWAIT_OUTSIDE_ASYNC", 7, 9), at(A, "ASYNC_ABSTRACT", 11, 5));

        assertEquals(List.of(at(A, "AWAIT_OUTSIDE_ASYNC", 7, 9), at(A, "ASYNC_ABSTRACT", 11, 5),
                at(B, "AWAIT_IN_LAMBDA", 3, 0)), SharperFindings.merge(bytecode, sources));
    }

    @Test
    void bytecodeFindingsOnLinesTheSourcesDidNotNameAreKept() {
        List<Diagnostic> bytecode = List.of(at(A, "AWAIT_OUTSIDE_ASYNC", 7, 0), at(A, "AWAIT_OUTSIDE_ASYNC", 20, 0));
        List<Diagnostic> sources = List.of(at(A, "AWAIT_OUTSIDE_ASYNC", 7, 9));

        assertEquals(List.of(at(A, "AWAIT_OUTSIDE_ASYNC", 7, 9), at(A, "AWAIT_OUTSIDE_ASYNC", 20, 0)),
                SharperFindings.merge(bytecode, sources));
    }

    @Test
    void aSourceFindingTheBytecodeDidNotConfirmIsDropped() {
        List<Diagnostic> bytecode = List.of(at(A, "AWAIT_OUTSIDE_ASYNC", 7, 0));
        List<Diagnostic> sources = List.of(at(A, "AWAIT_OUTSIDE_ASYNC", 7, 9), at(A, "AWAIT_IN_LAMBDA", 9, 13),
                at(B, "AWAIT_OUTSIDE_ASYNC", 7, 9));

        assertEquals(List.of(at(A, "AWAIT_OUTSIDE_ASYNC", 7, 9)), SharperFindings.merge(bytecode, sources));
    }

    private static Diagnostic at(String file, String id, int line, int column) {
        return Diagnostic.error(id, file, line, column, id + " here", null);
    }
}
