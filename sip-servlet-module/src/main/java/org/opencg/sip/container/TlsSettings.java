package org.opencg.sip.container;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.eclipse.microprofile.config.Config;

import gov.nist.javax.sip.stack.ClientAuthType;
import org.opencg.core.config.StartupFailure;

/**
 * SIP over TLS as ACG does it (acg-behaviour.md §3.1): TLS 1.2 and 1.3 only, with ACG's cipher suites, the
 * gateway's key and chain from a keystore, the CAs it trusts from a truststore, and optionally client
 * certificates (mutual TLS) checked against their own truststore and, per side, the names they must be issued to.
 * Keys, versions and suites apply to every TLS listening point; whether a client certificate is asked for is set per
 * side ({@code opencg.sip.listening-point.<side>.client-auth}, default {@code opencg.sip.tls.client-auth}, and
 * {@code required} on the Teams side), and so are the names ({@code .client-names}).
 */
public record TlsSettings(Path keystore, String keystorePassword, Path truststore, String truststorePassword,
        Path clientTruststore, String clientTruststorePassword, String clientAuth) {

    public static final String KEYSTORE = "opencg.sip.tls.keystore";
    public static final String KEYSTORE_PASSWORD = "opencg.sip.tls.keystore-password";
    public static final String TRUSTSTORE = "opencg.sip.tls.truststore";
    public static final String TRUSTSTORE_PASSWORD = "opencg.sip.tls.truststore-password";
    public static final String CLIENT_AUTH = "opencg.sip.tls.client-auth";
    public static final String CLIENT_TRUSTSTORE = TlsContexts.CLIENT_TRUSTSTORE;
    public static final String CLIENT_TRUSTSTORE_PASSWORD = TlsContexts.CLIENT_TRUSTSTORE_PASSWORD;
    /** Microsoft's SIP proxies' certificate names: what the Teams side takes from a client by default. */
    public static final String MICROSOFT_NAMES = "*.pstnhub.microsoft.com";

    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** ACG's suites, TLS 1.3 first, in the JSSE names. */
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");

    public static String clientAuthSetting(String side) {
        return "opencg.sip.listening-point." + side + ".client-auth";
    }

    public static String clientNamesSetting(String side) {
        return "opencg.sip.listening-point." + side + ".client-names";
    }

    /** Reads the settings; the stores default to {@code tls/} in the data directory, where ./opencg run makes them. */
    public static TlsSettings from(Config config, Path dataDirectory) {
        Path tls = dataDirectory.resolve("tls");
        String clientAuth = policy(CLIENT_AUTH, config.getOptionalValue(CLIENT_AUTH, String.class).orElse("disabled"));
        Path truststore = Path.of(config.getOptionalValue(TRUSTSTORE, String.class)
                .orElse(tls.resolve("trust.p12").toString()));
        String truststorePassword = config.getOptionalValue(TRUSTSTORE_PASSWORD, String.class).orElse("changeit");
        return new TlsSettings(
                Path.of(config.getOptionalValue(KEYSTORE, String.class).orElse(tls.resolve("gateway.p12").toString())),
                config.getOptionalValue(KEYSTORE_PASSWORD, String.class).orElse("changeit"),
                truststore, truststorePassword,
                config.getOptionalValue(CLIENT_TRUSTSTORE, String.class).map(Path::of).orElse(truststore),
                config.getOptionalValue(CLIENT_TRUSTSTORE_PASSWORD, String.class).orElse(truststorePassword),
                clientAuth);
    }

    private static String policy(String setting, String value) {
        String policy = value.trim().toLowerCase(Locale.ROOT);
        if (!List.of("disabled", "want", "required").contains(policy)) {
            throw new StartupFailure(setting, "'" + value + "' is not disabled, want or required", null);
        }
        return policy;
    }

    /**
     * Whether the TLS listening points of {@code side} ask for a client certificate ({@link ClientAuthNetworkLayer}):
     * the Teams side requires one unless told otherwise, as Microsoft's proxies present theirs (mutual TLS).
     */
    public ClientAuthType clientAuthFor(Config config, String side) {
        String setting = clientAuthSetting(side);
        String fallback = "teams".equals(side) && config.getOptionalValue(CLIENT_AUTH, String.class).isEmpty()
                ? "required" : clientAuth;
        return switch (policy(setting, config.getOptionalValue(setting, String.class).orElse(fallback))) {
            case "want" -> ClientAuthType.Want;
            case "required" -> ClientAuthType.Enabled;
            default -> ClientAuthType.Disabled;
        };
    }

    /** The certificate names a client on {@code side} must present: Microsoft's on the Teams side, none elsewhere. */
    public static String clientNamesFor(Config config, String side) {
        return config.getOptionalValue(clientNamesSetting(side), String.class)
                .orElse("teams".equals(side) ? MICROSOFT_NAMES : "");
    }

    /** Adds JAIN-SIP's TLS properties; fails start-up, naming the setting, when a store is missing. */
    public void apply(Properties stack) {
        if (!Files.isReadable(keystore)) {
            throw new StartupFailure(KEYSTORE, keystore + " does not exist or cannot be read", null);
        }
        if (!Files.isReadable(truststore)) {
            throw new StartupFailure(TRUSTSTORE, truststore + " does not exist or cannot be read", null);
        }
        if (!Files.isReadable(clientTruststore)) {
            throw new StartupFailure(CLIENT_TRUSTSTORE, clientTruststore + " does not exist or cannot be read", null);
        }
        stack.setProperty("javax.net.ssl.keyStore", keystore.toString());
        stack.setProperty("javax.net.ssl.keyStorePassword", keystorePassword);
        stack.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
        stack.setProperty("javax.net.ssl.trustStore", truststore.toString());
        stack.setProperty("javax.net.ssl.trustStorePassword", truststorePassword);
        stack.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        stack.setProperty(CLIENT_TRUSTSTORE, clientTruststore.toString());
        stack.setProperty(CLIENT_TRUSTSTORE_PASSWORD, clientTruststorePassword);
        stack.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", String.join(",", PROTOCOLS));
        stack.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",", CIPHER_SUITES));
        // The policy is per listening point (ClientAuthNetworkLayer); with Want, JAIN-SIP leaves accepted sockets as
        // that layer set them, where Enabled would demand a certificate on all of them.
        stack.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Want");
    }
}
