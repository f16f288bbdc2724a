package dev.jasyncio.streams;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates made at test time with the running JDK's own {@code keytool}, in a temporary folder: a server key
 * and self-signed certificate for {@code localhost} and {@code 127.0.0.1}, and a second one that nobody trusts.
 * Made once per test JVM; nothing is downloaded.
 */
final class Pki {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static Pki instance;

    final KeyStore server;
    final KeyStore stranger;
    final Certificate serverCert;

    private Pki(Path dir) throws Exception {
        server = generate(dir, "server", "CN=localhost", "san=dns:localhost,ip:127.0.0.1");
        stranger = generate(dir, "stranger", "CN=localhost", "san=dns:localhost,ip:127.0.0.1");
        serverCert = server.getCertificate("server");
    }

    static synchronized Pki get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("jasyncio-pki");
                instance = new Pki(dir);
            } catch (Exception e) {
                throw new IllegalStateException("could not make the test certificates", e);
            }
        }
        return instance;
    }

    private static KeyStore generate(Path dir, String alias, String dname, String san) throws Exception {
        Path store = dir.resolve(alias + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> cmd = new ArrayList<>(List.of(keytool, "-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", dname, "-ext", san,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + out);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD);
        }
        return ks;
    }

    /** A server context holding the server's key; {@code protocol} "TLSv1.2", "TLSv1.3" or "TLS" (either). */
    SSLContext serverContext(String protocol) {
        return context(protocol, server, trusting(serverCert));
    }

    /** A client context that trusts the server's certificate. */
    SSLContext clientContext(String protocol) {
        return context(protocol, null, trusting(serverCert));
    }

    /** A client context that trusts only another certificate. */
    SSLContext distrustingClientContext() {
        try {
            return context("TLS", null, trusting(stranger.getCertificate("stranger")));
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A server context for the certificate nobody trusts. */
    SSLContext strangerServerContext() {
        return context("TLS", stranger, null);
    }

    private static KeyStore trusting(Certificate cert) {
        try {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("trusted", cert);
            return ts;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext context(String protocol, KeyStore keys, KeyStore trust) {
        try {
            SSLContext ctx = SSLContext.getInstance(protocol);
            KeyManagerFactory kmf = null;
            if (keys != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, PASSWORD);
            }
            TrustManagerFactory tmf = null;
            if (trust != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
            }
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
