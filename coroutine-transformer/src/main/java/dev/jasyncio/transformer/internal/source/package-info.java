/**
 * Reading Java sources for diagnostics: cheap text tests that spare files never mentioning jasyncio a parse,
 * JavaParser set up once for every language level it can read, simple names resolved through a file's imports
 * without a classpath, and positions converted to javac's, so a message reads {@code File.java:[line,col]} where
 * javac would have put it.
 */
package dev.jasyncio.transformer.internal.source;
