package dev.jasyncio;

import dev.jasyncio.testing.PyErrors.KeyError;
import dev.jasyncio.testing.PyErrors.ValueError;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.currentTask;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.Asyncio.taskGroup;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static dev.jasyncio.testing.Coro.rethrow;
import static dev.jasyncio.testing.Py.repr;
import static dev.jasyncio.testing.Py.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code taskGroup}, against asyncio's {@code TaskGroup}. */
class TaskGroupTest extends TestBase {

    private Coroutine<String> work(String name, double delay, boolean fail) {
        return coro("work", v -> awaiting(sleep(delay)), catching((v, e) -> {
            if (e instanceof CancelledError) {
                say(name, "cancelled");
            }
            rethrow(e, null);
            say(name, "done");
            if (fail) {
                throw new ValueError(name);
            }
            return name;
        }));
    }

    private Coroutine<String> workFinally(String name, double delay) {
        return coro("work", v -> awaiting(sleep(delay)), catching((v, e) -> {
            say(name, "finally");
            return rethrow(e, name);
        }));
    }

    /** cpython/taskgroup_basics.py */
    @Test
    void waitsForChildrenAndGroupsFailuresChildrenFirst() {
        Task<?>[] ab = new Task<?>[2];
        TaskGroup[] saved = new TaskGroup[1];
        run(coro("main", v -> awaiting(taskGroup(tg -> {
            ab[0] = tg.createTask(work("a", 0.02, false));
            ab[1] = tg.createTask(work("b", 0.01, false));
            say("body done");
            return Coroutine.of(null);
        })), v -> {
            say("all done:", ab[0].result(), ab[1].result());
            return awaiting(taskGroup(tg -> {
                tg.createTask(work("c", 0.01, true));
                tg.createTask(work("d", 0.1, true));
                tg.createTask(work("e", 1, false));
                return coro("body", x -> awaiting(sleep(1)), catching((x, e) -> {
                    if (e instanceof CancelledError) {
                        say("body cancelled");
                    }
                    return rethrow(e, null);
                }));
            }));
        }, catching((v, e) -> {
            say(repr(e), str(e));
            say("cancelling:", currentTask().cancelling());
            return awaiting(taskGroup(tg -> {
                tg.createTask(work("f", 0.01, true));
                tg.createTask(work("g", 0.1, true));
                return sleep(0.05);
            }));
        }), catching((v, e) -> {
            ExceptionGroup matched = ((ExceptionGroup) e).subgroup(ValueError.class);
            say("except*", repr(matched));
            return awaiting(taskGroup(tg -> {
                tg.createTask(work("h", 0.05, false));
                return coro("body", x -> awaiting(sleep(0)), x -> {
                    throw new KeyError("body");
                });
            }));
        }), catching((v, e) -> {
            say(repr(e));
            return awaiting(taskGroup(tg -> {
                saved[0] = tg;
                tg.createTask(work("i", 0.01, true));
                return coro("body", x -> awaiting(sleep(0.1)), catching((x, err) -> {
                    throw new KeyError("late body");
                }));
            }));
        }), catching((v, e) -> {
            say(repr(e));
            IllegalStateException r = assertThrows(IllegalStateException.class,
                    () -> saved[0].createTask(work("j", 0, false)));
            say("RuntimeError('" + r.getMessage() + "')");
            return null;
        })));
        assertOutput("taskgroup_basics");
    }

    /** cpython/taskgroup_cancel.py */
    @Test
    void outsideCancellationAndNestedGroups() {
        Task<?>[] t = new Task<?>[1];
        run(coro("main", v -> {
            t[0] = createTask(coro("group", x -> awaiting(taskGroup(tg -> {
                tg.createTask(workFinally("x", 1));
                tg.createTask(workFinally("y", 1));
                return Coroutine.of(null);
            })), catching((x, e) -> {
                if (e == null) {
                    throw expectUnreached();
                }
                say("group cancelled", repr(e));
                return rethrow(e, null);
            })));
            return awaiting(sleep(0.01));
        }, v -> {
            t[0].cancel("stop");
            return awaiting(t[0]);
        }, catching((v, e) -> {
            say("task cancelled:", t[0].cancelled(), repr(e));
            return awaiting(taskGroup(outer -> {
                outer.createTask(workFinally("o", 0.02));
                return coro("outer body", x -> awaiting(taskGroup(inner -> {
                    inner.createTask(workFinally("i1", 0.01));
                    inner.createTask(workFinally("i2", 0.03));
                    return Coroutine.of(null);
                })), x -> {
                    say("inner group done");
                    return null;
                });
            }));
        }), v -> {
            say("outer group done");
            return awaiting(taskGroup(outer -> {
                outer.createTask(workFinally("p", 1));
                return taskGroup(inner -> {
                    inner.createTask(coro("boom", x -> awaiting(sleep(0.01)), x -> {
                        throw new ValueError("deep");
                    }));
                    inner.createTask(workFinally("q", 1));
                    return Coroutine.of(null);
                });
            }));
        }, catching((v, e) -> {
            say(repr(e));
            say("cancelling:", currentTask().cancelling());
            return null;
        })));
        assertOutput("taskgroup_cancel");
    }

    @Test
    void theScopeProducesTheBodysValueAndAGroupIsEnteredOnce() {
        String r = run(coro("main", v -> awaiting(taskGroup(tg -> {
            Task<String> child = tg.createTask(coro("child", x -> "child"), "named child");
            assertEquals("named child", child.getName());
            assertTrue(tg.toString().startsWith("<TaskGroup tasks=1 entered"), tg.toString());
            return Coroutine.of("body value");
        }))));
        assertEquals("body value", r);
    }

    @Test
    void aBodyThatFailsBeforeReturningACoroutineStillWaitsForTheChildren() {
        Task<?>[] child = new Task<?>[1];
        RuntimeException boom = new RuntimeException("boom");
        run(coro("main", v -> awaiting(taskGroup(tg -> {
            child[0] = tg.createTask(coro("child", x -> awaiting(sleep(1))));
            throw boom;
        })), catching((v, e) -> {
            assertTrue(e instanceof ExceptionGroup, String.valueOf(e));
            assertEquals(java.util.List.of(boom), ((ExceptionGroup) e).exceptions());
            assertTrue(child[0].cancelled());
            return null;
        })));
    }
}
