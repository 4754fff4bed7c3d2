package org.opencg.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SIP over TLS as ACG requires (acg-behaviour.md §3.1): TLS 1.3 and 1.2 with ACG's suites only, older versions
 * and other suites refused, the certificate chaining to the configured CA, SIP answered over it, and mutual TLS
 * where a listening point requires it.
 */
@ExtendWith(Rtpengine.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TlsIT {

    private static final Path TLS = TestServer.BASE_DIR.resolve("data/opencg/tls");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestServer.ear();
    }

    /** What openssl s_client says when it connects with the given options. */
    private static String openssl(String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl", "s_client", "-connect",
                "127.0.0.1:" + TestServer.SIP_TLS_PORT, "-CAfile", TLS.resolve("ca.pem").toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        process.waitFor(10, TimeUnit.SECONDS);
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void tls13And12AreAcceptedWithAnAcgSuiteAndAVerifiedChain() throws Exception {
        String tls13 = openssl("-tls1_3");
        assertTrue(tls13.contains("New, TLSv1.3, Cipher is TLS_AES_256_GCM_SHA384"), tls13);
        assertTrue(tls13.contains("Verify return code: 0 (ok)"), tls13);
        String tls12 = openssl("-tls1_2");
        assertTrue(tls12.contains("Cipher is ECDHE-RSA-AES256-GCM-SHA384"), tls12);
    }

    @Test
    void olderVersionsAndOtherSuitesAreRefused() throws Exception {
        String tls11 = openssl("-tls1_1");
        assertTrue(tls11.contains("Cipher is (NONE)"), tls11);
        String cbcSha1 = openssl("-tls1_2", "-cipher", "AES128-SHA");
        assertTrue(cbcSha1.contains("Cipher is (NONE)"), cbcSha1);
    }

    @Test
    void optionsOverTlsIsAnswered200WithoutAClientCertificateWhereNoneIsRequired() throws Exception {
        String response = optionsOverTls(TestServer.SIP_TLS_PORT, null);
        assertTrue(response.startsWith("SIP/2.0 200 OK"), response);
    }

    /** The test server requires mutual TLS on the teams side only (opencg.sip.listening-point.teams.client-auth). */
    @Test
    void aListeningPointWithMutualTlsRefusesAPeerWithoutACertificate() throws Exception {
        assertThrows(IOException.class, () -> optionsOverTls(TestServer.SIP_TEAMS_PORT, null));
    }

    @Test
    void aListeningPointWithMutualTlsAnswersAPeerWithACertificateOfTheTrustedCaForANameItTakes() throws Exception {
        Socat.certificate("teams-emulator");
        String response = optionsOverTls(TestServer.SIP_TEAMS_PORT, keys("teams-emulator.p12"));
        assertTrue(response.startsWith("SIP/2.0 200 OK"), response);
    }

    /**
     * The test server's Teams side takes client certificates issued to its emulators' names only (as production takes
     * {@code *.pstnhub.microsoft.com}): one the same CA issued to another name fails the handshake.
     */
    @Test
    void aCertificateOfTheTrustedCaForAnotherNameIsRefused() throws Exception {
        Socat.certificate("sbc.impostor.example");
        KeyManager[] impostor = keys("sbc.impostor.example.p12");
        assertThrows(IOException.class, () -> optionsOverTls(TestServer.SIP_TEAMS_PORT, impostor));
        assertTrue(optionsOverTls(TestServer.SIP_TLS_PORT, impostor).startsWith("SIP/2.0 200 OK"),
                "the operator side asks for no certificate and checks no name");
    }

    /** A connection from an address that is no peer of the side is closed before its handshake, certificate or not. */
    @Test
    void aStrangersConnectionIsClosedBeforeItsHandshake() throws Exception {
        Socat.certificate("teams-emulator");
        for (int port : new int[] {TestServer.SIP_TEAMS_PORT, TestServer.SIP_TLS_PORT}) {
            IOException refused = assertThrows(IOException.class,
                    () -> optionsOverTls("127.0.0.9", port, keys("teams-emulator.p12")));
            assertTrue(!(refused instanceof java.net.SocketTimeoutException), "closed, not left hanging: " + refused);
        }
    }

    private static KeyManager[] keys(String file) throws Exception {
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store(file), "changeit".toCharArray());
        return keyManagers.getKeyManagers();
    }

    private static KeyStore store(String file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(TLS.resolve(file).toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        return store;
    }

    /** Sends OPTIONS over TLS 1.3 to a local TLS port, presenting {@code keys} if given; returns the response head. */
    private static String optionsOverTls(int port, KeyManager[] keys) throws Exception {
        return optionsOverTls("127.0.0.1", port, keys);
    }

    /** The same from a local address of the test's choosing. */
    private static String optionsOverTls(String from, int port, KeyManager[] keys) throws Exception {
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(store("trust.p12"));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, trustManagers.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port,
                java.net.InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
            String callId = "tls-" + System.nanoTime();
            String options = "OPTIONS sip:127.0.0.1:" + port + ";transport=tls SIP/2.0\r\n"
                    + "Via: SIP/2.0/TLS 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK" + callId + "\r\n"
                    + "Max-Forwards: 70\r\nFrom: <sip:peer@127.0.0.1>;tag=t\r\nTo: <sip:127.0.0.1>\r\n"
                    + "Call-ID: " + callId + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            socket.getOutputStream().write(options.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new java.io.EOFException("connection closed after: " + head);
                }
                head.write(b);
            }
            String response = head.toString(StandardCharsets.US_ASCII);
            assertTrue(response.contains(callId), response);
            return response;
        }
    }
}
