package dev.jasyncio;

import dev.jasyncio.internal.Faults;
import dev.jasyncio.internal.Uninstrumented;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * asyncio's event loop: one thread runs tasks and callbacks, one at a time, in a well-defined order.
 *
 * <p>Each iteration: compute how long to wait (not at all if callbacks are ready, until the next timer
 * otherwise), wait for a thread-safe call, move the timers that are due to the ready queue (by deadline, then
 * in scheduling order), then run the callbacks that were ready at that moment; callbacks scheduled while they
 * run wait for the next iteration. A created task takes its first step on the next iteration; done callbacks of
 * futures are scheduled, never run inline. This is asyncio's {@code _run_once}, and ordering matches CPython's.
 *
 * <p>The wait is a {@link java.nio.channels.Selector} select once the loop has done any I/O ({@link #addReader},
 * the {@code sock*} methods, streams); ready channels' callbacks join the ready queue right after the wait, before
 * the due timers, as in {@code _run_once}. A loop that never does I/O parks its thread instead and never opens a
 * selector.
 *
 * <p>Confined to its thread: only {@link #callSoonThreadsafe(Runnable)} may be called from other threads.
 */
public final class EventLoop {

    private static final System.Logger LOG = System.getLogger("dev.jasyncio");
    private static final ThreadLocal<EventLoop> RUNNING = new ThreadLocal<>();
    /** {@code -Djasyncio.jmx=true}: every loop registers its MBean (see {@link #setDebug}). */
    private static final boolean JMX = Boolean.getBoolean("jasyncio.jmx");
    private static final AtomicLong LOOP_NUMBERS = new AtomicLong();

    /** Tasks (their next step) and handles, in FIFO order. */
    private ArrayDeque<Object> ready = new ArrayDeque<>();
    private final TimerHeap timers = new TimerHeap();
    private final ConcurrentLinkedQueue<Handle> inbox = new ConcurrentLinkedQueue<>();
    /** Set after each thread-safe call adds to {@link #inbox}; cleared by the loop before it drains. */
    private volatile boolean inboxPending;
    private final long origin = System.nanoTime();
    /** Virtual time (tests): {@link #time()} is {@link #virtualNow}, which jumps to the next timer when idle. */
    private final boolean virtualTime;
    private double virtualNow;

    private volatile Thread thread;
    /** Opened on the first I/O registration; until then the loop waits by parking. */
    private volatile IoSelector io;
    /** Set while the loop waits: only then must a thread-safe call wake it. */
    private volatile boolean sleeping;
    private boolean stopping;
    /** Read by other threads too ({@link #callSoonThreadsafe}, completions from executors). */
    private volatile boolean closed;
    private int timerSequence;
    private long taskCounter;
    private boolean debug;
    private double slowCallbackDuration = 0.1;
    private BiConsumer<EventLoop, Map<String, Object>> exceptionHandler;
    private TaskFactory taskFactory;
    /** Created on first use of {@code runInExecutor(null, ...)} / {@code toThread}. */
    private ExecutorService defaultExecutor;
    private boolean executorShutdownCalled;

    // The state of the step that is running, here rather than in every task: one task steps at a time.
    /** A frame to start before resuming, when inline starts have nested too deep for the Java stack. */
    dev.jasyncio.internal.AsyncFrame<?> pendingStart;
    /** How deep inline starts and direct calls are nested on the Java stack right now. */
    int inlineDepth;
    /** During a suspension, the outermost new frame whose caller is not linked yet (see Scheduling). */
    dev.jasyncio.internal.AsyncFrame<?> dangling;

    /** Numbered on first use (JMX, traces), so that making a loop costs nothing more. */
    private long number;
    /** Debug mode's extras, tracing, contexts: created on first use (see {@link LoopHooks}). */
    private LoopHooks hooks;
    /** {@link #hooks} while it must wrap each step, else null: all that a step pays when none of it is on. */
    private LoopHooks stepHooks;
    private LoopJmx jmx;
    /** The failures of this loop's futures that nobody has looked at yet; made on the first failure. */
    private FailureReports failureReports;

    /** The task whose step is running, for {@code currentTask()}. */
    Task<?> currentTask;
    /** Pending tasks, an intrusive doubly-linked list through the tasks themselves: O(1) in and out. */
    private Task<?> liveHead;
    private int liveCount;

    /** A new loop, not running. */
    public EventLoop() {
        this(false);
    }

    private EventLoop(boolean virtualTime) {
        this.virtualTime = virtualTime;
        if (JMX) {
            jmx = LoopJmx.register(this);
        }
    }

    /**
     * A loop on virtual time, for tests, as kotlinx-coroutines-test's or trio's autojump clock: {@link #time()}
     * starts at 0 and, whenever nothing is ready to run, jumps to the next timer instead of waiting for it. Timers
     * keep their order, so a program behaves as on a real loop, only without the waiting and without the timing
     * noise of a busy machine. Work on other threads takes no virtual time: when the loop is idle with timers
     * pending, they fire before a thread's result arrives.
     */
    public static EventLoop withVirtualTime() {
        return new EventLoop(true);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The running loop

    /** The loop running on this thread, or null. */
    static EventLoop running() {
        return RUNNING.get();
    }

    /** The loop running on this thread; {@link IllegalStateException} "no running event loop" if none. */
    static EventLoop requireRunning() {
        EventLoop loop = RUNNING.get();
        if (loop == null) {
            IllegalStateException notInstrumented = Uninstrumented.error("no running event loop");
            throw notInstrumented != null ? notInstrumented : new IllegalStateException("no running event loop");
        }
        return loop;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Scheduling

    /** The loop's clock, in seconds: monotonic, as asyncio's {@code loop.time()}. */
    public double time() {
        return virtualTime ? virtualNow : (System.nanoTime() - origin) / 1e9;
    }

    /** Schedules {@code callback} to run on the next iteration, after those already scheduled. */
    public Handle callSoon(Runnable callback) {
        checkClosed();
        if (debug) {
            checkThread();
        }
        Handle h = new Handle(this, Objects.requireNonNull(callback, "callback"));
        ready.add(h);
        return h;
    }

    /** Schedules {@code callback} to run {@code delaySeconds} from now. */
    public TimerHandle callLater(double delaySeconds, Runnable callback) {
        return callAt(time() + delaySeconds, callback);
    }

    /** Schedules {@code callback} to run at loop time {@code when} (see {@link #time()}). */
    public TimerHandle callAt(double when, Runnable callback) {
        checkClosed();
        if (debug) {
            checkThread();
        }
        if (Double.isNaN(when)) {
            throw new IllegalArgumentException("when must be a number, not NaN");
        }
        TimerHandle h = new TimerHandle(this, when, timerSequence++, Objects.requireNonNull(callback, "callback"));
        timers.add(h);
        return h;
    }

    /** Puts {@code task} to sleep for {@code delay} seconds: the task itself is the timer, nothing is allocated. */
    void sleep(Task<?> task, double delay) {
        task.when = time() + delay;
        task.sequence = timerSequence++;
        timers.add(task);
    }

    /** A cancelled timer, or a sleeping task woken early, leaves the heap. */
    void removeTimer(Timed t) {
        timers.remove(t);
    }

    /** The one method other threads may call: schedules {@code callback} and wakes the loop. */
    public Handle callSoonThreadsafe(Runnable callback) {
        checkClosed();
        Handle h = new Handle(this, Objects.requireNonNull(callback, "callback"));
        inbox.add(h);
        inboxPending = true; // after the add: a loop that sees the flag finds the handle
        if (sleeping) {
            wakeUp();
        }
        return h;
    }

    /** Ends the loop's current wait. Reads {@link #io} after {@link #sleeping}: a loop selecting has opened it. */
    private void wakeUp() {
        IoSelector s = io;
        if (s != null) {
            s.wakeup();
        } else {
            Thread t = thread;
            if (t != null && t != Thread.currentThread()) {
                LockSupport.unpark(t);
            }
        }
    }

    /** A new pending future bound to this loop. */
    public <T> Future<T> createFuture() {
        return new Future<>(this);
    }

    /** Wraps {@code coro} in a task scheduled on this loop, named {@code Task-N}. */
    public <T> Task<T> createTask(Coroutine<T> coro) {
        return createTask(coro, null);
    }

    /**
     * Wraps {@code coro} in a task scheduled on this loop, named {@code name} (or {@code Task-N} if null); made by
     * the task factory if one is set.
     */
    @SuppressWarnings("unchecked")
    public <T> Task<T> createTask(Coroutine<T> coro, String name) {
        if (closed) {
            Asyncio.reportNeverAwaited(coro);
        }
        checkClosed();
        TaskFactory factory = taskFactory;
        if (factory == null) {
            return new Task<>(this, coro, name);
        }
        return (Task<T>) Objects.requireNonNull(factory.createTask(this, coro, name), "the task factory returned null");
    }

    /**
     * {@link #createTask(Coroutine, String)}, the task running in {@code context} itself instead of a copy of the
     * current context (asyncio's {@code create_task(coro, name=, context=)}); null means a copy, as usual.
     */
    public <T> Task<T> createTask(Coroutine<T> coro, String name, Context context) {
        Task<T> task = createTask(coro, name);
        if (context != null) {
            hooks().contexts.bind(task, context);
        }
        return task;
    }

    /** Makes {@link #createTask} use {@code factory}; null restores the default (asyncio's {@code set_task_factory}). */
    public void setTaskFactory(TaskFactory factory) {
        taskFactory = factory;
    }

    /** The task factory, or null for the default. */
    public TaskFactory getTaskFactory() {
        return taskFactory;
    }

    /**
     * Runs {@code fn} on {@code executor} (the loop's default thread pool if null) and returns a future of this
     * loop completed with its outcome; cancelling the future cancels {@code fn} if it has not started.
     */
    public <T> Future<T> runInExecutor(Executor executor, Callable<T> fn) {
        checkClosed();
        Objects.requireNonNull(fn, "fn");
        if (executor == null) {
            if (executorShutdownCalled) {
                throw new IllegalStateException("Executor shutdown has been called");
            }
            if (defaultExecutor == null) {
                defaultExecutor = ThreadBridge.newDefaultExecutor();
            }
            executor = defaultExecutor;
        }
        return ThreadBridge.submit(this, executor, fn);
    }

    /**
     * Shuts the default executor down and returns a future done when its threads have finished, or after
     * {@code timeoutSeconds} (infinity: no limit), when a warning is logged (asyncio's
     * {@code shutdown_default_executor}).
     */
    public Future<Void> shutdownDefaultExecutor(double timeoutSeconds) {
        executorShutdownCalled = true;
        return ThreadBridge.shutdown(this, defaultExecutor, timeoutSeconds);
    }

    // ---------------------------------------------------------------------------------------------------------
    // I/O (asyncio's add_reader / add_writer and sock_* methods), on non-blocking channels

    /**
     * Runs {@code callback} on the loop each time {@code channel} is readable (for a server channel: has a
     * connection to accept), until {@link #removeReader}; replaces the channel's previous reader. The channel must be
     * non-blocking. Returns the handle that the loop schedules.
     */
    public Handle addReader(SelectableChannel channel, Runnable callback) {
        checkClosed();
        SocketOps.requireNonBlocking(channel);
        return selector().add(channel, Objects.requireNonNull(callback, "callback"), false);
    }

    /** Stops watching {@code channel} for reading; false if no reader was registered. */
    public boolean removeReader(SelectableChannel channel) {
        IoSelector s = io;
        return s != null && s.remove(channel, false);
    }

    /**
     * Runs {@code callback} on the loop each time {@code channel} is writable (for a socket whose non-blocking
     * connect is pending: when the connect has ended, either way), until {@link #removeWriter}.
     */
    public Handle addWriter(SelectableChannel channel, Runnable callback) {
        checkClosed();
        SocketOps.requireNonBlocking(channel);
        return selector().add(channel, Objects.requireNonNull(callback, "callback"), true);
    }

    /** Stops watching {@code channel} for writing; false if no writer was registered. */
    public boolean removeWriter(SelectableChannel channel) {
        IoSelector s = io;
        return s != null && s.remove(channel, true);
    }

    /**
     * Receives up to {@code n} bytes from {@code channel} (non-blocking), waiting until some arrive; an empty array
     * at end of stream. Failures ({@link java.io.IOException}) are thrown at the await. Cancelling the await
     * consumes nothing.
     */
    public Coroutine<byte[]> sockRecv(SocketChannel channel, int n) throws IOException {
        return SocketOps.recv(channel, n);
    }

    /** Receives into {@code buffer}, waiting until some bytes arrive: how many were read, -1 at end of stream. */
    public Coroutine<Integer> sockRecvInto(SocketChannel channel, ByteBuffer buffer) throws IOException {
        return SocketOps.recvInto(channel, buffer);
    }

    /** Sends all of {@code data} (copied first), waiting as long as the channel cannot take more. */
    public Coroutine<Void> sockSendall(SocketChannel channel, byte[] data) throws IOException {
        return SocketOps.sendAll(channel, data);
    }

    /**
     * Connects {@code channel} (non-blocking) to {@code address}; an unresolved address is resolved on the default
     * executor first. A refused connection raises {@link java.net.ConnectException} at the await.
     */
    public Coroutine<Void> sockConnect(SocketChannel channel, SocketAddress address) throws IOException {
        return SocketOps.connect(channel, address);
    }

    /**
     * Accepts the next connection on {@code channel} (non-blocking, bound), waiting for one; the new channel is
     * non-blocking. Python returns {@code (conn, address)}: here the address is the channel's
     * {@code getRemoteAddress()}.
     */
    public Coroutine<SocketChannel> sockAccept(ServerSocketChannel channel) throws IOException {
        return SocketOps.accept(channel);
    }

    /**
     * Receives the next datagram on {@code channel} (non-blocking), waiting until one arrives: at most {@code max}
     * bytes of it (the rest is dropped, as {@code recvfrom} drops it) and its sender. Failures
     * ({@link java.io.IOException}) are thrown at the await; cancelling the await consumes no datagram.
     */
    public Coroutine<Datagram> sockRecvfrom(DatagramChannel channel, int max) throws IOException {
        return SocketOps.recvFrom(channel, max);
    }

    /**
     * Sends the remaining bytes of {@code data} (copied first) as one datagram to {@code to} (null for a connected
     * channel), waiting while the channel has no room; returns how many bytes were sent. Cancelling the await
     * before it is sent sends nothing.
     */
    public Coroutine<Integer> sockSendto(DatagramChannel channel, ByteBuffer data, SocketAddress to)
            throws IOException {
        return SocketOps.sendTo(channel, data, to);
    }

    /** The selector, opened on first use. */
    private IoSelector selector() {
        IoSelector s = io;
        if (s == null) {
            s = new IoSelector(this);
            io = s;
        }
        return s;
    }

    /** Whether the loop has opened its selector (tests: a loop without I/O never does). */
    boolean hasSelector() {
        return io != null;
    }

    /** How many channels the selector watches, 0 without one (tests). */
    int watchedChannelCount() {
        IoSelector s = io;
        return s == null ? 0 : s.registeredCount();
    }

    void scheduleTask(Task<?> task) {
        if (debug) {
            checkThread(); // a wake-up from another thread: a future completed off the loop
        }
        ready.add(task);
    }


    /**
     * Takes {@code task}, which the loop is stepping, back from the ready queue when it is all the queue holds and
     * nothing can come before its next step: no thread-safe call waiting, no timer, no selector, no stop, no step
     * hooks. The rest of the iteration would then be empty and the next one would do nothing but step it, so the
     * caller may step it at once: the same order of events, without the round trip through the loop (a task that
     * yields with {@code sleep(0)} while nothing else is ready).
     */
    boolean takeBackSoleReady(Task<?> task) {
        // Whether the task is all that is ready decides most calls (every suspension of a stepped task): asked first.
        if (ready.size() == 1 && ready.peekFirst() == task && !inboxPending && timers.isEmpty() && io == null
                && !stopping && stepHooks == null) {
            ready.pollFirst();
            return true;
        }
        return false;
    }

    long nextTaskNumber() {
        return ++taskCounter;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Running

    /** Runs until {@link #stop()} is called. */
    public void runForever() {
        checkClosed();
        if (thread != null) {
            throw new IllegalStateException("This event loop is already running");
        }
        if (RUNNING.get() != null) {
            throw new IllegalStateException("Cannot run the event loop while another loop is running");
        }
        thread = Thread.currentThread();
        RUNNING.set(this);
        try {
            while (true) {
                runOnce();
                if (stopping) {
                    break;
                }
            }
        } finally {
            stopping = false;
            RUNNING.remove();
            if (hooks != null) {
                hooks.loopStopped();
            }
            thread = null;
        }
    }

    /**
     * Runs until {@code awaitable} is done and returns its result (or throws its exception). A coroutine is
     * wrapped in a task first.
     */
    public <T> T runUntilComplete(Awaitable<T> awaitable) {
        checkClosed();
        if (thread != null) {
            throw new IllegalStateException("This event loop is already running");
        }
        Future<T> future = ensureFuture(awaitable);
        java.util.function.Consumer<Future<T>> stopper = f -> stop();
        future.addDoneCallback(stopper);
        try {
            runForever();
        } finally {
            future.removeDoneCallback(stopper);
        }
        if (!future.done()) {
            throw new IllegalStateException("Event loop stopped before Future completed.");
        }
        return future.result();
    }

    /** Makes the loop stop after the current iteration. */
    public void stop() {
        stopping = true;
    }

    /** Whether the loop is running. */
    public boolean isRunning() {
        return thread != null;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Closes the loop: pending callbacks and timers are dropped. It cannot run again. */
    public void close() {
        if (thread != null) {
            throw new IllegalStateException("Cannot close a running event loop");
        }
        if (closed) {
            return;
        }
        closed = true;
        IoSelector s = io;
        if (s != null) {
            io = null;
            s.close();
        }
        ready.clear();
        timers.clear();
        inbox.clear();
        executorShutdownCalled = true;
        ExecutorService executor = defaultExecutor;
        if (executor != null) {
            defaultExecutor = null;
            executor.shutdown(); // as asyncio: without waiting for the threads
        }
        if (jmx != null) {
            jmx.unregister();
            jmx = null;
        }
        // Pending tasks will never run again: let go of them, and report each when it is collected.
        for (Task<?> t = liveHead; t != null; ) {
            Task<?> next = t.nextLive;
            CreationSite.watchAbandoned(this, t, creationSite(t));
            t.prevLive = null;
            t.nextLive = null;
            t = next;
        }
        liveHead = null;
        liveCount = 0;
        // Failures nobody looked at are reported now, not when (or if) a collection finds their futures: a short
        // program ends before any does, and a failure that references its own future may keep it alive.
        if (failureReports != null) {
            for (FailureReport r : failureReports().takeAll()) {
                r.reportOnClose();
            }
        }
    }

    /** Debug mode: slow callbacks are reported (asyncio's {@code set_debug}). */
    public void setDebug(boolean enabled) {
        debug = enabled;
        if (enabled && jmx == null && !closed) {
            jmx = LoopJmx.register(this);
        }
        updateStepHooks();
    }

    public boolean getDebug() {
        return debug;
    }

    /** In debug mode, a callback or task step running longer than this many seconds is logged (default 0.1). */
    public void setSlowCallbackDuration(double seconds) {
        slowCallbackDuration = seconds;
    }

    public double getSlowCallbackDuration() {
        return slowCallbackDuration;
    }

    /** Replaces the handler for failures nobody else can report (asyncio's {@code set_exception_handler}). */
    public void setExceptionHandler(BiConsumer<EventLoop, Map<String, Object>> handler) {
        exceptionHandler = handler;
    }

    public BiConsumer<EventLoop, Map<String, Object>> getExceptionHandler() {
        return exceptionHandler;
    }

    /**
     * Reports a failure through the exception handler, or logs it: {@code context} has at least
     * {@code "message"}, usually {@code "exception"}, and {@code "task"}, {@code "future"} or {@code "handle"}.
     */
    public void callExceptionHandler(Map<String, Object> context) {
        BiConsumer<EventLoop, Map<String, Object>> handler = exceptionHandler;
        if (handler == null) {
            safeDefaultExceptionHandler(context);
            return;
        }
        try {
            handler.accept(this, context);
        } catch (Throwable e) {
            // As asyncio: whatever the handler throws (an Error, a checked exception) is logged, the loop goes on.
            Faults.rethrowIfFatal(e);
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("message", "Unhandled error in exception handler");
            report.put("exception", e);
            report.put("context", context);
            safeDefaultExceptionHandler(report);
        }
    }

    /** The default handler, guarded: a report must never become a failure of the loop. */
    private void safeDefaultExceptionHandler(Map<String, Object> context) {
        try {
            defaultExceptionHandler(context);
        } catch (Throwable e) {
            Faults.rethrowIfFatal(e);
            LOG.log(Level.ERROR, "Exception in default exception handler", e);
        }
    }

    /** Logs {@code context} as asyncio's default handler does. */
    public void defaultExceptionHandler(Map<String, Object> context) {
        Object message = context.getOrDefault("message", "Unhandled exception in event loop");
        StringBuilder text = new StringBuilder(String.valueOf(message));
        for (Map.Entry<String, Object> e : context.entrySet()) {
            if (!e.getKey().equals("message") && !e.getKey().equals("exception")) {
                Object value = e.getKey().equals("source_traceback") && e.getValue() instanceof List
                        ? CreationSite.format((List<?>) e.getValue()) : e.getValue();
                text.append(System.lineSeparator()).append(e.getKey()).append(": ").append(Faults.describe(value));
            }
        }
        Object exc = context.get("exception");
        if (exc instanceof Throwable) {
            LOG.log(Level.ERROR, text.toString(), (Throwable) exc);
        } else {
            LOG.log(Level.ERROR, text.toString());
        }
    }

    void reportCallbackFailure(Handle handle, Throwable failure) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("message", "Exception in callback " + Faults.describe(handle.callback));
        context.put("exception", failure);
        context.put("handle", handle);
        callExceptionHandler(context);
    }

    /** One iteration, as asyncio's {@code _run_once}. */
    private void runOnce() {
        drainInbox();
        long waitNanos = 0;
        if (ready.isEmpty() && !stopping) {
            if (timers.isEmpty()) {
                waitNanos = Long.MAX_VALUE;
            } else {
                double next = timers.peek().when;
                double wait = next - time();
                if (wait > 0) {
                    if (virtualTime) {
                        virtualNow = next; // I/O, as work on other threads, takes no virtual time: poll only
                    } else {
                        waitNanos = waitNanos(wait);
                    }
                }
            }
        }
        IoSelector s = io;
        if (s != null) {
            // Polled even when callbacks are ready, so busy tasks cannot starve the sockets.
            waitForIo(s, waitNanos);
            drainInbox();
        } else if (waitNanos > 0) {
            waitForWork(waitNanos);
            drainInbox();
        }
        if (!timers.isEmpty()) {
            double endTime = time() + 1e-9;
            while (!timers.isEmpty()) {
                Timed h = timers.peek();
                if (h.when >= endTime) {
                    break;
                }
                timers.poll();
                if (h instanceof Task) {
                    ((Task<?>) h).timerFired();
                } else {
                    ready.add(h);
                }
            }
        }
        int todo = ready.size();
        for (int n = todo; n > 0; n--) {
            Object next = ready.poll();
            if (stepHooks != null) {
                stepHooks.run(next);
            } else if (next instanceof Task) {
                ((Task<?>) next).stepFromLoop();
            } else {
                ((Handle) next).run();
            }
        }
        if (todo > LARGE_READY_QUEUE && ready.isEmpty()) {
            // An ArrayDeque never shrinks: after a burst (a million tasks starting at once) it would keep its
            // array, several bytes per task, for the loop's lifetime.
            ready = new ArrayDeque<>();
        }
    }

    /**
     * How long the loop waits for a timer due in {@code seconds} (positive): whole milliseconds, rounded up, as
     * CPython's selectors wait, so timers due within the same millisecond fire in the same iteration, in asyncio's
     * order. At most a day, asyncio's {@code MAXIMUM_SELECT_TIMEOUT}: a farther timer ({@code sleep} of infinity,
     * {@code callLater(1e10, ...)}) costs one more iteration a day, where the product would overflow to a negative
     * wait and spin the loop.
     */
    static long waitNanos(double seconds) {
        return (long) Math.ceil(Math.min(seconds, MAX_WAIT_SECONDS) * 1e3) * 1_000_000L;
    }

    /** The longest single wait, in seconds (asyncio's {@code MAXIMUM_SELECT_TIMEOUT}). */
    private static final double MAX_WAIT_SECONDS = 24 * 3600;

    /** A ready queue longer than this is given back once it drains. */
    private static final int LARGE_READY_QUEUE = 1 << 14;

    /** Debug mode's confinement check, as asyncio's {@code _check_thread}. */
    private void checkThread() {
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            throw new IllegalStateException(
                    "Non-thread-safe operation invoked on an event loop other than the current one");
        }
    }

    private void waitForWork(long nanos) {
        // Parked until the deadline or a thread-safe call; a spurious wake-up only costs an empty iteration.
        sleeping = true;
        if (inbox.isEmpty()) {
            if (nanos == Long.MAX_VALUE) {
                LockSupport.park(this);
            } else {
                LockSupport.parkNanos(this, nanos);
            }
        }
        sleeping = false;
    }

    /** The select, with I/O events going to the ready queue; a poll when {@code nanos} is 0. */
    private void waitForIo(IoSelector s, long nanos) {
        if (nanos == 0) {
            s.select(0);
            return;
        }
        sleeping = true;
        s.select(inbox.isEmpty() ? nanos : 0);
        sleeping = false;
    }

    /** A channel's handle is ready (see {@link IoSelector}). */
    void readyHandle(Handle h) {
        ready.add(h);
    }

    private void drainInbox() {
        if (!inboxPending) {
            return; // one volatile read per iteration instead of polling the concurrent queue
        }
        inboxPending = false;
        // A bounded batch, as Netty bounds its task processing per iteration: draining until empty never ends
        // while other threads post faster than the loop runs their callbacks, and due timers and I/O would wait
        // for ever. What is left waits for the next drain, in order; the flag stays up so that no wait blocks.
        for (int n = INBOX_BATCH; n > 0; n--) {
            Handle h = inbox.poll();
            if (h == null) {
                return;
            }
            ready.add(h);
        }
        if (!inbox.isEmpty()) {
            inboxPending = true;
        }
    }

    /**
     * How many thread-safe calls join the ready queue per drain (two drains an iteration): enough to make the
     * per-iteration cost (a clock read, a poll of the selector) negligible, few enough to keep a timer's lateness
     * to a few thousand callbacks however fast other threads post. The inbox itself is unbounded, as asyncio's:
     * producers that outpace the loop for ever make it grow, and need their own back-pressure (await the futures
     * of {@code runCoroutineThreadsafe}, or a bounded hand-off).
     */
    private static final int INBOX_BATCH = 1024;

    private void checkClosed() {
        if (closed) {
            throw new IllegalStateException("Event loop is closed");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Tasks

    /** asyncio's {@code ensure_future(aw, loop=self)}: a future of another loop is refused, never waited for. */
    <T> Future<T> ensureFuture(Awaitable<T> awaitable) {
        if (awaitable instanceof Future) {
            return LoopCheck.sameLoop((Future<T>) awaitable, this);
        }
        if (awaitable instanceof Coroutine) {
            return createTask((Coroutine<T>) awaitable);
        }
        throw new IllegalArgumentException("An asyncio.Future, a coroutine or an awaitable is required, got "
                + awaitable);
    }

    void taskStarted(Task<?> task) {
        task.nextLive = liveHead;
        if (liveHead != null) {
            liveHead.prevLive = task;
        }
        liveHead = task;
        liveCount++;
        if (stepHooks != null || Context.used) {
            hooks().taskCreated(task);
        }
    }

    void taskFinished(Task<?> task) {
        Task<?> prev = task.prevLive;
        Task<?> next = task.nextLive;
        if (prev != null) {
            prev.nextLive = next;
        } else if (liveHead == task) {
            liveHead = next;
        } else {
            return; // not in the list
        }
        if (next != null) {
            next.prevLive = prev;
        }
        task.prevLive = null;
        task.nextLive = null;
        liveCount--;
        if (hooks != null) {
            hooks.taskFinished(task);
        }
    }

    /** The tasks of this loop that are not done, oldest first. */
    Set<Task<?>> liveTasks() {
        Task<?>[] all = new Task<?>[liveCount];
        int i = liveCount;
        for (Task<?> t = liveHead; t != null; t = t.nextLive) {
            all[--i] = t;
        }
        Set<Task<?>> out = new LinkedHashSet<>();
        for (Task<?> t : all) {
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** How many timers are scheduled, cancelled ones not yet dropped included (for tests and diagnostics). */
    int scheduledTimerCount() {
        return timers.size();
    }

    int liveTaskCount() {
        return liveCount;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Developer tools: task trees, traces, contexts

    /**
     * A snapshot of the live tasks: what each awaits, where it is suspended, who awaits it. On the loop's thread,
     * or while the loop is not running ({@link IllegalStateException} otherwise: its tasks are not thread-safe).
     */
    public TaskTree taskTree() {
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            throw new IllegalStateException("taskTree() is for the loop's thread; from others, use its MBean");
        }
        return TaskGraph.snapshot(this, liveTasks(), hooks == null ? null : hooks.sites());
    }

    /**
     * Starts recording the schedule: every task step, await, callback and timer, and the idle time between them,
     * until {@link #stopTrace(Path)}. Costs nothing until called; while on, a few hundred bytes per step.
     */
    public void startTrace() {
        hooks().startTrace();
    }

    /**
     * Stops recording and writes the trace to {@code file} as Chrome trace-event JSON, which
     * <a href="https://ui.perfetto.dev">Perfetto</a> opens; may be called after the loop is closed. Returns the
     * number of events written.
     */
    public int stopTrace(Path file) throws IOException {
        return hooks().stopTrace().write(file);
    }

    /** Whether {@link #startTrace()} is recording. */
    public boolean isTracing() {
        return hooks != null && hooks.tracing();
    }

    /**
     * Makes {@code local} follow tasks as a {@link ContextVar} does: each task step runs with the value the task
     * had at the end of its previous step (at first, its creator's value when it was created), and the thread's
     * own value is put back after the step. For state a library keeps in a {@code ThreadLocal}.
     */
    public <T> void addThreadLocalBridge(ThreadLocal<T> local) {
        Objects.requireNonNull(local, "local");
        addContextBridge(local::get, v -> {
            if (v == null) {
                local.remove();
            } else {
                local.set(v);
            }
        });
    }

    /**
     * {@link #addThreadLocalBridge} for state reached through an API: {@code capture} reads the current thread's
     * state, {@code restore} installs one (null: none). For SLF4J's MDC:
     * {@code addContextBridge(MDC::getCopyOfContextMap, m -> { if (m == null) MDC.clear(); else MDC.setContextMap(m); })}.
     */
    public <S> void addContextBridge(Supplier<S> capture, Consumer<S> restore) {
        hooks().contexts.addBridge(Objects.requireNonNull(capture, "capture"), Objects.requireNonNull(restore, "restore"));
    }

    LoopHooks hooks() {
        LoopHooks h = hooks;
        if (h == null) {
            h = new LoopHooks(this);
            hooks = h;
        }
        return h;
    }

    /** See {@link FailureReports}; from the loop's thread or the cleaner's. */
    synchronized FailureReports failureReports() {
        FailureReports r = failureReports;
        if (r == null) {
            r = new FailureReports();
            failureReports = r;
        }
        return r;
    }

    /** The hooks if anything created them, else null (never creates them). */
    LoopHooks existingHooks() {
        return hooks;
    }

    void updateStepHooks() {
        LoopHooks h = debug ? hooks() : hooks;
        stepHooks = h != null && h.active() ? h : null;
    }

    /** Where {@code task} was created (debug mode), oldest frame first; null if unknown. */
    List<StackTraceElement> creationSite(Task<?> task) {
        return hooks == null ? null : hooks.site(task);
    }

    /** {@code loop-N}: the loop's name in JMX and traces. */
    String name() {
        if (number == 0) {
            number = LOOP_NUMBERS.incrementAndGet();
        }
        return "loop-" + number;
    }

    Thread runningThread() {
        return thread;
    }

    @Override
    public String toString() {
        return "<EventLoop running=" + isRunning() + " closed=" + closed + " debug=" + debug + ">";
    }
}
