/**
 * The source checks: one class per rule (an id, a message, a page under {@code docs/diagnostics}), run over the
 * sources of the classes the bytecode pass flagged, so that each finding points at the line and column javac would
 * use, with a suggestion where one can be made. {@code SourceChecks} lists the rules; {@code CheckContext} holds
 * what they share about one source file.
 */
package dev.jasyncio.transformer.internal.check;
