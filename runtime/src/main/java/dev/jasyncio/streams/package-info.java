/**
 * asyncio's streams over non-blocking channels: {@link dev.jasyncio.streams.Streams#openConnection} and
 * {@link dev.jasyncio.streams.Streams#startServer} give a {@link dev.jasyncio.streams.StreamReader} and
 * {@link dev.jasyncio.streams.StreamWriter} pair per connection, with asyncio's buffer limits and flow control
 * ({@code drain}); {@link dev.jasyncio.streams.Subprocess} runs a child process with its standard streams as
 * streams. The transports and protocols underneath are the classes not declared public.
 */
package dev.jasyncio.streams;
