package org.opencg.core.accounts;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccountRulesTest {

    private static AccountDetails directRouting(String subdomain, String token) {
        return new AccountDetails(null, null, null,
                new AccountDetails.DirectRouting(true, false, true, subdomain, token, "t2"), null, null, null);
    }

    @Test
    void accountNamesFollowTheApiPattern() {
        assertDoesNotThrow(() -> AccountRules.checkName("Contoso_01-a"));
        assertThrows(ProvisioningException.class, () -> AccountRules.checkName("con toso"));
        assertThrows(ProvisioningException.class, () -> AccountRules.checkName("a".repeat(101)));
        assertThrows(ProvisioningException.class, () -> AccountRules.checkName(""));
    }

    @Test
    void directRoutingNeedsASubdomainAndTokensAndTheFailureNamesTheField() {
        assertDoesNotThrow(() -> AccountRules.check(directRouting("contoso", "abc=")));
        ProvisioningException tooLong = assertThrows(ProvisioningException.class,
                () -> AccountRules.check(directRouting("contoso-long", "abc")));
        assertEquals("serviceDetails.teamsDirectRouting.configuration.subdomain", tooLong.target());
        ProvisioningException badToken = assertThrows(ProvisioningException.class,
                () -> AccountRules.check(directRouting("contoso", "a b")));
        assertEquals("serviceDetails.teamsDirectRouting.configuration.subdomainTokens.region1Token", badToken.target());
    }

    @Test
    void theTenantIsAGuid() {
        ProvisioningException e = assertThrows(ProvisioningException.class, () -> AccountRules.check(
                new AccountDetails(null, "tenant", null, null, null, null, null)));
        assertEquals(ProvisioningException.Kind.INVALID, e.kind());
    }

    @Test
    void entityTagsMatchAsRfc9110Says() {
        String etag = AccountRules.etag(3);
        assertEquals("\"3\"", etag);
        assertTrue(AccountRules.etagMatches("*", etag));
        assertTrue(AccountRules.etagMatches("\"1\", W/\"3\"", etag));
        assertFalse(AccountRules.etagMatches("\"4\"", etag));
    }
}
