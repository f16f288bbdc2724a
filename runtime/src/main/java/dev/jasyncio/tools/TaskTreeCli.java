package dev.jasyncio.tools;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;

import java.io.PrintStream;
import java.util.Set;
import java.util.TreeSet;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Prints the task trees of the event loops of another JVM, as Python 3.14's {@code python -m asyncio pstree PID}:
 * {@code java -cp coroutine-runtime.jar dev.jasyncio.tools.TaskTreeCli <pid>}. Attaches to the process, starts its
 * local JMX agent if needed, and asks each loop's {@link EventLoopMXBean}; loops have one in debug mode or with
 * {@code -Djasyncio.jmx=true}. Without arguments, lists the JVMs it can attach to.
 */
public final class TaskTreeCli {

    private TaskTreeCli() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.out.println("usage: TaskTreeCli <pid>   (JVMs of this user:)");
            for (VirtualMachineDescriptor d : VirtualMachine.list()) {
                System.out.println("  " + d.id() + "  " + d.displayName());
            }
            System.exit(args.length == 0 ? 0 : 2);
        }
        System.exit(print(args[0], System.out));
    }

    /** Prints the trees of process {@code pid} to {@code out}; 0 if there was at least one loop, 1 otherwise. */
    // BanJNDI: the address is the one of the local management agent that the attach API has just started in the
    // process the user named, which is how jconsole connects too; nothing is looked up from outside input.
    @SuppressWarnings("BanJNDI")
    public static int print(String pid, PrintStream out) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(pid);
        try {
            String address = vm.startLocalManagementAgent();
            try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                MBeanServerConnection server = connector.getMBeanServerConnection();
                Set<ObjectName> loops = new TreeSet<>(
                        server.queryNames(new ObjectName("dev.jasyncio:type=EventLoop,*"), null));
                if (loops.isEmpty()) {
                    out.println("process " + pid + " has no event loop with an MBean: start it with "
                            + "-Djasyncio.jmx=true, or call setDebug(true) on its loops");
                    return 1;
                }
                for (ObjectName loop : loops) {
                    Object thread = server.getAttribute(loop, "ThreadName");
                    out.println(loop.getKeyProperty("name") + (thread == null ? " (not running)"
                            : " on thread '" + thread + "'") + ":");
                    out.println(server.invoke(loop, "taskTree", null, null));
                }
                return 0;
            }
        } finally {
            vm.detach();
        }
    }
}
