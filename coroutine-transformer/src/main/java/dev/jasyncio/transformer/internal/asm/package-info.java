/**
 * The bytecode pass, one job per class: {@code ClassTransformer} finds the async methods of a class and hands each
 * to {@code AsyncMethodTransformer}, which runs the analyses (types in {@code TypeAnalysis} over {@code TypeFlow},
 * liveness, monitors, the receiver), moves allocations out from under awaits, rewrites the body, emits the frame
 * class and the factory, computes stack map frames and checks the result before {@code ClassOutput} writes it.
 * {@code Names} holds every name of the runtime the generated code refers to.
 */
package dev.jasyncio.transformer.internal.asm;
