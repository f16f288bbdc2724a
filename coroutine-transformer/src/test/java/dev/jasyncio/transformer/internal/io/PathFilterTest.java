package dev.jasyncio.transformer.internal.io;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PathFilterTest {

    @Test
    void anIncludedPathIsDroppedByAMatchingExclude() {
        PathFilter f = PathFilter.of(List.of("com/acme/**"), List.of("**/generated/**", "**/*Test.class"));
        assertTrue(f.accepts("com/acme/Fetch.class"));
        assertFalse(f.accepts("org/other/Fetch.class"), "not included");
        assertFalse(f.accepts("com/acme/generated/Stub.class"));
        assertFalse(f.accepts("com/acme/FetchTest.class"));
    }

    @Test
    void noIncludesMeansEverythingAndBlankEntriesAreIgnored() {
        PathFilter f = PathFilter.of(null, Arrays.asList("", " ", null));
        assertTrue(f.accepts("Foo.class"));
        assertTrue(f.accepts("a/b/Foo.class"));
        assertTrue(PathFilter.of(List.of(" "), List.of()).accepts("x/Y.class"));
    }

    @Test
    void anyOfSeveralIncludesSelects() {
        PathFilter f = PathFilter.of(List.of("a/**", "b/Only.class"), List.of());
        assertTrue(f.accepts("a/X.class"));
        assertTrue(f.accepts("b/Only.class"));
        assertFalse(f.accepts("b/Other.class"));
    }
}
