/**
 * The Java agent ({@code -javaagent:coroutine-transformer-VERSION-agent.jar}): the same transformation as the Maven
 * plugin, applied as classes load, for code compiled without the plugin (an IDE's own build). Types are resolved
 * through the class loader that defines each class, and each frame class is defined in that loader before its owner.
 */
package dev.jasyncio.transformer.agent;
