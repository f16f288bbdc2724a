/**
 * The examples of seed 002 (a Chinese tutorial): awaiting concurrent tasks one after the other, {@code wait} with a
 * timeout, {@code gather} over simulated HTTP calls, and what happens without a running loop. Each class's javadoc
 * names the section it ports.
 */
package dev.jasyncio.samples.seed002;
