package dev.jasyncio;

import dev.jasyncio.internal.AsyncFrame;
import dev.jasyncio.internal.AsyncSupport;
import dev.jasyncio.internal.Interruption;
import dev.jasyncio.internal.Uninstrumented;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * asyncio's module-level functions: run a program, await, sleep, create and combine tasks.
 *
 * <p>Use with {@code import static dev.jasyncio.Asyncio.*;}. Functions that need a loop use the one running on the
 * calling thread and raise {@link IllegalStateException} ("no running event loop") when there is none.
 */
public final class Asyncio {

    private static final System.Logger LOG = System.getLogger("dev.jasyncio");
    /** How long {@link #run} waits for the default executor's threads, as asyncio's {@code THREAD_JOIN_TIMEOUT}. */
    private static final double EXECUTOR_JOIN_TIMEOUT = 300;

    private Asyncio() {
    }

    // ---------------------------------------------------------------------------------------------------------
    // Running a program

    /**
     * Runs {@code main} on a new event loop and returns its result (or throws its exception), as
     * {@code asyncio.run}: when {@code main} is done, the tasks still pending are cancelled and run until they
     * finish (their {@code finally} blocks run), then the loop is closed.
     *
     * <p>Ctrl-C, as {@code asyncio.Runner}: on the main thread, SIGINT or SIGTERM during the run cancels the main
     * task, whose {@code finally} blocks run and may await; then the leftover tasks are cancelled, the loop closed,
     * and {@link KeyboardInterrupt} thrown (a program that lets it escape exits with status 130, or 143 for SIGTERM).
     * A second signal meanwhile ends the process at once. The signal handlers in place before are restored when the
     * run ends. {@code -Djasyncio.signals=off} leaves signals alone.
     */
    public static <T> T run(Coroutine<T> main) {
        return run(main, EventLoop::new);
    }

    /**
     * {@link #run(Coroutine)} on a loop made by {@code loopFactory}, as {@code asyncio.run(main, loop_factory=)}
     * (for instance {@link EventLoop#withVirtualTime()} in tests).
     */
    public static <T> T run(Coroutine<T> main, Supplier<EventLoop> loopFactory) {
        if (EventLoop.running() != null) {
            reportNeverAwaited(main);
            throw new IllegalStateException("Asyncio.run() cannot be called from a running event loop");
        }
        if (main == null) {
            throw new IllegalArgumentException("a coroutine was expected, got null");
        }
        EventLoop loop = loopFactory.get();
        Interruption interruption = null;
        try {
            Task<T> task = loop.createTask(main);
            interruption = Interruption.watch(loop, task);
            try {
                return loop.runUntilComplete(task);
            } catch (CancelledError e) {
                // asyncio.Runner: cancelled by the signal, unless the task withdrew that cancellation itself
                if (interruption.signalled() && task.uncancel() == 0) {
                    throw interruption.interrupted(e);
                }
                throw e;
            }
        } finally {
            try {
                cancelAllTasks(loop);
            } finally {
                try {
                    loop.close();
                } finally {
                    if (interruption != null) {
                        interruption.close();
                    }
                }
            }
        }
    }

    /** asyncio's {@code _cancel_all_tasks}, then the default executor's shutdown, as {@code Runner.close}. */
    static void cancelAllTasks(EventLoop loop) {
        Set<Task<?>> left = loop.liveTasks();
        if (!left.isEmpty()) {
            for (Task<?> t : left) {
                t.cancel();
            }
            List<Task<?>> tasks = new ArrayList<>(left);
            loop.runUntilComplete(Gathering.of(tasks, true));
            for (Task<?> t : tasks) {
                if (t.cancelled()) {
                    continue;
                }
                Throwable e = t.exception();
                if (e != null) {
                    Map<String, Object> context = new LinkedHashMap<>();
                    context.put("message", "unhandled exception during Asyncio.run() shutdown");
                    context.put("exception", e);
                    context.put("task", t);
                    loop.callExceptionHandler(context);
                }
            }
        }
        loop.runUntilComplete(loop.shutdownDefaultExecutor(EXECUTOR_JOIN_TIMEOUT));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Awaiting

    /**
     * Suspends the current coroutine until {@code awaitable} is done, then returns its result or throws its
     * exception, unchanged. Only valid inside an {@code @Async} method or an async lambda: the build rewrites each
     * call. Reaching this method at run time means the calling class was not instrumented.
     */
    public static <T> T await(Awaitable<T> awaitable) {
        throw AsyncSupport.notInstrumented(caller());
    }

    /**
     * Suspends the current coroutine until {@code stage} completes (on any thread); the coroutine resumes on the
     * loop's thread with its value or its original failure.
     */
    public static <T> T await(CompletionStage<T> stage) {
        throw AsyncSupport.notInstrumented(caller());
    }

    private static String caller() {
        return StackWalker.getInstance().walk(s -> s.skip(2).findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName()
                        + (f.getFileName() != null ? " (" + f.getFileName() + ":" + f.getLineNumber() + ")" : ""))
                .orElse("an unknown method"));
    }

    /**
     * Suspends the current task for {@code seconds}; {@code sleep(0)}, or any delay of zero or less, yields to the
     * loop once. Infinity sleeps until cancelled, the loop parked meanwhile; NaN fails at the await with
     * {@link IllegalArgumentException} (asyncio's {@code ValueError}).
     */
    public static Coroutine<Void> sleep(double seconds) {
        return new Sleep<>(seconds, null);
    }

    /** Suspends for {@code seconds}, then produces {@code result}. */
    public static <T> Coroutine<T> sleep(double seconds, T result) {
        return new Sleep<>(seconds, result);
    }

    /** Suspends the current task for {@code duration}. */
    public static Coroutine<Void> sleep(Duration duration) {
        return new Sleep<>(duration.toNanos() / 1e9, null);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Tasks

    /** Wraps {@code coro} in a task on the running loop; it starts on the loop's next iteration. */
    public static <T> Task<T> createTask(Coroutine<T> coro) {
        return createTask(coro, null);
    }

    /** Wraps {@code coro} in a task named {@code name} on the running loop. */
    public static <T> Task<T> createTask(Coroutine<T> coro, String name) {
        EventLoop loop = EventLoop.running();
        if (loop == null) {
            throw noLoopFor(coro);
        }
        return loop.createTask(coro, name);
    }

    /**
     * Wraps {@code coro} in a task named {@code name} on the running loop, running in {@code context} itself rather
     * than in a copy of the current context (asyncio's {@code create_task(coro, context=ctx)}).
     */
    public static <T> Task<T> createTask(Coroutine<T> coro, String name, Context context) {
        EventLoop loop = EventLoop.running();
        if (loop == null) {
            throw noLoopFor(coro);
        }
        return loop.createTask(coro, name, context);
    }

    /** A future for {@code awaitable}: itself if it is a future, a new task if it is a coroutine. */
    public static <T> Future<T> ensureFuture(Awaitable<T> awaitable) {
        if (awaitable instanceof Future) {
            return (Future<T>) awaitable;
        }
        EventLoop loop = EventLoop.running();
        if (loop == null && awaitable instanceof Coroutine) {
            throw noLoopFor((Coroutine<?>) awaitable);
        }
        return EventLoop.requireRunning().ensureFuture(awaitable);
    }

    /** The running loop; {@link IllegalStateException} "no running event loop" if none runs on this thread. */
    public static EventLoop getRunningLoop() {
        return EventLoop.requireRunning();
    }

    /** The task running now, or null outside a task. Needs a running loop. */
    public static Task<?> currentTask() {
        return EventLoop.requireRunning().currentTask;
    }

    /** The tasks of the running loop that are not done yet. */
    public static Set<Task<?>> allTasks() {
        return EventLoop.requireRunning().liveTasks();
    }

    /** The tasks of {@code loop} that are not done yet ({@code asyncio.all_tasks(loop)}). */
    public static Set<Task<?>> allTasks(EventLoop loop) {
        return loop.liveTasks();
    }

    /** A snapshot of the running loop's tasks: see {@link TaskTree}. */
    public static TaskTree taskTree() {
        return EventLoop.requireRunning().taskTree();
    }

    /** Prints the running loop's {@link TaskTree} to {@link System#out}. */
    public static void printTaskTree() {
        printTaskTree(System.out);
    }

    /** Prints the running loop's {@link TaskTree} to {@code out}. */
    public static void printTaskTree(PrintStream out) {
        out.print(taskTree().format());
        out.flush();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Combinators

    /**
     * Runs the awaitables concurrently (coroutines are wrapped in tasks) and produces their results in argument
     * order. The first failure is raised at once; the others keep running. Cancelling the returned future cancels
     * them all.
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array leaves only as a list Gathering reads and never stores into
    public static <T> Future<List<T>> gather(Awaitable<? extends T>... awaitables) {
        return Gathering.of(Arrays.asList(awaitables), false);
    }

    /** {@link #gather(Awaitable[])} over a list. */
    public static <T> Future<List<T>> gather(List<? extends Awaitable<? extends T>> awaitables) {
        return Gathering.of(awaitables, false);
    }

    /**
     * {@link #gather(Awaitable[])}; with {@code returnExceptions}, failures are results in their place in the list
     * instead of being raised.
     */
    public static Future<List<Object>> gather(List<? extends Awaitable<?>> awaitables, boolean returnExceptions) {
        return Gathering.of(awaitables, returnExceptions);
    }

    /**
     * Waits for the futures until {@code when} is satisfied or {@code timeout} seconds have passed (infinity: no
     * limit), and produces the futures done and pending then: the very objects passed in. Raises no
     * {@link TimeoutError} and cancels nothing. {@link IllegalArgumentException} for an empty collection.
     */
    public static <T> Coroutine<WaitResult<T>> wait(Collection<? extends Future<T>> fs, double timeout,
                                                    ReturnWhen when) {
        return Waiting.of(fs, timeout, when);
    }

    /** {@code wait(fs, infinity, ALL_COMPLETED)}. */
    public static <T> Coroutine<WaitResult<T>> wait(Collection<? extends Future<T>> fs) {
        return Waiting.of(fs, Double.POSITIVE_INFINITY, ReturnWhen.ALL_COMPLETED);
    }

    /** {@code wait(fs, infinity, when)}. */
    public static <T> Coroutine<WaitResult<T>> wait(Collection<? extends Future<T>> fs, ReturnWhen when) {
        return Waiting.of(fs, Double.POSITIVE_INFINITY, when);
    }

    /** {@code wait(fs, timeout, ALL_COMPLETED)}. */
    public static <T> Coroutine<WaitResult<T>> wait(Collection<? extends Future<T>> fs, double timeout) {
        return Waiting.of(fs, timeout, ReturnWhen.ALL_COMPLETED);
    }

    /**
     * Awaits {@code aw} for at most {@code timeoutSeconds} (infinity: no limit), as asyncio 3.13's
     * {@code wait_for}: a coroutine runs inline in the current task under a {@link #timeout} scope; on expiry the
     * awaited work is cancelled and waited for, then {@link TimeoutError} (caused by the {@link CancelledError})
     * is raised, unless the work swallowed the cancellation and produced a value, which is then the result.
     */
    public static <T> Coroutine<T> waitFor(Awaitable<T> aw, double timeoutSeconds) {
        if (timeoutSeconds <= 0) {
            return ExpiredWait.waitFor(aw);
        }
        return TimeoutScope.timeout(timeoutSeconds, true, t -> aw);
    }

    /** {@link #waitFor(Awaitable, double)} with a {@link Duration}. */
    public static <T> Coroutine<T> waitFor(Awaitable<T> aw, Duration timeout) {
        return waitFor(aw, seconds(timeout));
    }

    /**
     * {@link #waitFor(Awaitable, double)} for a {@link CompletionStage} completed on any thread (an
     * {@code HttpClient.sendAsync} call, say): asyncio's {@code wait_for(wrap_future(stage), timeout)}. The stage is
     * wrapped when the coroutine starts, on the loop's thread; on expiry the wrapping future is cancelled, which
     * cancels the stage when it is a {@link java.util.concurrent.Future} (see {@link #wrapFuture(CompletionStage)}).
     */
    public static <T> Coroutine<T> waitFor(CompletionStage<T> stage, double timeoutSeconds) {
        Objects.requireNonNull(stage, "stage");
        return StageWait.waitFor(stage, timeoutSeconds);
    }

    /** {@link #waitFor(CompletionStage, double)} with a {@link Duration}. */
    public static <T> Coroutine<T> waitFor(CompletionStage<T> stage, Duration timeout) {
        return waitFor(stage, seconds(timeout));
    }

    /**
     * Runs {@code body} inline with a deadline {@code seconds} after it starts (infinity: none), as
     * {@code async with asyncio.timeout(seconds)}: on expiry the body is cancelled at its current await and the
     * scope raises {@link TimeoutError}, caused by the {@link CancelledError}. The body gets the {@link Timeout}
     * to read or move the deadline.
     */
    public static <T> Coroutine<T> timeout(double seconds, AsyncFunction<Timeout, T> body) {
        Objects.requireNonNull(body, "body");
        return TimeoutScope.timeout(seconds, true, t -> AsyncBodies.call(body, t));
    }

    /**
     * {@code asyncio.timeout(seconds)} as a resource: {@code try (Timeout t = timeout(2.0)) { ... }} in an async
     * body raises {@link TimeoutError} at the block's end if the deadline, {@code seconds} from now (infinity:
     * none), passed while it ran. Needs a running loop.
     */
    public static Timeout timeout(double seconds) {
        EventLoop loop = getRunningLoop();
        return new Timeout(seconds == Double.POSITIVE_INFINITY ? seconds : loop.time() + seconds);
    }

    /** {@code asyncio.timeout_at(when)} as a resource: {@link #timeout(double)} with a deadline in loop time. */
    public static Timeout timeoutAt(double when) {
        return new Timeout(when);
    }

    /** {@link #timeout(double, AsyncFunction)} with a {@link Duration}. */
    public static <T> Coroutine<T> timeout(Duration timeout, AsyncFunction<Timeout, T> body) {
        return timeout(seconds(timeout), body);
    }

    /** {@link #timeout(double, AsyncFunction)} with a deadline in loop time ({@link EventLoop#time()}). */
    public static <T> Coroutine<T> timeoutAt(double when, AsyncFunction<Timeout, T> body) {
        Objects.requireNonNull(body, "body");
        return TimeoutScope.timeout(when, false, t -> AsyncBodies.call(body, t));
    }

    /**
     * Starts the awaitables (coroutines become tasks) and returns an iterable of coroutines, each producing the
     * result of the next one to finish: {@code for (Awaitable<T> next : asCompleted(aws)) { T r = await(next); }}.
     */
    public static <T> Iterable<Awaitable<T>> asCompleted(Collection<? extends Awaitable<? extends T>> aws) {
        return new AsCompleted<>(aws, Double.POSITIVE_INFINITY);
    }

    /** {@link #asCompleted(Collection)}; the elements raise {@link TimeoutError} once {@code timeout} has passed. */
    public static <T> Iterable<Awaitable<T>> asCompleted(Collection<? extends Awaitable<? extends T>> aws,
                                                         double timeout) {
        return new AsCompleted<>(aws, timeout);
    }

    /**
     * Runs {@code body} with a new {@link TaskGroup} and waits for all the tasks it creates; produces the body's
     * value. The first failing task cancels the others and the body; all failures are raised together as an
     * {@link ExceptionGroup}.
     */
    public static <T> Coroutine<T> taskGroup(AsyncFunction<TaskGroup, T> body) {
        Objects.requireNonNull(body, "body");
        return TaskGroupScope.taskGroup(body);
    }

    /**
     * {@code async for x in source}: in an async body, {@code for (T x : aiter(source)) { ... }} awaits each step of
     * the source; leaving the loop early (break, return, an exception) closes an async generator source. Outside an
     * async body the build refuses it.
     */
    public static <T> Iterable<T> aiter(AsyncIterable<T> source) {
        Objects.requireNonNull(source, "source");
        return new AsyncFor<>(source);
    }

    /**
     * Python's {@code yield} in an {@code async def}: in the body of an {@code @Async} method returning
     * {@link AsyncGenerator}, {@code await(emit(v))} hands {@code v} to the consumer and resumes when the next
     * element is asked for (with {@link GeneratorExit} if the generator is closed instead).
     */
    public static <T> Coroutine<Void> emit(T value) {
        return new Generator.EmitFrame(null, value);
    }

    /**
     * An async generator without a method: {@code generate(out -> { ... await(out.emit(v)); ... return
     * Coroutine.of(null); })}, Kotlin's {@code flow { }}. The body runs on demand, one element at a time, in the
     * consumer's task.
     */
    public static <T> AsyncGenerator<T> generate(AsyncFunction<Emitter<T>, Void> body) {
        Objects.requireNonNull(body, "body");
        return Generator.building(body);
    }

    /**
     * {@code asyncio.TaskGroup()} as a resource: {@code try (TaskGroup tg = taskGroup()) { tg.createTask(...); }} in
     * an async body waits at the block's end for every task created in it; failures come out as one
     * {@link ExceptionGroup}.
     */
    public static TaskGroup taskGroup() {
        return new TaskGroup();
    }

    /**
     * Protects {@code aw} from cancellation: the returned future follows it, and cancelling the future (or the
     * task awaiting it) leaves {@code aw} running.
     */
    public static <T> Future<T> shield(Awaitable<T> aw) {
        return Shield.of(aw);
    }

    /**
     * asyncio's {@code wrap_future}: a {@link Future} of the running loop that follows {@code stage}, completed on
     * any thread, so that {@code gather}, {@code wait}, {@code shield} and {@code asCompleted} take it like any other
     * future. The outcome arrives through {@link EventLoop#callSoonThreadsafe(Runnable)}, so the future is done on a
     * later loop iteration even when the stage is complete already. Cancellation goes both ways: cancelling the
     * future cancels the stage when it is a {@link java.util.concurrent.Future} (a {@link CompletableFuture}, for
     * instance; {@code cancel(true)}, which {@code HttpClient} takes as "abort the exchange"), and a stage that ends
     * cancelled cancels the future. {@link IllegalStateException} "no running event loop" if there is none.
     */
    public static <T> Future<T> wrapFuture(CompletionStage<T> stage) {
        Objects.requireNonNull(stage, "stage");
        return StageBridge.toFuture(stage, EventLoop.requireRunning());
    }

    /** {@link #wrapFuture(CompletionStage)} on {@code loop}, from its thread ({@code wrap_future(f, loop=loop)}). */
    public static <T> Future<T> wrapFuture(CompletionStage<T> stage, EventLoop loop) {
        Objects.requireNonNull(stage, "stage");
        return StageBridge.toFuture(stage, Objects.requireNonNull(loop, "loop"));
    }

    /** Runs {@code fn} on the loop's default thread pool when awaited, and produces its result. */
    public static <T> Coroutine<T> toThread(Callable<T> fn) {
        Objects.requireNonNull(fn, "fn");
        return ThreadBridge.toThread(fn);
    }

    /**
     * From any thread: runs {@code coro} as a task on {@code loop} and returns a future of its outcome;
     * cancelling that future cancels the task.
     */
    public static <T> CompletableFuture<T> runCoroutineThreadsafe(Coroutine<T> coro, EventLoop loop) {
        Objects.requireNonNull(coro, "coro");
        return ThreadBridge.runCoroutineThreadsafe(coro, loop);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Streams and subprocesses (dev.jasyncio.streams)

    /**
     * asyncio's {@code open_connection}: connects to {@code host:port} and returns the reader and writer
     * ({@link dev.jasyncio.streams.StreamPair}, Python's tuple). A refused connection is thrown at the await.
     */
    public static Coroutine<dev.jasyncio.streams.StreamPair> openConnection(String host, int port)
            throws java.io.IOException {
        return dev.jasyncio.streams.Streams.openConnection(host, port);
    }

    /**
     * asyncio's {@code start_server}: listens on {@code host:port} (port 0: any free port) and runs
     * {@code handler} as a task for each connection.
     */
    public static Coroutine<dev.jasyncio.streams.Server> startServer(dev.jasyncio.streams.ConnectionHandler handler,
                                                                      String host, int port)
            throws java.io.IOException {
        return dev.jasyncio.streams.Streams.startServer(handler, host, port);
    }

    /**
     * {@code start_server(cb, host, port, limit=n)}: {@link #startServer(dev.jasyncio.streams.ConnectionHandler,
     * String, int)} whose readers hold at most {@code limit} bytes (a longer line fails {@code readline}).
     */
    public static Coroutine<dev.jasyncio.streams.Server> startServer(dev.jasyncio.streams.ConnectionHandler handler,
                                                                      String host, int port, int limit)
            throws java.io.IOException {
        return dev.jasyncio.streams.Streams.startServer(handler, host, port, limit);
    }

    /**
     * asyncio's {@code open_connection(host, port, ssl=ctx)}: connects over TLS, checking the server's certificate
     * against {@code host} (SNI and HTTPS endpoint identification); a failed handshake is thrown at the await as
     * {@link javax.net.ssl.SSLHandshakeException}. Other server names and the handshake timeout:
     * {@link dev.jasyncio.streams.Streams#openConnection(String, int, javax.net.ssl.SSLContext, String, double)}.
     */
    public static Coroutine<dev.jasyncio.streams.StreamPair> openConnection(String host, int port,
                                                                             javax.net.ssl.SSLContext ssl)
            throws java.io.IOException {
        return dev.jasyncio.streams.Streams.openConnection(host, port, ssl);
    }

    /**
     * asyncio's {@code start_server(cb, host, port, ssl=ctx)}: serves each connection over TLS, the handler
     * starting once its handshake is done.
     */
    public static Coroutine<dev.jasyncio.streams.Server> startServer(dev.jasyncio.streams.ConnectionHandler handler,
                                                                      String host, int port,
                                                                      javax.net.ssl.SSLContext ssl)
            throws java.io.IOException {
        return dev.jasyncio.streams.Streams.startServer(handler, host, port, ssl);
    }

    /** asyncio's {@code open_unix_connection}: connects to the Unix domain socket at {@code path}. */
    public static Coroutine<dev.jasyncio.streams.StreamPair> openUnixConnection(java.nio.file.Path path)
            throws java.io.IOException {
        return dev.jasyncio.streams.Streams.openUnixConnection(path);
    }

    /**
     * asyncio's {@code start_unix_server}: listens on a Unix domain socket at {@code path}; closing the server
     * removes the socket file (asyncio 3.13's {@code cleanup_socket}).
     */
    public static Coroutine<dev.jasyncio.streams.Server> startUnixServer(
            dev.jasyncio.streams.ConnectionHandler handler, java.nio.file.Path path) throws java.io.IOException {
        return dev.jasyncio.streams.Streams.startUnixServer(handler, path);
    }

    /** asyncio's {@code create_subprocess_exec}: stdin, stdout and stderr inherited, as asyncio's defaults. */
    public static Coroutine<dev.jasyncio.streams.Subprocess> createSubprocessExec(String... args)
            throws java.io.IOException {
        return dev.jasyncio.streams.Streams.createSubprocessExec(args);
    }

    /**
     * asyncio's {@code create_subprocess_exec(*args, stdin=, stdout=, stderr=)}: the streams redirected as
     * {@code stdio} says, e.g. {@code Stdio.inherit().stdout(PIPE)}.
     */
    public static Coroutine<dev.jasyncio.streams.Subprocess> createSubprocessExec(dev.jasyncio.streams.Stdio stdio,
                                                                                 String... args)
            throws java.io.IOException {
        return dev.jasyncio.streams.Streams.createSubprocessExec(stdio, args);
    }

    /** asyncio's {@code create_subprocess_shell}: stdin, stdout and stderr inherited, as asyncio's defaults. */
    public static Coroutine<dev.jasyncio.streams.Subprocess> createSubprocessShell(String cmd)
            throws java.io.IOException {
        return dev.jasyncio.streams.Streams.createSubprocessShell(cmd);
    }

    /** asyncio's {@code create_subprocess_shell(cmd, stdin=, stdout=, stderr=)}: streams as {@code stdio} says. */
    public static Coroutine<dev.jasyncio.streams.Subprocess> createSubprocessShell(dev.jasyncio.streams.Stdio stdio,
                                                                                  String cmd)
            throws java.io.IOException {
        return dev.jasyncio.streams.Streams.createSubprocessShell(stdio, cmd);
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * The refusal of {@code coro} for want of a running loop. When an uninstrumented {@code @Async} body made the
     * call, that is the error to report, and the coroutine it was about to schedule is only a symptom: no warning.
     */
    private static IllegalStateException noLoopFor(Coroutine<?> coro) {
        IllegalStateException notInstrumented = Uninstrumented.error("no running event loop");
        if (notInstrumented != null) {
            return notInstrumented;
        }
        reportNeverAwaited(coro);
        return new IllegalStateException("no running event loop");
    }

    /**
     * asyncio's RuntimeWarning for a coroutine dropped without being awaited. Given where the runtime refuses a
     * coroutine (no loop, a closed loop), not when one is collected: watching every coroutine would cost a
     * registration per async call.
     */
    static void reportNeverAwaited(Coroutine<?> coro) {
        if (coro instanceof AsyncFrame && ((AsyncFrame<?>) coro).state == AsyncFrame.FRESH) {
            LOG.log(System.Logger.Level.WARNING,
                    "coroutine '" + ((AsyncFrame<?>) coro).coroutineName() + "' was never awaited");
        }
    }
}
