package dev.jasyncio;

import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.getRunningLoop;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.coro;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ContextVar} and {@link Context}, against CPython's contextvars and asyncio's use of them. */
class ContextVarTest extends TestBase {

    private static final ContextVar<String> VAR = new ContextVar<>("var", "default");

    private Coroutine<Void> child(String name) {
        return coro(name, v -> {
            say(name, "sees", VAR.get());
            VAR.set(name);
            return awaiting(sleep(0));
        }, v -> {
            say(name, "after sleep sees", VAR.get());
            return null;
        });
    }

    /** cpython/contextvars_tasks.py */
    @Test
    void aTaskRunsInACopyOfTheContextItWasCreatedInOrInTheContextItIsGiven() {
        Task<?>[] t = new Task<?>[4];
        Context[] ctx = new Context[1];
        ContextVar.Token<String> outside = VAR.set("outside");
        try {
            run(coro("main", v -> {
                say("main sees", VAR.get());
                VAR.set("main");
                t[0] = createTask(child("t1"));
                VAR.set("main2");
                t[1] = createTask(child("t2"));
                return awaiting(t[0]);
            }, v -> awaiting(t[1]), v -> {
                say("main sees", VAR.get());
                ctx[0] = Context.copyContext();
                ctx[0].run(() -> VAR.set("in ctx"));
                say("main sees", VAR.get(), "ctx has", ctx[0].get(VAR));
                t[2] = createTask(child("t3"), null, ctx[0]);
                t[3] = createTask(child("t4"), null, ctx[0]);
                return awaiting(t[2]);
            }, v -> awaiting(t[3]), v -> {
                say("ctx now has", ctx[0].get(VAR));
                say("main sees", VAR.get());
                return null;
            }));
            say("outside sees", VAR.get());
        } finally {
            VAR.reset(outside);
        }
        assertOutput("contextvars_tasks");
    }

    /** cpython/contextvars_tokens.py */
    @Test
    void tokensResetOnceInTheirContextAndContextsCannotBeEnteredTwice() {
        ContextVar<Integer> a = new ContextVar<>("a");
        ContextVar<Integer> b = new ContextVar<>("b", 0);
        try {
            a.get();
        } catch (NoSuchElementException e) {
            say("LookupError");
        }
        say(a.get(null) == null ? "fallback" : "?", b.get(), b.get(5));
        ContextVar.Token<Integer> t1 = a.set(1);
        ContextVar.Token<Integer> t2 = a.set(2);
        say(a.get(), !t1.hasOldValue(), t2.oldValue(), t2.var() == a);
        a.reset(t2);
        say(a.get());
        try {
            a.reset(t2);
        } catch (IllegalStateException e) {
            say("RuntimeError: used twice");
        }
        try {
            @SuppressWarnings({"unchecked", "rawtypes"})
            ContextVar.Token<Integer> foreign = (ContextVar.Token) t1;
            b.reset(foreign);
        } catch (IllegalArgumentException e) {
            say("ValueError: different var");
        }
        Context ctx = Context.copyContext();
        ContextVar.Token<Integer> t3 = ctx.call(() -> a.set(3));
        say(a.get(), ctx.get(a), ctx.get(a), ctx.containsKey(a), ctx.containsKey(b), ctx.size());
        try {
            a.reset(t3);
        } catch (IllegalArgumentException e) {
            say("ValueError: different context");
        }
        a.reset(t1);
        say(a.get(null) == null ? "unset" : a.get(), Context.copyContext().containsKey(a));
        String ran = ctx.call(() -> {
            try {
                ctx.run(() -> say("inner"));
            } catch (IllegalStateException e) {
                say("RuntimeError: already entered");
            }
            a.set(4);
            return "ran";
        });
        say(ran, ctx.get(a), a.get(null) == null ? "unset" : a.get());
        Context empty = new Context();
        say(empty.size(), empty.get(a), empty.get(a, null) == null ? "d" : "?");
        assertOutput("contextvars_tokens");
    }

    @Test
    void aBridgedThreadLocalFollowsEachTaskAndTheThreadKeepsItsOwnValue() {
        ThreadLocal<String> local = new ThreadLocal<>();
        List<String> seen = new ArrayList<>();
        Task<?>[] kid = new Task<?>[1];
        EventLoop loop = EventLoop.withVirtualTime();
        loop.addThreadLocalBridge(local);
        local.set("outer");
        try {
            Asyncio.run(coro("main", v -> {
                seen.add("main sees " + local.get());
                local.set("main");
                kid[0] = createTask(coro("kid", w -> {
                    seen.add("kid sees " + local.get());
                    local.set("kid");
                    return awaiting(sleep(1));
                }, w -> {
                    seen.add("kid still sees " + local.get());
                    return null;
                }));
                local.set("main2");
                getRunningLoop().callSoon(() -> seen.add("a callback sees " + local.get()));
                return awaiting(sleep(0));
            }, v -> {
                seen.add("main sees " + local.get());
                return awaiting(kid[0]);
            }, v -> {
                seen.add("main at the end sees " + local.get());
                return null;
            }), () -> loop);
            assertEquals(List.of("main sees outer", "kid sees main", "a callback sees outer", "main sees main2",
                    "kid still sees kid", "main at the end sees main2"), seen);
            assertEquals("outer", local.get());
        } finally {
            local.remove();
        }
    }

    @Test
    void aVariableFirstSetInTheMiddleOfAStepStaysInItsTask() {
        // A loop not using contexts yet runs steps in the thread's context; the first set() must not leak there.
        ContextVar<String> late = new ContextVar<>("late");
        List<Object> seen = new ArrayList<>();
        EventLoop loop = EventLoop.withVirtualTime();
        Asyncio.run(coro("main", v -> {
            createTask(coro("setter", w -> {
                late.set("mine");
                seen.add(late.get(null));
                return awaiting(sleep(0));
            }, w -> {
                seen.add(late.get(null));
                return null;
            }));
            return awaiting(sleep(0));
        }, v -> {
            seen.add(late.get(null));
            return awaiting(sleep(0));
        }, v -> null), () -> loop);
        seen.add(late.get(null));
        assertEquals(Arrays.asList("mine", null, "mine", null), seen);
    }

    @Test
    void aLoopWithoutContextsOrDebugRunsStepsWithoutHooks() {
        EventLoop loop = EventLoop.withVirtualTime();
        Asyncio.run(coro("main", v -> awaiting(Asyncio.gather(createTask(coro("a", w -> awaiting(sleep(1)), w -> 1)),
                createTask(coro("b", w -> 2)))), v -> null), () -> loop);
        LoopHooks hooks = loop.existingHooks();
        assertTrue(hooks == null || !hooks.active(), "steps went through the hooks");
    }
}
