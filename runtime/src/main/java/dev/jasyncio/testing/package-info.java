/**
 * Testing async code: {@link dev.jasyncio.testing.AsyncTest} marks a test method that returns a coroutine, run by
 * this package's JUnit Platform engine on a fresh loop with virtual time; {@link dev.jasyncio.testing.AsyncTesting}
 * does the same from inside an ordinary JUnit test. Either fails a test that leaves tasks running, a task's
 * exception unretrieved or the real-time limit exceeded.
 */
package dev.jasyncio.testing;
