package org.opencg.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;

/**
 * Bearer tokens as the identity provider would issue them, signed with the test server's local key (made like
 * {@code ./opencg run} makes it): issuer {@code opencg-local}, audience {@code opencg-provisioning-api}, roles in
 * the {@code roles} claim.
 */
final class Tokens {

    private static final Path KEY = TestServer.BASE_DIR.resolve("data/opencg/api/signing.pem");
    static final String ADMIN = "ProvisioningAPI.Admin";
    static final String READ = "ProvisioningAPI.Read";
    static final String WRITE = "ProvisioningAPI.Write";
    static final String DELETE = "ProvisioningAPI.Delete";
    static final String AUDIENCE = "opencg-provisioning-api";

    private Tokens() {
    }

    /** A token for a client of its own (so rate limits of one test never touch another) with these roles. */
    static String roles(String... roles) throws Exception {
        return sign("opencg-local", "it-" + UUID.randomUUID(), 3600, List.of(roles));
    }

    static String sign(String issuer, String client, long lifetimeSeconds, List<String> roles) throws Exception {
        return sign(issuer, AUDIENCE, client, lifetimeSeconds, roles);
    }

    /** A token issued now for {@code audience} (null: none), expiring after {@code lifetimeSeconds}. */
    static String sign(String issuer, String audience, String client, long lifetimeSeconds, List<String> roles)
            throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        if (audience != null) {
            claims.setAudience(audience);
        }
        claims.setSubject("integration-test");
        claims.setClaim("azp", client);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(lifetimeSeconds / 60f);
        claims.setStringListClaim("roles", roles);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(privateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static PrivateKey privateKey() throws Exception {
        String base64 = Files.readString(KEY).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
