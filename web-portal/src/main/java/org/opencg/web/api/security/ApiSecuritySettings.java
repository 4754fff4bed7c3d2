package org.opencg.web.api.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.Config;
import org.opencg.core.net.SourceAllowlist;

/**
 * The Provisioning API's security settings (MicroProfile Config, see docs/configuration.md): token issuer, keys,
 * audience, longest lifetime, the client applications let in, roles claim, source allowlist and rate limit. The
 * default keys are the local signing key {@code ./opencg run} makes in the data directory, whose tokens
 * {@code ./opencg token} prints for the local audience. Tokens from an identity provider (keys at a JWKS URL) are
 * only taken with an audience set: any application of the provider's tenant can get a token for itself, and only
 * the audience says it was meant for this API.
 */
public record ApiSecuritySettings(String keys, String issuer, String audience, int maxLifetimeMinutes,
        Set<String> allowedClients, String rolesClaim, SourceAllowlist allowlist, int ratePerMinute) {

    public static final String LOCAL_ISSUER = "opencg-local";
    /** The audience of the tokens {@code ./opencg token} signs with the local key. */
    public static final String LOCAL_AUDIENCE = "opencg-provisioning-api";
    public static final String AUDIENCE = "opencg.api.jwt.audience";

    /** @throws IllegalStateException naming the setting that is wrong */
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
        String keys = config.getOptionalValue("opencg.api.jwt.keys", String.class)
                .orElse(dataDir + "/api/signing.pub.pem");
        boolean provider = keys.startsWith("https://") || keys.startsWith("http://");
        Optional<String> audience = config.getOptionalValue(AUDIENCE, String.class).filter(a -> !a.isBlank());
        if (provider && audience.isEmpty()) {
            throw new IllegalStateException(AUDIENCE + ": must be set when tokens come from " + keys
                    + " (the API's application ID URI or client id), or any application could call the API");
        }
        int lifetime = config.getOptionalValue("opencg.api.jwt.max-lifetime-minutes", Integer.class).orElse(1440);
        if (lifetime < 1) {
            throw new IllegalStateException("opencg.api.jwt.max-lifetime-minutes: must be at least 1");
        }
        Set<String> clients = config.getOptionalValue("opencg.api.jwt.allowed-clients", String.class)
                .map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(c -> !c.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
        return new ApiSecuritySettings(keys,
                config.getOptionalValue("opencg.api.jwt.issuer", String.class).orElse(LOCAL_ISSUER),
                audience.orElse(LOCAL_AUDIENCE), lifetime, clients,
                config.getOptionalValue("opencg.api.jwt.roles-claim", String.class).orElse("roles"),
                allowlist, rate);
    }
}
