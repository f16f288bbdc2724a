package dev.jasyncio;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of every live task of a loop: what each awaits, where it is suspended, who awaits it. Python 3.14's
 * {@code asyncio.capture_call_graph} / {@code python -m asyncio pstree}, taken by {@link EventLoop#taskTree()},
 * {@link Asyncio#taskTree()}, or from outside the process through JMX ({@code dev.jasyncio.tools.TaskTreeCli}).
 *
 * <p>{@link #format()} draws it as a tree: each task, then its chain of suspended coroutines, outermost first, then
 * the tasks it waits for, nested under it.
 */
public final class TaskTree {

    /**
     * One task. {@code id} numbers the tasks of the snapshot (1 = oldest); {@code state} is {@code running} (its
     * step is executing: the snapshot was taken from inside it), {@code ready} (scheduled to step) or
     * {@code waiting}; {@code stack} holds its suspended coroutines, oldest first, as
     * {@code Class.method(File.java:line)}; {@code awaiting} describes what it is parked on (null if nothing);
     * {@code awaits} and {@code awaitedBy} are ids of the live tasks it waits for and that wait for it;
     * {@code createdAt} is where it was created, oldest frame first (debug mode only, else empty).
     */
    public record TaskInfo(int id, String name, String state, int cancelling, List<StackTraceElement> stack,
                           String awaiting, List<Integer> awaits, List<Integer> awaitedBy,
                           List<StackTraceElement> createdAt) {
    }

    private final double loopTime;
    private final List<TaskInfo> tasks;

    TaskTree(double loopTime, List<TaskInfo> tasks) {
        this.loopTime = loopTime;
        this.tasks = List.copyOf(tasks);
    }

    /** The loop's time ({@link EventLoop#time()}) when the snapshot was taken. */
    public double loopTime() {
        return loopTime;
    }

    /** The live tasks, oldest first. */
    public List<TaskInfo> tasks() {
        return tasks;
    }

    /** The first task named {@code name}. */
    public Optional<TaskInfo> task(String name) {
        return tasks.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The task with id {@code id}. */
    public TaskInfo task(int id) {
        return tasks.get(id - 1);
    }

    /**
     * The tree as text. Roots are the tasks nobody awaits; a task awaited by several appears in full under the
     * first, then as {@code (see above)}; so do cycles.
     */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%d task(s) at loop time %.3f%n", tasks.size(), loopTime));
        Set<Integer> shown = new HashSet<>();
        List<TaskInfo> roots = new ArrayList<>();
        for (TaskInfo t : tasks) {
            if (t.awaitedBy().isEmpty()) {
                roots.add(t);
            }
        }
        for (int i = 0; i < roots.size(); i++) {
            render(out, roots.get(i), "", i == roots.size() - 1, shown);
        }
        // Tasks only reachable through a cycle have no root: show them too.
        for (TaskInfo t : tasks) {
            if (!shown.contains(t.id())) {
                render(out, t, "", true, shown);
            }
        }
        return out.toString();
    }

    private void render(StringBuilder out, TaskInfo t, String prefix, boolean last, Set<Integer> shown) {
        out.append(prefix).append(last ? "└── " : "├── ").append("(T) ").append(t.name());
        String inner = prefix + (last ? "    " : "│   ");
        if (!shown.add(t.id())) {
            out.append(" (see above)").append(System.lineSeparator());
            return;
        }
        out.append(" [").append(t.state());
        if (t.cancelling() > 0) {
            out.append(", cancelling");
        }
        out.append(']');
        if (!t.createdAt().isEmpty()) {
            StackTraceElement site = t.createdAt().get(t.createdAt().size() - 1);
            out.append(" created at ").append(site.getFileName()).append(':').append(site.getLineNumber());
        }
        out.append(System.lineSeparator());
        for (StackTraceElement frame : t.stack()) {
            out.append(inner).append("└── ").append(frameText(frame)).append(System.lineSeparator());
            inner += "    ";
        }
        List<Integer> awaits = t.awaits();
        if (awaits.isEmpty()) {
            if (t.awaiting() != null) {
                out.append(inner).append("└── awaiting ").append(t.awaiting()).append(System.lineSeparator());
            }
            return;
        }
        for (int i = 0; i < awaits.size(); i++) {
            render(out, task(awaits.get(i)), inner, i == awaits.size() - 1, shown);
        }
    }

    private static String frameText(StackTraceElement e) {
        String name = e.getClassName().isEmpty() ? e.getMethodName() : e.getClassName() + "." + e.getMethodName();
        return e.getFileName() == null ? name : name + " " + e.getFileName() + ":" + e.getLineNumber();
    }

    @Override
    public String toString() {
        return format();
    }
}
