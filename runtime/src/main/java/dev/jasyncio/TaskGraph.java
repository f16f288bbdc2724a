package dev.jasyncio;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link TaskTree} from the live tasks of a loop, on the loop's thread: reads what each task is parked on
 * and its chain of frames, and follows the futures and library coroutines that wait for other tasks.
 */
final class TaskGraph {

    private TaskGraph() {
    }

    static TaskTree snapshot(EventLoop loop, Collection<Task<?>> live, Map<Task<?>, List<StackTraceElement>> sites) {
        Map<Task<?>, Integer> ids = new IdentityHashMap<>();
        List<Task<?>> tasks = new ArrayList<>(live);
        for (Task<?> t : tasks) {
            ids.put(t, ids.size() + 1);
        }
        Map<Task<?>, Set<Task<?>>> groups = groupChildren(tasks);
        List<Set<Integer>> awaits = new ArrayList<>();
        List<List<Integer>> awaitedBy = new ArrayList<>();
        for (Task<?> t : tasks) {
            Set<Integer> out = new LinkedHashSet<>();
            for (Task<?> w : awaitedTasks(t, groups)) {
                Integer id = ids.get(w);
                if (id != null && w != t) {
                    out.add(id);
                }
            }
            awaits.add(out);
            awaitedBy.add(new ArrayList<>());
        }
        for (int i = 0; i < tasks.size(); i++) {
            for (int target : awaits.get(i)) {
                awaitedBy.get(target - 1).add(i + 1);
            }
        }
        List<TaskTree.TaskInfo> infos = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Task<?> t = tasks.get(i);
            List<StackTraceElement> site = sites == null ? null : sites.get(t);
            infos.add(new TaskTree.TaskInfo(i + 1, t.getName(), state(loop, t), t.cancelling(),
                    List.copyOf(t.getStack()), describe(t), List.copyOf(awaits.get(i)),
                    List.copyOf(awaitedBy.get(i)), site == null ? List.of() : site));
        }
        return new TaskTree(loop.time(), infos);
    }

    private static String state(EventLoop loop, Task<?> t) {
        if (t == loop.currentTask) {
            return "running";
        }
        Object w = t.waitingOn;
        return w == null || w instanceof Future && ((Future<?>) w).done() ? "ready" : "waiting";
    }

    /** What {@code t} is parked on, in words; null if it is not parked. */
    static String describe(Task<?> t) {
        Object waited = t.waitingOn;
        if (waited == null) {
            return null;
        }
        if (waited == t) {
            return String.format("sleep until %.3f", t.when); // a sleeping task is its own timer
        }
        if (waited instanceof Task) {
            return "Task '" + ((Task<?>) waited).getName() + "'";
        }
        if (waited instanceof Gathering) {
            return "gather of " + ((Gathering<?>) waited).waitsFor().size();
        }
        return waited.toString();
    }

    /** The tasks {@code t} waits for: the one it is parked on, a gather's children, its task groups' children. */
    private static Set<Task<?>> awaitedTasks(Task<?> t, Map<Task<?>, Set<Task<?>>> groups) {
        Set<Task<?>> out = new LinkedHashSet<>();
        if (t.waitingOn != t) {
            collect(t.waitingOn, out, 0);
        }
        if (!t.done()) {
            out.addAll(groups.getOrDefault(t, Set.of()));
        }
        return out;
    }

    /**
     * The running children of each task that runs task groups, found through the done callback a group puts on each
     * child ({@link TaskGroup.ChildWatch}): the group's own frame is generated code, which cannot say it.
     */
    private static Map<Task<?>, Set<Task<?>>> groupChildren(List<Task<?>> tasks) {
        Map<Task<?>, Set<Task<?>>> out = new IdentityHashMap<>();
        for (Task<?> c : tasks) {
            if (!c.done()) {
                c.forEachDoneCallback(cb -> {
                    if (cb instanceof TaskGroup.ChildWatch) {
                        Task<?> parent = ((TaskGroup.ChildWatch) cb).parentTask();
                        out.computeIfAbsent(parent, k -> new LinkedHashSet<>()).add(c);
                    }
                });
            }
        }
        return out;
    }

    private static void collect(Object waited, Set<Task<?>> out, int depth) {
        if (depth > 8) {
            return; // gathers of gathers: deep enough for any real program, and no cycle can hang us
        }
        if (waited instanceof Task) {
            if (!((Task<?>) waited).done()) {
                out.add((Task<?>) waited);
            }
        } else if (waited instanceof WaitsFor) {
            for (Future<?> f : ((WaitsFor) waited).waitsFor()) {
                collect(f, out, depth + 1);
            }
        }
    }
}
