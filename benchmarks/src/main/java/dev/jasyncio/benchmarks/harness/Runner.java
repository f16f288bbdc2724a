package dev.jasyncio.benchmarks.harness;

import dev.jasyncio.benchmarks.cf.CompletableFutureWorkloads;
import dev.jasyncio.benchmarks.common.Workloads;
import dev.jasyncio.benchmarks.ea.EaAsyncWorkloads;
import dev.jasyncio.benchmarks.jasyncio.JasyncioWorkloads;
import dev.jasyncio.benchmarks.kotlin.KotlinWorkloads;
import dev.jasyncio.benchmarks.plain.PlainWorkloads;
import dev.jasyncio.benchmarks.vt.VirtualThreadWorkloads;

import java.util.function.IntConsumer;

/**
 * Runs one workload of one implementation several times in this process and prints one line per figure:
 * {@code RESULT <metric> <repetition> <value>}. The harness starts one such process per measurement.
 *
 * <p>Usage: {@code Runner <implementation> <workload> <repetitions> [<warm-ups> <budget seconds>]}, workloads
 * {@code w1 w2 w3a w3a_pair w3b w4 w5 timers w2_10m scale}. With a budget, repetitions stop once it is spent and at least
 * one repetition after the warm-ups has run.
 */
public final class Runner {

    private static volatile int sink;

    private Runner() {
    }

    /** Entry point of a measuring process. */
    public static void main(String[] args) {
        if (args.length != 3 && args.length != 5) {
            System.err.println("usage: Runner <jasyncio|kotlin|vt|ea|cf|plain> <workload> <repetitions>"
                    + " [<warm-up repetitions> <time budget in seconds>]");
            System.exit(2);
        }
        Impl impl = Impl.of(args[0]);
        String workload = args[1];
        int reps = Integer.parseInt(args[2]);
        int warmups = args.length == 5 ? Integer.parseInt(args[3]) : 0;
        long budgetNanos = args.length == 5 ? (long) (Double.parseDouble(args[4]) * 1e9) : Long.MAX_VALUE;
        long start = System.nanoTime();
        try {
            for (int rep = 0; rep < reps; rep++) {
                // Each repetition starts from a collected heap, so garbage of the previous one is not its cost.
                System.gc();
                runOnce(impl, workload, rep);
                if (rep >= warmups && System.nanoTime() - start > budgetNanos) {
                    break;
                }
            }
        } catch (Throwable e) {
            System.out.println("ERROR " + e.getClass().getSimpleName() + ": " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void report(Metric m, int rep, double value) {
        System.out.println("RESULT " + m.id + " " + rep + " " + value);
        System.out.flush();
    }

    private static long timeNanos(IntConsumer body, int n) {
        long t0 = System.nanoTime();
        body.accept(n);
        return System.nanoTime() - t0;
    }

    private static void runOnce(Impl impl, String workload, int rep) throws Exception {
        switch (workload) {
            case "w1":
                report(Metric.W1, rep, timeNanos(w1(impl), Workloads.SPAWN_TASKS) / 1e6);
                break;
            case "w2":
                report(Metric.W2, rep, w2(impl, Workloads.SLEEPING_TASKS));
                break;
            case "w2_10m":
                report(Metric.W2_10M, rep, w2(impl, 10_000_000));
                break;
            case "w3a":
                report(Metric.W3A, rep, timeNanos(w3a(impl), Workloads.SWITCHES) / (double) Workloads.SWITCHES);
                break;
            case "w3a_pair":
                report(Metric.W3A_PAIR, rep,
                        timeNanos(w3aPair(impl), Workloads.SWITCHES) / (double) Workloads.SWITCHES);
                break;
            case "w3b":
                report(Metric.W3B, rep, timeNanos(w3b(impl), Workloads.CALLS) / (double) Workloads.CALLS);
                break;
            case "w4":
                report(Metric.W4, rep,
                        timeNanos(w4(impl), Workloads.ROUND_TRIPS) / (2.0 * Workloads.ROUND_TRIPS));
                break;
            case "w5":
                report(Metric.W5, rep, timeNanos(w5(impl), Workloads.FIB_N) / 1e6);
                break;
            case "timers": {
                double[] r = timers(impl);
                report(Metric.TIMERS, rep, r[0]);
                report(Metric.TIMERS_RETAINED, rep, r[1]);
                break;
            }
            case "scale":
                report(Metric.W1_X2, rep, speedUp(w1(impl), Workloads.SPAWN_TASKS));
                report(Metric.W4_X2, rep, speedUp(w4(impl), Workloads.ROUND_TRIPS));
                // What two cores of this machine give to the same shapes of work without any runtime at all.
                report(Metric.CPU_X2, rep, speedUp(n -> Workloads.fib(n), 32));
                report(Metric.ALLOC_X2, rep, speedUp(Runner::keepAlive, Workloads.SPAWN_TASKS));
                break;
            default:
                throw new IllegalArgumentException("unknown workload " + workload);
        }
    }

    /** Allocates {@code n} small objects and keeps them all alive until the end, as W1 keeps its tasks. */
    private static void keepAlive(int n) {
        Object[] kept = new Object[n];
        for (int i = 0; i < n; i++) {
            kept[i] = new long[4];
        }
        if (kept[n - 1] == null) {
            throw new AssertionError();
        }
    }

    /**
     * Throughput of two loops on two threads, each doing the full workload, over one loop alone (timed before and
     * after the pair, so a drift in the machine's speed or the JIT's state does not favour either side).
     */
    private static double speedUp(IntConsumer body, int n) throws InterruptedException {
        long before = timeNanos(body, n);
        Thread[] threads = new Thread[2];
        long t0 = System.nanoTime();
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> body.accept(n), "loop-" + i);
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long two = System.nanoTime() - t0;
        long one = (before + timeNanos(body, n)) / 2;
        return 2.0 * one / two;
    }

    private static IntConsumer w1(Impl impl) {
        switch (impl) {
            case JASYNCIO: return JasyncioWorkloads::w1Spawn;
            case KOTLIN: return KotlinWorkloads::w1Spawn;
            case VIRTUAL_THREADS: return VirtualThreadWorkloads::w1Spawn;
            case EA_ASYNC: return EaAsyncWorkloads::w1Spawn;
            case COMPLETABLE_FUTURE: return CompletableFutureWorkloads::w1Spawn;
            default: throw unsupported(impl, "w1");
        }
    }

    private static double w2(Impl impl, int n) {
        switch (impl) {
            case JASYNCIO: return JasyncioWorkloads.w2SleepingHeap(n);
            case KOTLIN: return KotlinWorkloads.w2SleepingHeap(n);
            case VIRTUAL_THREADS: return VirtualThreadWorkloads.w2SleepingHeap(n);
            case EA_ASYNC: return EaAsyncWorkloads.w2SleepingHeap(n);
            case COMPLETABLE_FUTURE: return CompletableFutureWorkloads.w2SleepingHeap(n);
            default: throw unsupported(impl, "w2");
        }
    }

    private static IntConsumer w3aPair(Impl impl) {
        switch (impl) {
            case JASYNCIO: return JasyncioWorkloads::w3aPairSwitches;
            case KOTLIN: return KotlinWorkloads::w3aPairSwitches;
            case VIRTUAL_THREADS: return VirtualThreadWorkloads::w3aPairSwitches;
            default: throw unsupported(impl, "w3a_pair");
        }
    }

    private static IntConsumer w3a(Impl impl) {
        switch (impl) {
            case JASYNCIO: return JasyncioWorkloads::w3aSwitches;
            case KOTLIN: return KotlinWorkloads::w3aSwitches;
            case VIRTUAL_THREADS: return VirtualThreadWorkloads::w3aSwitches;
            case EA_ASYNC: return EaAsyncWorkloads::w3aSwitches;
            case COMPLETABLE_FUTURE: return CompletableFutureWorkloads::w3aSwitches;
            default: throw unsupported(impl, "w3a");
        }
    }

    private static IntConsumer w3b(Impl impl) {
        switch (impl) {
            case JASYNCIO: return n -> sink = JasyncioWorkloads.w3bCalls(n);
            case KOTLIN: return n -> sink = KotlinWorkloads.w3bCalls(n);
            case EA_ASYNC: return n -> sink = EaAsyncWorkloads.w3bCalls(n);
            case COMPLETABLE_FUTURE: return n -> sink = CompletableFutureWorkloads.w3bCalls(n);
            default: throw unsupported(impl, "w3b");
        }
    }

    private static IntConsumer w4(Impl impl) {
        switch (impl) {
            case JASYNCIO: return JasyncioWorkloads::w4PingPong;
            case KOTLIN: return KotlinWorkloads::w4PingPong;
            case VIRTUAL_THREADS: return VirtualThreadWorkloads::w4PingPong;
            case EA_ASYNC: return EaAsyncWorkloads::w4PingPong;
            case COMPLETABLE_FUTURE: return CompletableFutureWorkloads::w4PingPong;
            default: throw unsupported(impl, "w4");
        }
    }

    private static IntConsumer w5(Impl impl) {
        switch (impl) {
            case JASYNCIO: return n -> sink = JasyncioWorkloads.w5Fib(n);
            case KOTLIN: return n -> sink = KotlinWorkloads.w5Fib(n);
            case VIRTUAL_THREADS: return n -> sink = VirtualThreadWorkloads.w5Fib(n);
            case EA_ASYNC: return n -> sink = EaAsyncWorkloads.w5Fib(n);
            case COMPLETABLE_FUTURE: return n -> sink = CompletableFutureWorkloads.w5Fib(n);
            case PLAIN: return n -> sink = PlainWorkloads.w5Fib(n);
            default: throw unsupported(impl, "w5");
        }
    }

    private static double[] timers(Impl impl) {
        switch (impl) {
            case JASYNCIO: return JasyncioWorkloads.timers(Workloads.timerDelays(Workloads.TIMERS), true);
            case KOTLIN: return KotlinWorkloads.timers(Workloads.timerDelaysMillis(Workloads.TIMERS), true);
            case COMPLETABLE_FUTURE:
                return CompletableFutureWorkloads.timers(Workloads.timerDelays(Workloads.TIMERS), true);
            default: throw unsupported(impl, "timers");
        }
    }

    private static UnsupportedOperationException unsupported(Impl impl, String workload) {
        return new UnsupportedOperationException(impl.id + " has no " + workload);
    }
}
