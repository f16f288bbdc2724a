package dev.jasyncio;

import java.net.SocketAddress;

/**
 * What {@link EventLoop#sockRecvfrom} returns: one datagram and its sender, the {@code (bytes, address)} tuple of
 * asyncio's {@code sock_recvfrom}.
 *
 * @param data    the datagram's bytes (truncated to the size asked for, as {@code recvfrom} does)
 * @param address the sender
 */
public record Datagram(byte[] data, SocketAddress address) {
}
