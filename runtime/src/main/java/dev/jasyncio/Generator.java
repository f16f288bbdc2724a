package dev.jasyncio;

import dev.jasyncio.internal.AsyncFrame;
import dev.jasyncio.internal.AsyncSupport;
import dev.jasyncio.internal.UnawaitedCoroutines;

import java.util.NoSuchElementException;

/**
 * The async generator behind {@link AsyncGenerator}: its body is a coroutine run in the consumer's task, one step
 * per element, by a single {@link Step} frame reused for every step, so iterating allocates nothing per element.
 *
 * <p>A step ({@link #hasNext()}) is a coroutine the consumer awaits: it resumes the body where it is suspended at
 * its last {@code emit} (or starts it), inline on the consumer's stack. When the body emits, the emitting frame
 * records the value and suspends, and marks the step as the frame the task continues with
 * ({@code loop.pendingStart}); the step then produces {@code true}: inline when it is on the stack, or resumed by
 * the task when the body had suspended for real in between (a sleep, a read) and the task resumed it later. When
 * the body ends, the step produces {@code false}; when it fails, the step fails with its failure.
 *
 * @param <T> the elements' type
 */
final class Generator<T> extends AsyncGenerator<T> implements AsyncIterator<T> {

    /** The body, fresh until the first step; null for a builder until it is called. */
    private AsyncFrame<?> body;
    /** The builder's body, called at the first step; null for a generator method. */
    private final AsyncFunction<Emitter<T>, Void> builder;
    /** The frame suspended at an emit (where the next step resumes), or null. */
    AsyncFrame<?> suspended;
    private Object current;
    private boolean hasCurrent;
    boolean emitted;
    private boolean finished;
    private boolean closing;
    private final Step step = new Step();

    private Generator(AsyncFrame<?> body, AsyncFunction<Emitter<T>, Void> builder) {
        this.body = body;
        this.builder = builder;
    }

    /** The generator of an {@code @Async} method returning {@code AsyncGenerator}: {@code body} is its frame. */
    static <T> Generator<T> of(AsyncFrame<?> body) {
        return new Generator<>(body, null);
    }

    /** {@code generate(body)}. */
    static <T> Generator<T> building(AsyncFunction<Emitter<T>, Void> builder) {
        return new Generator<>(null, builder);
    }

    static <T> Generator<T> finished() {
        Generator<T> g = new Generator<>(null, null);
        g.finished = true;
        return g;
    }

    @Override
    public AsyncIterator<T> asyncIterator() {
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Coroutine<Boolean> hasNext() {
        return (Coroutine<Boolean>) step.begin(false);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasCurrent) {
            throw new NoSuchElementException("no element: await hasNext() first");
        }
        return (T) current;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Coroutine<Void> aclose() {
        return (Coroutine<Void>) step.begin(true);
    }

    /** An emit by {@code frame} (suspending there): records the value; the task continues with the step. */
    Object emit(Object value, AsyncFrame<?> frame) {
        if (step.state != AsyncFrame.RUNNING || emitted) {
            throw new IllegalStateException("emit outside a step of its async generator");
        }
        if (closing) {
            throw new IllegalStateException("async generator ignored GeneratorExit: it emitted while being closed");
        }
        current = value;
        hasCurrent = true;
        emitted = true;
        suspended = frame;
        frame.task.loop.pendingStart = step;
        return AsyncSupport.SUSPENDED;
    }

    /** The generator whose step is {@code frame}'s caller, for an emit in the body itself; null if none. */
    static Generator<?> ofBody(AsyncFrame<?> frame) {
        return frame != null && frame.caller instanceof Generator<?>.Step ? ((Generator<?>.Step) frame.caller).generator() : null;
    }

    @Override
    public String toString() {
        return "<async_generator " + (body != null ? body.coroutineName() : "generate") + ">";
    }

    /** One step of the generator, or its close: the frame the consumer awaits. */
    final class Step extends AsyncFrame<Object> {

        Generator<T> generator() {
            return Generator.this;
        }

        AsyncFrame<?> begin(boolean close) {
            if (state == RUNNING) {
                throw new IllegalStateException((close ? "aclose()" : "hasNext()")
                        + ": asynchronous generator is already running");
            }
            state = FRESH;
            label = 0;
            closing = close;
            return this;
        }

        @Override
        public Object resume(Object value, Throwable error) {
            if (label != 0) {
                // The task resumed us: after an emit (pendingStart), or as the body's caller when it ended.
                return emitted ? emittedStep() : ended(value, error);
            }
            label = 1;
            hasCurrent = false;
            current = null;
            if (finished) {
                return closing ? null : Boolean.FALSE;
            }
            AsyncFrame<?> cur = suspended;
            Throwable in = null;
            if (cur != null) {
                suspended = null;
                in = closing ? new GeneratorExit() : null;
            } else if (closing) {
                // Never started: it just ends, without running any of the body.
                finished = true;
                if (body != null && body.state == FRESH) {
                    body.state = DONE;
                }
                return null;
            } else {
                try {
                    cur = start();
                } catch (Throwable t) {
                    return ended(null, t);
                }
            }
            return run(cur, null, in);
        }

        private AsyncFrame<?> start() throws Throwable {
            if (body == null) {
                body = (AsyncFrame<?>) builder.apply(Generator.this::emitter);
            }
            AsyncFrame<?> b = body;
            if (b.state != FRESH) {
                throw new IllegalStateException("cannot reuse already awaited coroutine " + b);
            }
            b.state = RUNNING;
            if (UnawaitedCoroutines.ENABLED) {
                UnawaitedCoroutines.started(b);
            }
            b.task = task;
            b.caller = this;
            return b;
        }

        /** Runs the generator's chain from {@code cur} until it emits, suspends for real, or the body ends. */
        private Object run(AsyncFrame<?> cur, Object value, Throwable error) {
            while (true) {
                Object r;
                Throwable thrown = null;
                try {
                    r = cur.resume(value, error);
                } catch (Throwable t) {
                    r = null;
                    thrown = t;
                }
                if (thrown == null && r == AsyncSupport.SUSPENDED) {
                    if (emitted) {
                        if (task.loop.pendingStart == this) {
                            task.loop.pendingStart = null;
                        }
                        return emittedStep();
                    }
                    return r; // parked for real: the task comes back through the chain, or pendingStart
                }
                cur.state = DONE;
                if (cur == body) {
                    return ended(r, thrown);
                }
                AsyncFrame<?> caller = cur.caller;
                cur = caller;
                value = r;
                error = thrown;
            }
        }

        private Object emittedStep() {
            emitted = false;
            return Boolean.TRUE;
        }

        private Object ended(Object value, Throwable error) {
            finished = true;
            suspended = null;
            if (error != null) {
                if (closing && error instanceof GeneratorExit) {
                    return null;
                }
                throw AsyncSupport.<RuntimeException>sneaky(error);
            }
            return closing ? null : Boolean.FALSE;
        }

        @Override
        public String coroutineName() {
            return closing ? "AsyncGenerator.aclose" : "AsyncGenerator.hasNext";
        }
    }

    private Coroutine<Void> emitter(T value) {
        return new EmitFrame(this, value);
    }

    /**
     * {@code emit(v)} as a coroutine: the builder's {@link Emitter}, or {@code Asyncio.emit} not compiled as the
     * intrinsic; emits for its generator (found from the awaiting frames when not given) and suspends until the
     * next step.
     */
    static final class EmitFrame extends AsyncFrame<Void> {
        private Generator<?> generator;
        private final Object value;

        EmitFrame(Generator<?> generator, Object value) {
            this.generator = generator;
            this.value = value;
        }

        @Override
        public Object resume(Object ignored, Throwable error) {
            if (label == 1) {
                if (error != null) {
                    throw AsyncSupport.<RuntimeException>sneaky(error);
                }
                return null;
            }
            label = 1;
            if (generator == null) {
                for (AsyncFrame<?> f = caller; f != null && generator == null; f = f.caller) {
                    generator = ofBody(f);
                }
                if (generator == null) {
                    throw new IllegalStateException("emit(value) awaited outside an async generator: it belongs in "
                            + "the body of an @Async method returning AsyncGenerator, as await(emit(value))");
                }
            }
            return generator.emit(value, this);
        }

        @Override
        public String coroutineName() {
            return "emit";
        }
    }
}
