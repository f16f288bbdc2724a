package dev.jasyncio.samples.tools;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link TaskTreeDemo}: the tree of real async methods, with the file and line each task is suspended at. */
class TaskTreeDemoTest {

    @Test
    void theTreeShowsWhoAwaitsWhomAndWhereEachTaskIsSuspended() {
        String tree = TaskTreeDemo.snapshot();
        String nl = System.lineSeparator();
        assertTrue(tree.startsWith("4 task(s) at loop time 1.000" + nl), tree);
        assertTrue(tree.contains("├── (T) Task-1 [running]" + nl), tree);
        assertTrue(tree.matches("(?s).*└── \\(T\\) crawler \\[waiting\\]" + nl
                + "    └── TaskTreeDemo.crawl TaskTreeDemo.java:\\d+" + nl
                + "        ├── \\(T\\) fetch /a \\[waiting\\]" + nl
                + "        │   └── TaskTreeDemo.fetch TaskTreeDemo.java:\\d+" + nl
                + "        │       └── awaiting sleep until 5.000" + nl
                + "        └── \\(T\\) fetch /b \\[waiting\\]" + nl
                + "            └── TaskTreeDemo.fetch TaskTreeDemo.java:\\d+" + nl
                + "                └── awaiting sleep until 9.000" + nl + ".*"), tree);
    }
}
