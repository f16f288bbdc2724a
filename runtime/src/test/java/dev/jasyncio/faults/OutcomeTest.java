package dev.jasyncio.faults;

import dev.jasyncio.Asyncio;
import dev.jasyncio.CancelledError;
import dev.jasyncio.EventLoop;
import dev.jasyncio.Future;
import dev.jasyncio.Task;
import dev.jasyncio.internal.TestAccess;
import dev.jasyncio.testing.PyErrors.ValueError;
import dev.jasyncio.testing.TestBase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.jasyncio.Asyncio.createTask;
import static dev.jasyncio.Asyncio.sleep;
import static dev.jasyncio.testing.Coro.awaiting;
import static dev.jasyncio.testing.Coro.catching;
import static dev.jasyncio.testing.Coro.coro;
import static dev.jasyncio.testing.Py.repr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a failed or cancelled future holds, and how it describes itself, on every path to its end. */
class OutcomeTest extends TestBase {

    /** cpython/cancel_then_raise.py: the cancel message and the new failure never share the outcome. */
    @Test
    void aTaskThatTurnsTheCancelOfCancelMsgIntoAnotherFailureFailsWithItCausedByTheCancel() {
        Task<?>[] t = new Task<?>[1];
        run(coro("main", v -> {
            t[0] = createTask(coro("child", x -> awaiting(sleep(10)), catching((x, e) -> {
                throw new ValueError("other");
            })));
            return awaiting(sleep(0));
        }, v -> {
            t[0].cancel("msg");
            return awaiting(t[0]);
        }, catching((v, e) -> {
            say("caught", repr(e), "cause", repr(e.getCause()));
            say(t[0].cancelled(), repr(t[0].exception()));
            String s = t[0].toString();
            say(s.startsWith("<Task finished name='Task-2'"), s.endsWith(" exception=" + t[0].exception() + ">"));
            return null;
        })));
        assertOutput("cancel_then_raise");
    }

    /** The report of a failure nobody retrieved names the failure, not {@code exception=null}. */
    @Test
    void theNeverRetrievedReportDescribesTheFutureWithItsException() {
        EventLoop loop = new EventLoop();
        TestAccess.get().trackFailures(loop);
        Future<String> f = loop.createFuture();
        f.setException(new ValueError("lost"));
        List<Map<String, Object>> reports = TestAccess.get().takeUnretrievedFailures(loop);
        assertEquals(1, reports.size(), String.valueOf(reports));
        assertEquals("Future exception was never retrieved", reports.get(0).get("message"));
        assertEquals("<Future finished exception=" + f.exception() + ">", String.valueOf(reports.get(0).get("future")));
        loop.close();
    }

    /** Cancelled first, then failed with the cancel's error: the task's CancelledError still reaches its awaiter. */
    @Test
    void aTaskCancelledWhileAwaitingAFutureEndsCancelledWithTheMessage() {
        Task<?>[] t = new Task<?>[1];
        Throwable caught = Asyncio.run(coro("main", v -> {
            t[0] = createTask(coro("child", x -> awaiting(sleep(10))));
            return awaiting(sleep(0));
        }, v -> {
            t[0].cancel("stop");
            return awaiting(t[0]);
        }, catching((v, e) -> e)));
        assertTrue(caught instanceof CancelledError, String.valueOf(caught));
        assertEquals("stop", caught.getMessage());
    }
}
