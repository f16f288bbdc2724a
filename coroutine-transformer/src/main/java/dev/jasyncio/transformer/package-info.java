/**
 * The transformer's API: {@link dev.jasyncio.transformer.Instrumenter} rewrites the {@code @Async} methods of one
 * class file into state machines and reports misuse as {@link dev.jasyncio.transformer.Diagnostic}s;
 * {@link dev.jasyncio.transformer.ClassesDirectoryInstrumenter} does it for a build's classes folder, in place,
 * skipping what a previous run left unchanged; {@link dev.jasyncio.transformer.SourceDiagnostics} places the
 * bytecode's findings at their line and column in the sources. Everything else is under {@code internal}.
 */
package dev.jasyncio.transformer;
