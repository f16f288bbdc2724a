package dev.jasyncio.transformer.internal.asm;

import org.objectweb.asm.Opcodes;

/**
 * Every name the transformer knows the runtime by, in one place: the transformer never depends on the runtime's
 * classes, so it can run in a build that does not have them, and a rename is a change here only.
 */
public final class Names {

    /** The ASM API level of every visitor. */
    public static final int ASM_API = Opcodes.ASM9;

    public static final String ASYNC_ANNOTATION = "Ldev/jasyncio/annotations/Async;";
    public static final String ASYNC_ANNOTATION_INTERNAL = "dev/jasyncio/annotations/Async";
    /** Marker left on every class the transformer wrote, with the transformer's version. */
    public static final String INSTRUMENTED_MARKER = "Ldev/jasyncio/internal/Instrumented;";

    public static final String COROUTINE = "dev/jasyncio/Coroutine";
    public static final String COROUTINE_DESC = "L" + COROUTINE + ";";
    public static final String COROUTINE_OF = "of";
    public static final String COROUTINE_OF_DESC = "(Ljava/lang/Object;)Ldev/jasyncio/Coroutine;";

    public static final String ASYNCIO = "dev/jasyncio/Asyncio";
    public static final String AWAIT = "await";
    public static final String AWAIT_AWAITABLE_DESC = "(Ldev/jasyncio/Awaitable;)Ljava/lang/Object;";
    public static final String AWAIT_STAGE_DESC = "(Ljava/util/concurrent/CompletionStage;)Ljava/lang/Object;";

    public static final String ASYNC_FRAME = "dev/jasyncio/internal/AsyncFrame";
    public static final String ASYNC_FRAME_DESC = "L" + ASYNC_FRAME + ";";
    public static final String FRAME_LABEL = "label";
    public static final String RESUME = "resume";
    public static final String RESUME_DESC = "(Ljava/lang/Object;Ljava/lang/Throwable;)Ljava/lang/Object;";
    public static final String COROUTINE_NAME = "coroutineName";
    public static final String SUSPENDED_AT = "suspendedAt";
    public static final String STRING_RESULT_DESC = "()Ljava/lang/String;";

    public static final String ASYNC_SUPPORT = "dev/jasyncio/internal/AsyncSupport";
    public static final String SUPPORT_AWAIT = "await";
    public static final String SUPPORT_AWAIT_DESC = "(Ljava/lang/Object;Ldev/jasyncio/internal/AsyncFrame;)Ljava/lang/Object;";
    public static final String SUPPORT_RESUME_VALUE = "resumeValue";
    public static final String SUPPORT_RESUME_VALUE_DESC = "(Ljava/lang/Object;Ljava/lang/Throwable;)Ljava/lang/Object;";
    public static final String SUPPORT_SUSPENDED = "SUSPENDED";
    public static final String SUPPORT_LOCATION = "location";
    public static final String SUPPORT_LOCATION_DESC = "(Ljava/lang/String;I)Ljava/lang/String;";

    public static final String TASK_DESC = "Ldev/jasyncio/Task;";
    public static final String FRAME_TASK = "task";
    public static final String SUPPORT_DEPTH = "depth";
    public static final String SUPPORT_DEPTH_DESC = "(Ldev/jasyncio/internal/AsyncFrame;)I";
    public static final String SUPPORT_LINK_DIRECT = "linkDirect";
    public static final String SUPPORT_LINK_DIRECT_DESC = "(Ldev/jasyncio/internal/AsyncFrame;)V";
    public static final String SUPPORT_AWAIT_DIRECT = "awaitDirect";
    public static final String SUPPORT_AWAIT_DIRECT_DESC = "(Ljava/lang/Object;Ldev/jasyncio/Task;I)Ljava/lang/Object;";
    public static final String SUPPORT_DEFER_DIRECT = "deferDirect";
    public static final String SUPPORT_SUSPEND_DIRECT = "suspendDirect";
    public static final String SUPPORT_FRAME_TASK_DESC = "(Ldev/jasyncio/internal/AsyncFrame;Ldev/jasyncio/Task;)Ljava/lang/Object;";
    public static final String SUPPORT_MAX_DEPTH = "MAX_DEPTH";
    public static final String SLEEP = "sleep";
    public static final String SLEEP_DESC = "(D)Ldev/jasyncio/Coroutine;";
    public static final String SUPPORT_AWAIT_SLEEP = "awaitSleep";
    public static final String SUPPORT_AWAIT_SLEEP_DESC = "(DLdev/jasyncio/internal/AsyncFrame;)Ljava/lang/Object;";
    public static final String SUPPORT_AWAIT_SLEEP_DIRECT = "awaitSleepDirect";
    public static final String SUPPORT_AWAIT_SLEEP_DIRECT_DESC = "(DLdev/jasyncio/Task;)Ljava/lang/Object;";
    public static final String SUPPORT_INITIALIZE = "initialize";
    public static final String SUPPORT_INITIALIZE_DESC = "(Ljava/lang/Class;)V";

    public static final String ASYNC_CLOSEABLE = "dev/jasyncio/AsyncCloseable";
    public static final String AENTER = "aenter";
    public static final String AENTER_DESC = "()Ldev/jasyncio/Coroutine;";
    public static final String AEXIT = "aexit";
    public static final String AEXIT_DESC = "(Ljava/lang/Throwable;)Ldev/jasyncio/Coroutine;";
    public static final String SUPPORT_SUPPRESSES = "suppresses";
    public static final String SUPPORT_SUPPRESSES_DESC = "(Ljava/lang/Object;)Z";

    public static final String ASYNC_GENERATOR = "dev/jasyncio/AsyncGenerator";
    public static final String ASYNC_GENERATOR_DESC = "L" + ASYNC_GENERATOR + ";";
    public static final String GENERATOR_END = "end";
    public static final String GENERATOR_END_DESC = "()Ldev/jasyncio/AsyncGenerator;";
    public static final String EMIT = "emit";
    public static final String EMIT_DESC = "(Ljava/lang/Object;)Ldev/jasyncio/Coroutine;";
    public static final String AITER = "aiter";
    public static final String AITER_DESC = "(Ldev/jasyncio/AsyncIterable;)Ljava/lang/Iterable;";
    public static final String SUPPORT_GENERATOR = "generator";
    public static final String SUPPORT_GENERATOR_DESC = "(Ldev/jasyncio/internal/AsyncFrame;)Ldev/jasyncio/AsyncGenerator;";
    public static final String SUPPORT_AWAIT_EMIT = "awaitEmit";
    public static final String SUPPORT_AWAIT_EMIT_DESC = "(Ljava/lang/Object;Ldev/jasyncio/internal/AsyncFrame;)Ljava/lang/Object;";
    public static final String SUPPORT_ASYNC_HAS_NEXT = "asyncHasNext";
    public static final String SUPPORT_CLOSE_ASYNC_FOR = "closeAsyncFor";
    public static final String SUPPORT_ITERATOR_AWAITABLE_DESC = "(Ljava/util/Iterator;)Ldev/jasyncio/Awaitable;";
    public static final String SUPPORT_IS_TRUE = "isTrue";
    public static final String SUPPORT_IS_TRUE_DESC = "(Ljava/lang/Object;)Z";

    /** Infix of a generated frame class name: {@code Owner$Async$method}. */
    public static final String FRAME_CLASS_INFIX = "$Async$";

    private Names() {
    }

    /** Whether a method call is jasyncio's {@code Asyncio.await}. */
    public static boolean isAwait(int opcode, String owner, String name, String desc) {
        return opcode == Opcodes.INVOKESTATIC && ASYNCIO.equals(owner) && AWAIT.equals(name)
                && (AWAIT_AWAITABLE_DESC.equals(desc) || AWAIT_STAGE_DESC.equals(desc));
    }

    /** Whether a method call is {@code Asyncio.aiter(source)}, the head of an async for. */
    public static boolean isAiter(int opcode, String owner, String name, String desc) {
        return opcode == Opcodes.INVOKESTATIC && ASYNCIO.equals(owner) && AITER.equals(name) && AITER_DESC.equals(desc);
    }

    /** Whether a method call is {@code Coroutine.of(value)}. */
    public static boolean isCoroutineOf(int opcode, String owner, String name, String desc) {
        return opcode == Opcodes.INVOKESTATIC && COROUTINE.equals(owner) && COROUTINE_OF.equals(name)
                && COROUTINE_OF_DESC.equals(desc);
    }
}
