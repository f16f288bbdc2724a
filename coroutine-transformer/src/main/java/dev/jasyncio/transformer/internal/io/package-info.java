/**
 * The file work around the transformer in a build: selecting class files by globs, the staleness record that lets a
 * run skip what it already did, atomic replacement of class files, the class-file header check, locating sources,
 * and the in-order pipeline in which worker threads transform while the caller writes in path order.
 */
package dev.jasyncio.transformer.internal.io;
