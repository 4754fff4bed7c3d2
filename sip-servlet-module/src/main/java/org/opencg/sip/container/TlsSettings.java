package org.opencg.sip.container;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.eclipse.microprofile.config.Config;
import org.opencg.core.config.StartupFailure;

/**
 * SIP over TLS as ACG does it (acg-behaviour.md §3.1): TLS 1.2 and 1.3 only, with ACG's cipher suites, the
 * gateway's key and chain from a keystore, the CAs it trusts from a truststore, and optionally client
 * certificates (mutual TLS). JAIN-SIP has one TLS layer per stack, so these apply to every TLS listening point.
 */
public record TlsSettings(Path keystore, String keystorePassword, Path truststore, String truststorePassword,
        String clientAuth) {

    public static final String KEYSTORE = "opencg.sip.tls.keystore";
    public static final String KEYSTORE_PASSWORD = "opencg.sip.tls.keystore-password";
    public static final String TRUSTSTORE = "opencg.sip.tls.truststore";
    public static final String TRUSTSTORE_PASSWORD = "opencg.sip.tls.truststore-password";
    public static final String CLIENT_AUTH = "opencg.sip.tls.client-auth";

    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** ACG's suites, TLS 1.3 first, in the JSSE names. */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");

    /** Reads the settings; the stores default to {@code tls/} in the data directory, where ./opencg run makes them. */
    public static TlsSettings from(Config config, Path dataDirectory) {
        Path tls = dataDirectory.resolve("tls");
        String clientAuth = config.getOptionalValue(CLIENT_AUTH, String.class).orElse("disabled").toLowerCase(Locale.ROOT);
        if (!List.of("disabled", "want", "required").contains(clientAuth)) {
            throw new StartupFailure(CLIENT_AUTH, "'" + clientAuth + "' is not disabled, want or required", null);
        }
        return new TlsSettings(
                Path.of(config.getOptionalValue(KEYSTORE, String.class).orElse(tls.resolve("gateway.p12").toString())),
                config.getOptionalValue(KEYSTORE_PASSWORD, String.class).orElse("changeit"),
                Path.of(config.getOptionalValue(TRUSTSTORE, String.class).orElse(tls.resolve("trust.p12").toString())),
                config.getOptionalValue(TRUSTSTORE_PASSWORD, String.class).orElse("changeit"),
                clientAuth);
    }

    /** Adds JAIN-SIP's TLS properties; fails start-up, naming the setting, when a store is missing. */
    public void apply(Properties stack) {
        if (!Files.isReadable(keystore)) {
            throw new StartupFailure(KEYSTORE, keystore + " does not exist or cannot be read", null);
        }
        if (!Files.isReadable(truststore)) {
            throw new StartupFailure(TRUSTSTORE, truststore + " does not exist or cannot be read", null);
        }
        stack.setProperty("javax.net.ssl.keyStore", keystore.toString());
        stack.setProperty("javax.net.ssl.keyStorePassword", keystorePassword);
        stack.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
        stack.setProperty("javax.net.ssl.trustStore", truststore.toString());
        stack.setProperty("javax.net.ssl.trustStorePassword", truststorePassword);
        stack.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        stack.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", String.join(",", PROTOCOLS));
        stack.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",", CIPHER_SUITES));
        stack.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", switch (clientAuth) {
            case "want" -> "Want";
            case "required" -> "Enabled";
            default -> "Disabled";
        });
    }
}
