/** Plain synchronous code, the baseline the recursion workload of the other implementations is measured against. */
package dev.jasyncio.benchmarks.plain;
