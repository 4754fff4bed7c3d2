package org.opencg.core.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String stored = PasswordHash.hash("correct horse".toCharArray());
        assertTrue(PasswordHash.verify("correct horse".toCharArray(), stored));
        assertFalse(PasswordHash.verify("correct hors".toCharArray(), stored));
    }

    @Test
    void theHashIsInJakartaSecurityFormatAndSalted() {
        String first = PasswordHash.hash("secret".toCharArray());
        String second = PasswordHash.hash("secret".toCharArray());
        assertEquals(4, first.split(":").length);
        assertTrue(first.startsWith("PBKDF2WithHmacSHA256:600000:"));
        assertFalse(first.contains("secret"));
        assertNotEquals(first, second, "two hashes of one password must differ by their salt");
    }

    @Test
    void aMalformedStoredHashNeverVerifies() {
        assertFalse(PasswordHash.verify("x".toCharArray(), "plain-text"));
        assertFalse(PasswordHash.verify("x".toCharArray(), "MD5:1:AA==:AA=="));
    }

    @Test
    void randomPasswordsHaveTheLengthAskedAndDiffer() {
        String a = PasswordHash.randomPassword(20);
        assertEquals(20, a.length());
        assertNotEquals(a, PasswordHash.randomPassword(20));
        assertTrue(a.chars().noneMatch(c -> "0O1lI".indexOf(c) >= 0));
    }
}
