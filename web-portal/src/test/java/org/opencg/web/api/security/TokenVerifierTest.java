package org.opencg.web.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which tokens the API takes, on a key of the test's own: audience, lifetime and client are always decided. */
class TokenVerifierTest {

    private static KeyPair key;
    @TempDir
    static Path dir;
    private static Path publicKey;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        publicKey = dir.resolve("signing.pub.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(key.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
    }

    private static String token(String audience, String client, long issuedAgo, long lifetime) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("opencg-local");
        claims.setSubject("someone");
        if (audience != null) {
            claims.setAudience(audience);
        }
        if (client != null) {
            claims.setClaim("azp", client);
        }
        long now = System.currentTimeMillis() / 1000;
        claims.setIssuedAt(NumericDate.fromSeconds(now - issuedAgo));
        claims.setExpirationTime(NumericDate.fromSeconds(now - issuedAgo + lifetime));
        claims.setStringListClaim("roles", List.of(ApiRoles.READ));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static TokenVerifier verifier(Set<String> clients) {
        return new TokenVerifier(publicKey.toString(), "opencg-local", "api://opencg", 60, clients, "roles");
    }

    @Test
    void aTokenForThisApiWithinItsLifetimeIsTaken() throws Exception {
        TokenVerifier.Caller caller = verifier(Set.of()).verify(token("api://opencg", "app-1", 0, 3600));
        assertEquals("app-1", caller.client());
        assertEquals(Set.of(ApiRoles.READ), caller.roles());
    }

    @Test
    void aTokenForAnotherAudienceOrNoneIsRefused() throws Exception {
        assertThrows(TokenVerifier.Rejected.class, () -> verifier(Set.of()).verify(token("api://other", "a", 0, 600)));
        assertThrows(TokenVerifier.Rejected.class, () -> verifier(Set.of()).verify(token(null, "a", 0, 600)));
    }

    @Test
    void aTokenLongerThanTheLongestLifetimeIsRefusedEvenLateInItsLife() throws Exception {
        TokenVerifier verifier = verifier(Set.of());
        TokenVerifier.Rejected tenYears = assertThrows(TokenVerifier.Rejected.class,
                () -> verifier.verify(token("api://opencg", "a", 0, 10L * 365 * 86400)));
        assertTrue(tenYears.getMessage().contains("lifetime"), tenYears.getMessage());
        // Issued long ago, only 30 minutes left: still a token of two hours, over the 60 minutes allowed.
        TokenVerifier.Rejected old = assertThrows(TokenVerifier.Rejected.class,
                () -> verifier.verify(token("api://opencg", "a", 5400, 7200)));
        assertTrue(old.getMessage().contains("60 minutes"), old.getMessage());
    }

    @Test
    void onlyListedClientsPassWhenAListIsSet() throws Exception {
        TokenVerifier verifier = verifier(Set.of("portal-app"));
        assertEquals("portal-app", verifier.verify(token("api://opencg", "portal-app", 0, 600)).client());
        assertThrows(TokenVerifier.Rejected.class, () -> verifier.verify(token("api://opencg", "other-app", 0, 600)));
        assertThrows(TokenVerifier.Rejected.class, () -> verifier.verify(token("api://opencg", null, 0, 600)));
    }
}
