/**
 * The Maven goals {@code instrument} and {@code instrument-test}: thin mojos that run the transformer in the build's
 * JVM over {@code target/classes} or {@code target/test-classes} after javac, skip what the staleness record says is
 * unchanged, and log misuse in javac's clickable {@code File.java:[line,col] [ID] message} form. A mistake in user
 * code fails the build with a {@code MojoFailureException}, one of ours with a {@code MojoExecutionException}.
 */
package dev.jasyncio.maven;
