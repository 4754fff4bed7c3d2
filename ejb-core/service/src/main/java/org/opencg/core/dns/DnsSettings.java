package org.opencg.core.dns;

import java.time.Duration;

import org.eclipse.microprofile.config.Config;

/**
 * Where Direct Routing subdomain TXT records are published (docs/configuration.md): the base domain
 * ({@code opencg.dr.base-domain}, the zone the operator delegated), its authoritative server
 * ({@code opencg.dns.server} host:port, taking RFC 2136 updates) and the TSIG key allowed to update it. Without a
 * server nothing is published and every subdomain reads {@code notProvisioned}.
 */
public record DnsSettings(String baseDomain, String host, int port, String tsigName, String tsigAlgorithm,
        String tsigSecret, long ttl, Duration timeout) {

    public static DnsSettings from(Config config) {
        String server = config.getOptionalValue("opencg.dns.server", String.class).orElse("");
        int colon = server.lastIndexOf(':');
        return new DnsSettings(config.getOptionalValue("opencg.dr.base-domain", String.class).orElse(""),
                colon < 0 ? server : server.substring(0, colon),
                colon < 0 ? 53 : Integer.parseInt(server.substring(colon + 1)),
                config.getOptionalValue("opencg.dns.tsig.name", String.class).orElse(""),
                config.getOptionalValue("opencg.dns.tsig.algorithm", String.class).orElse("hmac-sha256"),
                config.getOptionalValue("opencg.dns.tsig.secret", String.class).orElse(""),
                config.getOptionalValue("opencg.dns.ttl", Long.class).orElse(300L),
                Duration.ofMillis(config.getOptionalValue("opencg.dns.timeout-ms", Long.class).orElse(2000L)));
    }

    public boolean configured() {
        return !host.isBlank() && !baseDomain.isBlank();
    }
}
