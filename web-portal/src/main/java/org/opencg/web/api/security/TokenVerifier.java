package org.opencg.web.api.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.jwk.HttpsJwks;

/**
 * Checks an OAuth 2.0 bearer token (a JWS signed with RS256) the way the Provisioning API's identity provider
 * issues them: signature by the configured keys (a local PEM public key, or the provider's JWKS URL such as Entra
 * ID's {@code https://login.microsoftonline.com/<tenant>/discovery/v2.0/keys}), issuer, audience, expiry, a lifetime
 * ({@code exp - iat}, and {@code exp} from now) no longer than the configured maximum, and, when a list of clients
 * is configured, the client application ({@code azp}, or Entra's v1 {@code appid}); the app roles come from the
 * configured claim ({@code roles}, as Entra ID puts them).
 */
public final class TokenVerifier {

    /** Who called: the token's subject, the client application (Entra's {@code azp}/{@code appid}) and roles. */
    public record Caller(String subject, String client, Set<String> roles) {
    }

    /** A token that does not pass, with a reason safe to tell the client. */
    public static final class Rejected extends Exception {

        private static final long serialVersionUID = 1L;

        Rejected(String message) {
            super(message);
        }
    }

    private static final int CLOCK_SKEW_SECONDS = 60;

    private final JwtConsumer consumer;
    private final String rolesClaim;
    private final long maxLifetimeSeconds;
    private final Set<String> allowedClients;

    public TokenVerifier(ApiSecuritySettings settings) {
        this(settings.keys(), settings.issuer(), settings.audience(), settings.maxLifetimeMinutes(),
                settings.allowedClients(), settings.rolesClaim());
    }

    public TokenVerifier(String keys, String issuer, String audience, int maxLifetimeMinutes,
            Set<String> allowedClients, String rolesClaim) {
        JwtConsumerBuilder builder = new JwtConsumerBuilder().setRequireExpirationTime().setRequireIssuedAt()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS).setMaxFutureValidityInMinutes(maxLifetimeMinutes)
                .setRequireSubject().setExpectedIssuer(issuer).setExpectedAudience(audience)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256);
        if (keys.startsWith("https://") || keys.startsWith("http://")) {
            builder.setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(keys)));
        } else {
            builder.setVerificationKey(readPublicKey(Path.of(keys.replaceFirst("^file:", ""))));
        }
        this.consumer = builder.build();
        this.rolesClaim = rolesClaim;
        this.maxLifetimeSeconds = maxLifetimeMinutes * 60L;
        this.allowedClients = Set.copyOf(allowedClients);
    }

    /** An X.509 SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}), as {@code openssl pkey -pubout} writes. */
    static PublicKey readPublicKey(Path pem) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the token signing key " + pem + ": " + e.getMessage(), e);
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(pem + " is not an RSA public key in PEM form", e);
        }
    }

    public Caller verify(String token) throws Rejected {
        try {
            JwtClaims claims = consumer.processToClaims(token);
            List<String> roles = claims.hasClaim(rolesClaim) ? claims.getStringListClaimValue(rolesClaim) : List.of();
            long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
            if (lifetime > maxLifetimeSeconds + CLOCK_SKEW_SECONDS) {
                throw new Rejected("the token lives longer than this API accepts (" + maxLifetimeSeconds / 60
                        + " minutes)");
            }
            String client = claims.hasClaim("azp") ? claims.getStringClaimValue("azp")
                    : claims.hasClaim("appid") ? claims.getStringClaimValue("appid") : null;
            if (!allowedClients.isEmpty() && (client == null || !allowedClients.contains(client))) {
                throw new Rejected("the token's client application is not allowed to call this API");
            }
            return new Caller(claims.getSubject(), client != null ? client : claims.getSubject(), Set.copyOf(roles));
        } catch (InvalidJwtException e) {
            throw new Rejected(e.hasExpired() ? "the token has expired"
                    : "the token is not valid here (signature, issuer, audience or lifetime)");
        } catch (MalformedClaimException e) {
            throw new Rejected("the token's claims are malformed: " + e.getMessage());
        }
    }
}
