package org.opencg.sip.container;

import java.net.InetAddress;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * The trust a TLS side puts in the clients it admits: the chain must lead to a CA of the clients' truststore, and the
 * certificate must be issued to one of the names the side takes ({@code *.pstnhub.microsoft.com} on the Teams side),
 * so that a certificate some trusted CA issued to anyone else is refused in the handshake. Names are the
 * certificate's DNS subject alternative names, or its common name when it has none (RFC 6125 §6.4.4); a wildcard
 * stands for one leftmost label. A side with no names configured checks the chain only.
 */
final class PeerNameTrust extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager chain;
    /** The names a listening point ({@code address:port}) takes; empty for none to check. */
    private final BiFunction<InetAddress, Integer, List<String>> names;

    PeerNameTrust(X509ExtendedTrustManager chain, Map<String, List<String>> namesByPoint) {
        this.chain = chain;
        this.names = (address, port) -> namesByPoint.getOrDefault(address.getHostAddress() + ":" + port, List.of());
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType, Socket socket)
            throws CertificateException {
        chain.checkClientTrusted(certificates, authType, socket);
        checkName(certificates[0], names.apply(socket.getLocalAddress(), socket.getLocalPort()));
    }

    static void checkName(X509Certificate certificate, List<String> allowed) throws CertificateException {
        if (allowed.isEmpty()) {
            return;
        }
        List<String> presented = namesOf(certificate);
        for (String name : presented) {
            for (String pattern : allowed) {
                if (matches(pattern, name)) {
                    return;
                }
            }
        }
        throw new CertificateException("client certificate names " + presented + " match none of " + allowed);
    }

    /** The certificate's DNS names, or its common name when it has none. */
    static List<String> namesOf(X509Certificate certificate) throws CertificateParsingException {
        List<String> names = new ArrayList<>();
        if (certificate.getSubjectAlternativeNames() != null) {
            for (List<?> entry : certificate.getSubjectAlternativeNames()) {
                if (Integer.valueOf(2).equals(entry.get(0))) {
                    names.add(((String) entry.get(1)).toLowerCase(Locale.ROOT));
                }
            }
        }
        if (names.isEmpty()) {
            String subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
            for (String part : subject.split(",")) {
                if (part.regionMatches(true, 0, "CN=", 0, 3)) {
                    names.add(part.substring(3).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    static boolean matches(String pattern, String name) {
        String wanted = pattern.toLowerCase(Locale.ROOT);
        if (wanted.startsWith("*.")) {
            int dot = name.indexOf('.');
            return dot > 0 && name.substring(dot).equals(wanted.substring(1));
        }
        return wanted.equals(name);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("SIP over TLS is served on sockets only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
        throw new CertificateException("a client certificate is only judged with its connection");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket)
            throws CertificateException {
        chain.checkServerTrusted(certificates, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType, SSLEngine engine)
            throws CertificateException {
        chain.checkServerTrusted(certificates, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
        chain.checkServerTrusted(certificates, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return chain.getAcceptedIssuers();
    }
}
