/**
 * The transformer's speed: a generated module of a chosen size and share of async classes, timed through the
 * transformer in fresh JVMs ({@code TransformerSpeed}) and through whole Maven builds with and without the plugin
 * ({@code PluginBuildTime}).
 */
package dev.jasyncio.benchmarks.transformer;
