package org.opencg.web.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.ws.rs.HttpMethod;

import org.junit.jupiter.api.Test;
import org.opencg.web.api.AccountActionsResource;
import org.opencg.web.api.AccountNumbersResource;
import org.opencg.web.api.AccountsResource;
import org.opencg.web.api.AuditResource;
import org.opencg.web.api.CallRecordsResource;
import org.opencg.web.api.ConsentsResource;
import org.opencg.web.api.NumbersResource;
import org.opencg.web.api.TeamsDirectoryResource;
import org.opencg.core.net.SourceAllowlist;

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
    void everyOperationNamesItsRolesByHttpMethodWithAdminAllowedEverywhere() throws Exception {
        List<Class<?>> resources = List.of(AccountsResource.class, AccountNumbersResource.class,
                AccountActionsResource.class, NumbersResource.class, ConsentsResource.class,
                TeamsDirectoryResource.class, AuditResource.class, CallRecordsResource.class);
        int operations = 0;
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                operations++;
                assertNotNull(method.getAnnotation(Allowed.class), method + " names no roles");
                Set<String> roles = ApiRoles.allowed(method);
                boolean adminOnly = resource == AuditResource.class || resource == CallRecordsResource.class;
                Set<String> expected = switch (verb) {
                    case "GET" -> adminOnly ? Set.of(ApiRoles.ADMIN) : Set.of(ApiRoles.ADMIN, ApiRoles.READ);
                    case "DELETE" -> Set.of(ApiRoles.ADMIN, ApiRoles.DELETE);
                    case "PUT", "PATCH" -> Set.of(ApiRoles.ADMIN, ApiRoles.WRITE);
                    default -> roles; // POST actions: below, one by one
                };
                assertEquals(expected, roles, method.toString());
            }
        }
        assertEquals(18 + 2, operations, "ACG's 18 operations and OpenCG's audit and call records");
        assertEquals(Set.of(ApiRoles.ADMIN, ApiRoles.DELETE, ApiRoles.WRITE),
                ApiRoles.allowed(find(AccountActionsResource.class, "deleteNumbers")));
        assertEquals(Set.of(ApiRoles.ADMIN, ApiRoles.WRITE),
                ApiRoles.allowed(find(AccountActionsResource.class, "createOrUpdateNumbers")));
        assertEquals(Set.of(ApiRoles.ADMIN, ApiRoles.READ, ApiRoles.WRITE),
                ApiRoles.allowed(find(TeamsDirectoryResource.class, "capabilityPlans")), "a look-up changes nothing");
        assertEquals(Set.of(ApiRoles.ADMIN, ApiRoles.READ, ApiRoles.WRITE),
                ApiRoles.allowed(find(TeamsDirectoryResource.class, "availableCapabilities")));
        assertEquals(Set.of(ApiRoles.ADMIN), ApiRoles.allowed((Method) null), "a method naming nothing is Admin's");
    }

    private static Method find(Class<?> type, String name) {
        return java.util.Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private static String httpMethod(Method method) {
        for (java.lang.annotation.Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }
}
