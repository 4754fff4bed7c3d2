package org.opencg.web.api.security;

import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * The Provisioning API's security settings (MicroProfile Config, see README "Settings"): token issuer and keys,
 * roles claim, source allowlist and rate limit. The default keys are the local signing key {@code ./opencg run}
 * makes in the data directory, whose tokens {@code ./opencg token} prints.
 */
public record ApiSecuritySettings(String keys, String issuer, String audience, String rolesClaim,
        SourceAllowlist allowlist, int ratePerMinute) {

    public static final String LOCAL_ISSUER = "opencg-local";

    public static ApiSecuritySettings from(Config config) {
        String dataDir = config.getOptionalValue("opencg.data.dir", String.class)
                .or(() -> config.getOptionalValue("jboss.server.data.dir", String.class).map(d -> d + "/opencg"))
                .orElse("data");
        String allowed = config.getOptionalValue("opencg.api.allowed-sources", String.class)
                .orElse("127.0.0.0/8,::1/128");
        SourceAllowlist allowlist;
        try {
            allowlist = SourceAllowlist.parse(allowed);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("opencg.api.allowed-sources: " + e.getMessage(), e);
        }
        int rate = config.getOptionalValue("opencg.api.rate-limit", Integer.class).orElse(100);
        Optional<String> audience = config.getOptionalValue("opencg.api.jwt.audience", String.class);
        return new ApiSecuritySettings(
                config.getOptionalValue("opencg.api.jwt.keys", String.class).orElse(dataDir + "/api/signing.pub.pem"),
                config.getOptionalValue("opencg.api.jwt.issuer", String.class).orElse(LOCAL_ISSUER),
                audience.orElse(null),
                config.getOptionalValue("opencg.api.jwt.roles-claim", String.class).orElse("roles"),
                allowlist, rate);
    }
}
