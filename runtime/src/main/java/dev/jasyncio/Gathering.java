package dev.jasyncio;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The future {@code gather} returns (asyncio's {@code _GatheringFuture}): done when every child is, with their
 * results in argument order; without {@code returnExceptions} the first failure finishes it at once while the
 * other children keep running. Cancelling it cancels the children.
 */
final class Gathering<T> extends Future<List<T>> implements WaitsFor {

    private final List<Future<?>> children;
    private final boolean returnExceptions;
    private int finished;
    private final int distinct;
    private boolean cancelRequested;

    private Gathering(EventLoop loop, List<Future<?>> children, int distinct, boolean returnExceptions) {
        super(loop);
        this.children = children;
        this.distinct = distinct;
        this.returnExceptions = returnExceptions;
    }

    static <T> Future<List<T>> of(List<? extends Awaitable<?>> awaitables, boolean returnExceptions) {
        if (awaitables.isEmpty()) {
            Future<List<T>> outer = new Future<>(EventLoop.requireRunning());
            outer.setResult(new ArrayList<>());
            return outer;
        }
        Map<Object, Future<?>> seen = new IdentityHashMap<>();
        List<Future<?>> children = new ArrayList<>(awaitables.size());
        List<Future<?>> alreadyDone = new ArrayList<>();
        List<Future<?>> pending = new ArrayList<>();
        EventLoop loop = null;
        for (Awaitable<?> aw : awaitables) {
            Future<?> f = seen.get(aw);
            if (f == null) {
                f = toFuture(aw, loop);
                if (loop == null) {
                    loop = f.loop;
                } else {
                    LoopCheck.sameLoop(f, loop); // as asyncio: all children on the first one's loop
                }
                seen.put(aw, f);
                (f.done() ? alreadyDone : pending).add(f);
            }
            children.add(f);
        }
        Gathering<T> outer = new Gathering<>(loop, children, seen.size(), returnExceptions);
        for (Future<?> f : pending) {
            addCallback(f, outer);
        }
        for (Future<?> f : alreadyDone) {
            outer.childDone(f);
        }
        return outer;
    }

    @SuppressWarnings("unchecked")
    private static <X> void addCallback(Future<X> f, Gathering<?> outer) {
        f.addDoneCallback((Consumer<Future<X>>) (Consumer<?>) outer.callback);
    }

    private final Consumer<Future<?>> callback = this::childDone;

    private static Future<?> toFuture(Awaitable<?> aw, EventLoop loop) {
        if (aw instanceof Future) {
            return (Future<?>) aw;
        }
        if (aw instanceof Coroutine) {
            EventLoop l = loop != null ? loop : EventLoop.requireRunning();
            return l.createTask((Coroutine<?>) aw);
        }
        throw new IllegalArgumentException("An asyncio.Future, a coroutine or an awaitable is required, got " + aw);
    }

    private void childDone(Future<?> child) {
        finished++;
        if (done()) {
            if (!child.cancelled()) {
                child.exception(); // marks the failure as retrieved
            }
            return;
        }
        if (!returnExceptions) {
            if (child.cancelled()) {
                setException(child.makeCancelledError());
                return;
            }
            Throwable e = child.exception();
            if (e != null) {
                setException(e);
                return;
            }
        }
        if (finished == distinct) {
            List<Object> results = new ArrayList<>(children.size());
            for (Future<?> f : children) {
                if (f.cancelled()) {
                    results.add(new CancelledError(f.cancelMessage() == null ? "" : f.cancelMessage()));
                } else {
                    Throwable e = f.exception();
                    results.add(e != null ? e : f.rawResult());
                }
            }
            if (cancelRequested) {
                // CPython takes the error from the loop variable left over from building the results: the last
                // child in argument order, not the one that just finished.
                setException(children.get(children.size() - 1).makeCancelledError());
            } else {
                @SuppressWarnings("unchecked")
                List<T> typed = (List<T>) results;
                setResult(typed);
            }
        }
    }

    @Override
    public List<Future<?>> waitsFor() {
        return children;
    }

    @Override
    public boolean cancel(String message) {
        if (done()) {
            return false;
        }
        boolean any = false;
        for (Future<?> child : children) {
            if (child.cancel(message)) {
                any = true;
            }
        }
        if (any) {
            cancelRequested = true;
        }
        return any;
    }
}
