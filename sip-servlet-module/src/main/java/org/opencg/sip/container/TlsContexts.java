package org.opencg.sip.container;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The two TLS contexts of the SIP sides, from the stack's properties: one for the connections we accept, which
 * trusts the clients' truststore and checks each client certificate's name ({@link PeerNameTrust}), and one for the
 * connections we open, which trusts the servers' truststore. One CA trusted to identify Microsoft's servers is so
 * never, by that alone, a CA whose certificates may call in. Both present the gateway's own key.
 */
record TlsContexts(SSLContext server, SSLContext client) {

    static final String CLIENT_TRUSTSTORE = "opencg.sip.tls.client-truststore";
    static final String CLIENT_TRUSTSTORE_PASSWORD = "opencg.sip.tls.client-truststore-password";
    private static final String NAMES_PREFIX = "opencg.sip.tls.client-names@";

    /** The stack property holding the client certificate names a listening point takes, comma-separated. */
    static String namesKey(String address, int port) {
        return NAMES_PREFIX + address + ":" + port;
    }

    static TlsContexts from(Properties properties) throws GeneralSecurityException, IOException {
        KeyStore keys = load(properties.getProperty("javax.net.ssl.keyStore"),
                properties.getProperty("javax.net.ssl.keyStorePassword"));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, properties.getProperty("javax.net.ssl.keyStorePassword").toCharArray());
        X509ExtendedTrustManager servers = trust(properties.getProperty("javax.net.ssl.trustStore"),
                properties.getProperty("javax.net.ssl.trustStorePassword"));
        X509ExtendedTrustManager clients = trust(
                properties.getProperty(CLIENT_TRUSTSTORE, properties.getProperty("javax.net.ssl.trustStore")),
                properties.getProperty(CLIENT_TRUSTSTORE_PASSWORD,
                        properties.getProperty("javax.net.ssl.trustStorePassword")));
        Map<String, List<String>> names = new HashMap<>();
        // JAIN-SIP hands its properties over wrapped, and the wrapper has propertyNames() but not stringPropertyNames().
        for (java.util.Enumeration<?> all = properties.propertyNames(); all.hasMoreElements();) {
            String key = String.valueOf(all.nextElement());
            if (key.startsWith(NAMES_PREFIX)) {
                names.put(key.substring(NAMES_PREFIX.length()), Arrays.stream(properties.getProperty(key).split(","))
                        .map(String::trim).filter(n -> !n.isEmpty()).toList());
            }
        }
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(keyManagers.getKeyManagers(), new TrustManager[] {new PeerNameTrust(clients, names)}, null);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(keyManagers.getKeyManagers(), new TrustManager[] {servers}, null);
        return new TlsContexts(server, client);
    }

    private static KeyStore load(String path, String password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    private static X509ExtendedTrustManager trust(String path, String password)
            throws GeneralSecurityException, IOException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(load(path, password));
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager for " + path);
    }
}
