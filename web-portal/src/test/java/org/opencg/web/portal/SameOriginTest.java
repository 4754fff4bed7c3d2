package org.opencg.web.portal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The portal's cross-site request forgery rule, without a server. */
class SameOriginTest {

    @Test
    void readingIsAlwaysAllowed() {
        assertTrue(SameOrigin.allows("GET", "http://evil.example", null, "127.0.0.1:8080"));
        assertTrue(SameOrigin.allows("HEAD", null, null, "127.0.0.1:8080"));
    }

    @Test
    void aChangeFromThisSiteIsAllowedByOriginOrElseReferer() {
        assertTrue(SameOrigin.allows("POST", "http://127.0.0.1:8080", null, "127.0.0.1:8080"));
        assertTrue(SameOrigin.allows("POST", null, "http://127.0.0.1:8080/portal/numbers.xhtml", "127.0.0.1:8080"));
        assertTrue(SameOrigin.allows("POST", "http://Portal.Example", null, "portal.example:80"), "default port");
        assertTrue(SameOrigin.allows("POST", "https://portal.example", null, "portal.example:443"));
        assertTrue(SameOrigin.allows("POST", "http://[::1]:8080", null, "[::1]:8080"));
    }

    @Test
    void aChangeFromAnotherSiteOrFromNowhereIsRefused() {
        assertFalse(SameOrigin.allows("POST", "http://evil.example", null, "127.0.0.1:8080"));
        assertFalse(SameOrigin.allows("POST", "http://127.0.0.1:8081", null, "127.0.0.1:8080"), "another port");
        assertFalse(SameOrigin.allows("POST", "null", "http://evil.example/x", "127.0.0.1:8080"), "sandboxed frame");
        assertFalse(SameOrigin.allows("POST", null, null, "127.0.0.1:8080"), "no header at all");
        assertFalse(SameOrigin.allows("POST", "not a url", null, "127.0.0.1:8080"));
        assertFalse(SameOrigin.allows("DELETE", "http://127.0.0.1:8080.evil.example", null, "127.0.0.1:8080"));
    }
}
