package dev.jasyncio;

import dev.jasyncio.tools.EventLoopMXBean;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * A loop's MBean. Holds the loop weakly: a loop that is dropped without being closed must not stay alive because
 * the platform MBean server references it.
 */
final class LoopJmx implements EventLoopMXBean {

    private static final System.Logger LOG = System.getLogger("dev.jasyncio");
    private static final long ANSWER_MILLIS = 2000;

    private final WeakReference<EventLoop> loop;
    private final ObjectName name;

    private LoopJmx(EventLoop loop, ObjectName name) {
        this.loop = new WeakReference<>(loop);
        this.name = name;
    }

    /** Registers {@code loop}'s MBean; null (and a warning) if JMX refuses. */
    static LoopJmx register(EventLoop loop) {
        try {
            ObjectName name = new ObjectName("dev.jasyncio:type=EventLoop,name=" + loop.name());
            LoopJmx bean = new LoopJmx(loop, name);
            ManagementFactory.getPlatformMBeanServer().registerMBean(bean, name);
            return bean;
        } catch (JMException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not register the MBean of " + loop, e);
            return null;
        }
    }

    void unregister() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException ignored) {
            // already gone
        }
    }

    @Override
    public String taskTree() {
        EventLoop l = loop.get();
        if (l == null || l.isClosed()) {
            return "the loop is closed";
        }
        Thread t = l.runningThread();
        if (t == null) {
            // Not running: nothing changes its tasks, unless it starts meanwhile; good enough for a look.
            return l.taskTree().format();
        }
        CompletableFuture<String> answer = new CompletableFuture<>();
        try {
            l.callSoonThreadsafe(() -> answer.complete(l.taskTree().format()));
            return answer.get(ANSWER_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException busy) {
            StringBuilder b = new StringBuilder("the loop did not answer within " + ANSWER_MILLIS
                    + " ms: a step or callback is blocking it. Its thread '" + t.getName() + "' is at:");
            for (StackTraceElement e : t.getStackTrace()) {
                b.append(System.lineSeparator()).append("    at ").append(e);
            }
            return b.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException | IllegalStateException e) {
            return "the loop could not take the snapshot: " + e;
        }
    }

    @Override
    public int getTaskCount() {
        EventLoop l = loop.get();
        return l == null ? 0 : l.liveTaskCount();
    }

    @Override
    public boolean isRunning() {
        EventLoop l = loop.get();
        return l != null && l.isRunning();
    }

    @Override
    public boolean isDebug() {
        EventLoop l = loop.get();
        return l != null && l.getDebug();
    }

    @Override
    public String getThreadName() {
        EventLoop l = loop.get();
        Thread t = l == null ? null : l.runningThread();
        return t == null ? null : t.getName();
    }
}
