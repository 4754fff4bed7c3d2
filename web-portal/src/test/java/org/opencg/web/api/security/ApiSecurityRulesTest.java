package org.opencg.web.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The allowlist, rate limit and role rules on their own, without a server. */
class ApiSecurityRulesTest {

    @Test
    void allowlistMatchesAddressesAndBlocksOfBothFamilies() {
        SourceAllowlist list = SourceAllowlist.parse("10.1.0.0/16, 192.0.2.7, 2001:db8::/32, 172.16.0.0/12");
        assertTrue(list.allows("10.1.255.3"));
        assertFalse(list.allows("10.2.0.1"));
        assertTrue(list.allows("192.0.2.7"));
        assertFalse(list.allows("192.0.2.8"));
        assertTrue(list.allows("172.31.0.1"));
        assertFalse(list.allows("172.32.0.1"));
        assertTrue(list.allows("2001:db8:1::5"));
        assertFalse(list.allows("2001:db9::5"));
        assertFalse(list.allows("not-an-address"), "names are never resolved");
        assertThrows(IllegalArgumentException.class, () -> SourceAllowlist.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> SourceAllowlist.parse("example.com"));
    }

    @Test
    void rateLimitCountsPerClientPerMinuteAndSaysWhenToRetry() {
        AtomicLong now = new AtomicLong(1_000_000);
        RateLimiter limiter = new RateLimiter(3, now::get);
        assertEquals(0, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("a"));
        assertEquals(0, limiter.acquire("a"));
        now.addAndGet(20_000);
        assertEquals(40, limiter.acquire("a"), "the window opened 20 s ago; 40 s are left");
        assertEquals(0, limiter.acquire("b"), "clients are counted apart");
        now.addAndGet(40_000);
        assertEquals(0, limiter.acquire("a"), "a new minute");
    }

    @Test
    void rolesFollowTheHttpMethodWithAdminAllowedEverywhere() {
        assertTrue(ApiRoles.allowed("GET", "accounts").contains(ApiRoles.READ));
        assertFalse(ApiRoles.allowed("PUT", "accounts/a").contains(ApiRoles.READ));
        assertTrue(ApiRoles.allowed("PATCH", "teamsRequestsForInformation/x").contains(ApiRoles.WRITE));
        assertTrue(ApiRoles.allowed("DELETE", "accounts/a").contains(ApiRoles.DELETE));
        assertFalse(ApiRoles.allowed("DELETE", "accounts/a").contains(ApiRoles.WRITE));
        assertTrue(ApiRoles.allowed("POST", "accounts/a:deleteNumbers").contains(ApiRoles.DELETE));
        assertTrue(ApiRoles.allowed("POST", "accounts/a:getTeamsCapabilityPlans").contains(ApiRoles.READ));
        assertFalse(ApiRoles.allowed("POST", "accounts/a:createOrUpdateNumbers").contains(ApiRoles.READ));
        assertEquals(java.util.Set.of(ApiRoles.ADMIN), ApiRoles.allowed("GET", "audit"));
        for (String method : new String[] {"GET", "PUT", "PATCH", "POST", "DELETE"}) {
            assertTrue(ApiRoles.allowed(method, "accounts").contains(ApiRoles.ADMIN));
        }
    }
}
