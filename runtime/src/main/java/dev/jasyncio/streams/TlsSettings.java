package dev.jasyncio.streams;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import java.util.List;

/**
 * The TLS arguments of {@code openConnection} / {@code startServer}: the context, the server name the client checks
 * (asyncio's {@code server_hostname}) and the handshake timeout (asyncio's {@code ssl_handshake_timeout}).
 *
 * @param context          the JDK's TLS context: its key and trust managers, protocols and cipher suites
 * @param serverHostname   the name the client sends as SNI and checks the certificate against (HTTPS endpoint
 *                         identification); null: the host connected to; empty: no SNI and no name check
 * @param handshakeTimeout seconds the handshake may take before the connection is aborted
 */
record TlsSettings(SSLContext context, String serverHostname, double handshakeTimeout) {

    /** asyncio's {@code SSL_HANDSHAKE_TIMEOUT}. */
    static final double DEFAULT_HANDSHAKE_TIMEOUT = 60.0;

    TlsSettings {
        java.util.Objects.requireNonNull(context, "ssl");
        if (!(handshakeTimeout > 0)) {
            throw new IllegalArgumentException("handshake timeout must be a positive number, got " + handshakeTimeout);
        }
    }

    /** A client engine for {@code host:port}: SNI and HTTPS host name checking on the server name. */
    SSLEngine clientEngine(String host, int port) {
        String name = serverHostname == null ? host : serverHostname;
        SSLEngine engine = name.isEmpty() ? context.createSSLEngine() : context.createSSLEngine(name, port);
        engine.setUseClientMode(true);
        SSLParameters p = engine.getSSLParameters();
        if (!name.isEmpty()) {
            p.setEndpointIdentificationAlgorithm("HTTPS");
            if (!Streams.isIpLiteral(name)) {
                p.setServerNames(List.of(new SNIHostName(name)));
            }
        }
        engine.setSSLParameters(p);
        return engine;
    }

    /** A server engine: the context's defaults (client certificates are asked for only if the context says so). */
    SSLEngine serverEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        return engine;
    }
}
