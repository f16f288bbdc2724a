package dev.jasyncio.transformer.internal.io;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlobPatternTest {

    @Test
    void doubleStarSlashMatchesAnyDepthIncludingNone() {
        GlobPattern p = GlobPattern.compile("**/*.class");
        assertTrue(p.matches("Foo.class"));
        assertTrue(p.matches("com/Foo.class"));
        assertTrue(p.matches("com/acme/deep/Foo$Frame.class"));
        assertFalse(p.matches("com/acme/Foo.java"));
        assertFalse(p.matches("com/acme/Foo.classes"));
        assertFalse(p.matches("com/x.class/Foo"));
    }

    @Test
    void aDoubleStarThenANamePatternWithMoreThanASuffixStillMatchesByName() {
        GlobPattern dirThenName = GlobPattern.compile("**/*/Foo.class");
        assertTrue(dirThenName.matches("a/Foo.class"));
        assertFalse(dirThenName.matches("Foo.class"), "one directory at least");
        GlobPattern twoWildcards = GlobPattern.compile("**/*Test*.class");
        assertTrue(twoWildcards.matches("FooTest.class"));
        assertFalse(twoWildcards.matches("a/Test/Foo.class"));
    }

    @Test
    void trailingDoubleStarMatchesEverythingBelowAndTheDirectoryItself() {
        GlobPattern p = GlobPattern.compile("com/acme/**");
        assertTrue(p.matches("com/acme/Foo.class"));
        assertTrue(p.matches("com/acme/a/b/Foo.class"));
        assertTrue(p.matches("com/acme"));
        assertFalse(p.matches("com/acmex/Foo.class"), "a name prefix is not a directory");
        assertFalse(p.matches("org/com/acme/Foo.class"), "patterns are anchored at the classes directory");
    }

    @Test
    void singleStarAndQuestionMarkStayWithinOneName() {
        assertTrue(GlobPattern.compile("com/*/Foo.class").matches("com/acme/Foo.class"));
        assertFalse(GlobPattern.compile("com/*/Foo.class").matches("com/a/b/Foo.class"));
        assertTrue(GlobPattern.compile("com/acme/Fo?.class").matches("com/acme/Foo.class"));
        assertFalse(GlobPattern.compile("com/acme/Fo?.class").matches("com/acme/Fo/.class"));
        assertTrue(GlobPattern.compile("**/*Test*.class").matches("a/b/FetchTest$1.class"));
    }

    @Test
    void doubleStarInTheMiddleSpansDirectories() {
        GlobPattern p = GlobPattern.compile("com/**/Foo.class");
        assertTrue(p.matches("com/Foo.class"));
        assertTrue(p.matches("com/a/b/Foo.class"));
        assertFalse(p.matches("com/a/b/Bar.class"));
    }

    @Test
    void regexCharactersAreLiteral() {
        assertTrue(GlobPattern.compile("com/Foo$1.class").matches("com/Foo$1.class"));
        assertFalse(GlobPattern.compile("com/Foo.class").matches("com/FooXclass"));
        assertTrue(GlobPattern.compile("a+b/(x)[y]{z}.class").matches("a+b/(x)[y]{z}.class"));
    }

    @Test
    void trailingSlashLeadingSlashAndBackslashesAreNormalised() {
        assertTrue(GlobPattern.compile("com/acme/").matches("com/acme/x/Foo.class"));
        assertTrue(GlobPattern.compile("/com/acme/Foo.class").matches("com/acme/Foo.class"));
        assertTrue(GlobPattern.compile("com\\acme\\**").matches("com/acme/Foo.class"));
    }
}
