/**
 * Java ports of the runnable examples of the five asyncio tutorials the project started from, each printing what
 * its Python original prints under CPython 3.13. This package holds the flagship, {@link
 * dev.jasyncio.samples.ParallelFetch}: three downloads started as tasks finish in the time of the longest.
 */
package dev.jasyncio.samples;
