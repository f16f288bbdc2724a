package dev.jasyncio.transformer.validation;

/**
 * Builds a class with the same method body twice: once async, where {@code AWAIT(e)} awaits a coroutine producing
 * {@code e} (suspending through the loop, or not, as the mode says), once synchronous, where it is just {@code e}.
 * Running both and comparing is the oracle for control flow around awaits.
 */
public final class Twin {

    /** How each {@code AWAIT(e)} behaves in the async twin. */
    public enum Mode {
        /** Every await suspends: the value arrives through the event loop after {@code sleep(0)}. */
        SUSPEND("t.Twin.suspending"),
        /** Every awaitable is already done: no suspension at all. */
        READY("t.Twin.ready");

        final String helper;

        Mode(String helper) {
            this.helper = helper;
        }
    }

    private Twin() {
    }

    /** Replaces every {@code NAME(args)} by {@code open + args + close}, matching parentheses. */
    public static String expand(String text, String name, String open, String close) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int at = text.indexOf(name + "(", i);
            if (at < 0) {
                return out.append(text.substring(i)).toString();
            }
            out.append(text, i, at);
            int depth = 0;
            int j = at + name.length();
            int start = j + 1;
            for (; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    break;
                }
            }
            out.append(open).append(expand(text.substring(start, j), name, open, close)).append(close);
            i = j + 1;
        }
    }

    /**
     * A source for class {@code t.Twin} with {@code static Coroutine<Object> async(args)} and
     * {@code static Object sync(args)}, both running {@code body} (which ends with {@code return ...;}).
     */
    static String source(String params, String body, Mode mode, String... extraMembers) {
        return source("Twin", params, body, mode, extraMembers);
    }

    /** The same, for class {@code t.<simpleName>}, so that several twins can be compiled together. */
    public static String source(String simpleName, String params, String body, Mode mode, String... extraMembers) {
        String helper = mode.helper.replace("t.Twin.", "t." + simpleName + ".");
        String asyncBody = expand(expand(body, "AWAIT", "await(" + helper + "(", "))"), "RETURN",
                "return Coroutine.of(", ")");
        String syncBody = expand(expand(body, "AWAIT", "(", ")"), "RETURN", "return (", ")");
        return String.join("\n",
                "package t;",
                "import dev.jasyncio.*;",
                "import dev.jasyncio.annotations.Async;",
                "import java.util.*;",
                "import static dev.jasyncio.Asyncio.*;",
                "public class " + simpleName + " {",
                "  @Async static <T> Coroutine<T> suspending(T v) { await(sleep(0)); return Coroutine.of(v); }",
                "  @Async static <T> Coroutine<T> ready(T v) { return Coroutine.of(v); }",
                "  @Async public static Coroutine<Object> async(" + params + ") throws Exception {",
                asyncBody,
                "  }",
                "  public static Object sync(" + params + ") throws Exception {",
                syncBody,
                "  }",
                String.join("\n", extraMembers),
                "}");
    }
}
